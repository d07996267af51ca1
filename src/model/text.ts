/** Resolving localized text for the model: every declared locale gets text, missing ones fall back. */
import type { RawText } from '../catalog/source.js';
import type { Localized, LocalText } from './types.js';

/** Text for each of `locales`; a missing locale takes the source locale's text (or the
 * first text written) and is marked `fallback`. */
export function resolveText(text: RawText, locales: readonly string[], sourceLocale: string): Localized {
  const written: Record<string, string> = typeof text === 'string' ? { [sourceLocale]: text } : { ...text };
  const fallbackText = Object.hasOwn(written, sourceLocale) ? written[sourceLocale]! : (Object.values(written)[0] ?? '');
  const result: Record<string, LocalText> = {};
  for (const locale of locales) {
    const own = Object.hasOwn(written, locale) ? written[locale] : undefined;
    result[locale] = own !== undefined ? { text: own, fallback: false } : { text: fallbackText, fallback: true };
  }
  return Object.freeze(result);
}
