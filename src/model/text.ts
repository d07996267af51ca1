/** Resolving localized text for the model: every declared locale gets text, missing ones fall back. */
import type { RawText } from '../catalog/source.js';
import { fallbackChain } from '../locale/tags.js';
import type { Locale, Localized, LocalText } from './types.js';

/** The catalog's locales, each with the chain its missing texts follow (see `fallbackChain`). */
export interface TextLocales {
  readonly sourceLocale: Locale;
  readonly chains: ReadonlyMap<Locale, readonly Locale[]>;
}

/** The chains of `locales`, made once per catalog. */
export function textLocales(locales: readonly Locale[], sourceLocale: Locale, fallbackLocale: Locale | undefined): TextLocales {
  return { sourceLocale, chains: new Map(locales.map((locale) => [locale, fallbackChain(locale, fallbackLocale, sourceLocale)])) };
}

/** Text for each locale: its own, else the first text along its chain (`zh-Hant-TW` -> `zh-Hant`
 * -> `zh` -> the fallback locale -> the source locale), else the first text written; a text that
 * is not the locale's own is marked `fallback`. */
export function resolveText(text: RawText, where: TextLocales): Localized {
  const written: Readonly<Record<string, string>> = typeof text === 'string' ? { [where.sourceLocale]: text } : text;
  const result: Record<string, LocalText> = {};
  for (const [locale, chain] of where.chains) {
    const found = chain.find((candidate) => Object.hasOwn(written, candidate));
    result[locale] = Object.freeze(
      found === undefined ? { text: Object.values(written)[0] ?? '', fallback: true } : { text: written[found]!, fallback: found !== locale },
    );
  }
  return Object.freeze(result);
}
