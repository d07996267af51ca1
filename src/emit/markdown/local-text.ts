/**
 * Picking the text of one locale for a page, and remembering what fell back to another locale
 * (along the chain: more general tags, the fallback locale, the source locale): those texts are
 * marked on the page and listed in the front matter (`fallbacks`).
 */
import { TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { JsonSchema, JsonValue, Locale, Localized, LocalText } from '../../model/types.js';
import { oneLine } from './escape.js';

/** A text on a page; a description (`markdown`) may be written in the markdown subset. */
export interface PageText extends LocalText {
  readonly markdown?: true;
}

export interface TextPicker {
  readonly locale: Locale;
  /** The text in the page's locale; `label` names it in the front matter when it fell back. */
  pick(value: Localized, label: string): LocalText;
  /** Same for optional text; undefined when it is absent or blank. */
  pickOptional(value: Localized | undefined, label: string): LocalText | undefined;
  /** A description: like `pick`, marked as markdown. */
  description(value: Localized, label: string): PageText;
  /** An optional description: like `pickOptional`, marked as markdown. */
  optionalDescription(value: Localized | undefined, label: string): PageText | undefined;
  /** `title` or `description` of a payload schema (source text + `x-translations`), undefined when absent or blank; a description is marked as markdown. */
  pickSchema(schema: JsonSchema, keyword: 'title' | 'description', label: string): PageText | undefined;
  /** Labels of the texts that fell back, in the order they were picked, without repeats. */
  fallbacks(): string[];
}

/** A picker for one page whose texts follow `chain` (its locale first; see `fallbackChain`);
 * `sourceLocale` is the catalog's. */
export function createTextPicker(chain: readonly Locale[], sourceLocale: Locale): TextPicker {
  const locale = chain[0] ?? sourceLocale;
  const fallbacks = new Set<string>();
  const record = (text: LocalText, label: string): LocalText => {
    // Blank text is absent text (the model gives '' for an optional text left out): no
    // translation is missing, nothing is marked, and templates leave out what holds it.
    if (oneLine(text.text) === '') return { text: '', fallback: false };
    if (text.fallback) fallbacks.add(label);
    return text;
  };
  const pick = (value: Localized, label: string): LocalText => record(value[locale] ?? { text: '', fallback: true }, label);
  const pickOptional = (value: Localized | undefined, label: string): LocalText | undefined => {
    const text = value === undefined ? undefined : pick(value, label);
    return text?.text === '' ? undefined : text;
  };
  return {
    locale,
    pick,
    pickOptional,
    description: (value, label) => markdown(pick(value, label)),
    optionalDescription: (value, label) => {
      const text = pickOptional(value, label);
      return text === undefined ? undefined : markdown(text);
    },
    pickSchema: (schema, keyword, label) => {
      const text = schemaText(schema, keyword, chain, sourceLocale);
      if (text === undefined) return undefined;
      const picked = record(text, label);
      if (picked.text === '') return undefined;
      return keyword === 'description' ? markdown(picked) : picked;
    },
    fallbacks: () => [...fallbacks],
  };
}

function markdown(text: LocalText): PageText {
  return { ...text, markdown: true };
}

function isRecord(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A schema's `title`/`description` for a page whose texts follow `chain`. The model keeps the
 * source text in the keyword and the other locales under `x-translations`; a locale map left in
 * the keyword is read too. The first locale of the chain with a text gives it.
 */
export function schemaText(schema: JsonSchema, keyword: 'title' | 'description', chain: readonly Locale[], sourceLocale: Locale): LocalText | undefined {
  const own = schema[keyword];
  const translations = schema[TRANSLATIONS_KEYWORD];
  const textIn = (locale: Locale): JsonValue | undefined => {
    const translated = isRecord(translations) && isRecord(translations[locale]) ? translations[locale][keyword] : undefined;
    if (typeof translated === 'string' && translated !== '') return translated;
    if (isRecord(own)) return own[locale];
    return locale === sourceLocale ? own : undefined;
  };
  for (const locale of chain) {
    const text = textIn(locale);
    if (typeof text === 'string') return text === '' ? undefined : { text, fallback: locale !== chain[0] };
  }
  const any = isRecord(own) ? Object.values(own).find((v) => typeof v === 'string') : undefined;
  return typeof any === 'string' && any !== '' ? { text: any, fallback: true } : undefined;
}
