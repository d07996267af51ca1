/** Locale tags: validity and canonical form as Intl reads them, and the fallback chain. */
import { describe, expect, it } from 'vitest';
import catalogSchema from '../../src/catalog/schema.json' with { type: 'json' };
import { canonicalLocale, fallbackChain, generalTags, isLocaleTag } from '../../src/locale/tags.js';

const LOCALE_SHAPE = new RegExp(catalogSchema.$defs.locale.pattern);

describe('canonicalLocale', () => {
  it.each([
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['ES-419', 'es-419'],
    ['iw', 'he'],
    ['eng', 'en'],
    ['en-US-u-ca-gregory', 'en-US-u-ca-gregory'],
  ])('puts %s in canonical form: %s', (tag, canonical) => {
    expect(canonicalLocale(tag)).toBe(canonical);
  });

  it.each(['en_US', 'en-', 'x-private', 'en-US-US', '../x', ''])('refuses %j', (tag) => {
    expect(canonicalLocale(tag)).toBeUndefined();
    expect(isLocaleTag(tag)).toBe(false);
  });
});

describe("the catalog format's locale shape", () => {
  it.each(['en', 'pt-BR', 'es-419', 'zh-Hant-TW', 'sr-Latn', 'de-DE-1901', 'en-US-u-ca-gregory', 'fil', 'ja-Jpan-JP'])('accepts %s, a canonical tag', (tag) => {
    expect(LOCALE_SHAPE.test(tag)).toBe(true);
    expect(canonicalLocale(tag)).toBe(tag);
  });

  it.each(['EN', 'zh-hant-tw', 'pt-br', '../x', 'et"><img src=x>', 'en_US', 'x-foo', 'en/US'])('refuses %j', (tag) => {
    expect(LOCALE_SHAPE.test(tag)).toBe(false);
  });
});

describe('generalTags', () => {
  it('drops one subtag at a time, most specific first', () => {
    expect(generalTags('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(generalTags('es-419')).toEqual(['es-419', 'es']);
    expect(generalTags('en')).toEqual(['en']);
  });

  it('drops an extension singleton left at the end with its last subtag (RFC 4647 lookup)', () => {
    expect(generalTags('en-US-u-ca-gregory')).toEqual(['en-US-u-ca-gregory', 'en-US-u-ca', 'en-US', 'en']);
  });
});

describe('fallbackChain', () => {
  it('goes from the tag through its general tags to the fallback locale, then the source locale', () => {
    expect(fallbackChain('zh-Hant-TW', 'en', 'ja')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en', 'ja']);
    expect(fallbackChain('ko', undefined, 'ja')).toEqual(['ko', 'ja']);
  });

  it('names no locale twice', () => {
    expect(fallbackChain('en-GB', 'en', 'en')).toEqual(['en-GB', 'en']);
    expect(fallbackChain('ja', 'en', 'ja')).toEqual(['ja', 'en']);
  });
});
