/** Localized text as written in a catalog. */
import type { RawText } from './source.js';

/** Locales present in a text as written (a plain string counts as the source locale). */
export function writtenLocales(text: RawText, sourceLocale: string): string[] {
  return typeof text === 'string' ? [sourceLocale] : Object.keys(text);
}
