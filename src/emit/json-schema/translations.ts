/**
 * Titles and descriptions in the source locale, with every other locale kept under
 * `x-translations` (`TRANSLATIONS_KEYWORD`), so a generated schema loses no language.
 */
import { TRANSLATIONS_KEYWORD, textIn } from '../../model/query.js';
import type { Catalog, JsonValue, Localized } from '../../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-object.js';

/** Localized texts by the annotation keyword they become, e.g. `{ title, description }`. */
export type LocalizedParts = { readonly [keyword: string]: Localized | undefined };

/** `{ [locale]: { [keyword]: text } }` for the non-source locales that have their own text
 * (fallbacks are copies of the source text, not translations); undefined when there is none. */
export function translationsOf(catalog: Catalog, parts: LocalizedParts): JsonObject | undefined {
  const out: JsonObject = {};
  for (const locale of catalog.locales) {
    if (locale === catalog.sourceLocale) continue;
    const texts: JsonObject = {};
    for (const [keyword, localized] of Object.entries(parts)) {
      const local = localized?.[locale];
      if (local !== undefined && !local.fallback && local.text !== '') texts[keyword] = local.text;
    }
    if (Object.keys(texts).length > 0) out[locale] = texts;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `{ title, description, x-translations }` in the source locale, leaving out empty texts. */
export function annotationsOf(catalog: Catalog, parts: LocalizedParts): JsonObject {
  const out: JsonObject = {};
  for (const [keyword, localized] of Object.entries(parts)) {
    const text = localized === undefined ? '' : textIn(localized, catalog.sourceLocale);
    if (text !== '') out[keyword] = text;
  }
  const translations = translationsOf(catalog, parts);
  if (translations !== undefined) out[TRANSLATIONS_KEYWORD] = translations;
  return out;
}

/** Both translation maps merged locale by locale; texts already in `first` win. */
export function mergeTranslations(first: JsonValue | undefined, second: JsonValue | undefined): JsonValue | undefined {
  if (!isJsonObject(first)) return second;
  if (!isJsonObject(second)) return first;
  const out: JsonObject = { ...first };
  for (const [locale, texts] of Object.entries(second)) {
    const mine = Object.hasOwn(out, locale) ? out[locale] : undefined;
    setOwn(out, locale, isJsonObject(mine) && isJsonObject(texts) ? { ...texts, ...mine } : (mine ?? texts));
  }
  return out;
}
