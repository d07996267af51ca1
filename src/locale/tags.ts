/**
 * Locale tags: BCP 47 language tags as `Intl.getCanonicalLocales` reads them (Unicode BCP 47
 * locale identifiers), and the fallback chain a missing text or message follows.
 */

/** Whether `tag` is a locale tag in canonical form (folders of generated pages are named so). */
export function isLocaleTag(tag: string): boolean {
  return canonicalLocale(tag) === tag;
}

/** The canonical form of `tag`, or undefined when it is not a well-formed tag. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * `tag` and its more general tags, most specific first, as RFC 4647 lookup truncates them:
 * the last subtag goes, and a single-letter subtag left at the end (an extension's) goes with
 * it. `zh-Hant-TW` -> `zh-Hant-TW`, `zh-Hant`, `zh`.
 */
export function generalTags(tag: string): string[] {
  const tags = [tag];
  const subtags = tag.split('-');
  while (subtags.length > 1) {
    subtags.pop();
    while (subtags.length > 1 && subtags[subtags.length - 1]!.length === 1) subtags.pop();
    tags.push(subtags.join('-'));
  }
  return tags;
}

/**
 * Where a text (or a message) in `locale` is looked for, in order: `locale`, its more general
 * tags, the catalog's fallback locale, then its source locale; no locale twice.
 */
export function fallbackChain(locale: string, fallbackLocale: string | undefined, sourceLocale: string): string[] {
  return [...new Set([...generalTags(locale), ...(fallbackLocale === undefined ? [] : [fallbackLocale]), sourceLocale])];
}
