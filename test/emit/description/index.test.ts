/**
 * When descriptions need remark: `hasMarkdownSyntax` on single texts, the format loaded only for
 * catalogs with some markdown, and a catalog in CommonMark of the subset (itself without a format).
 */
import { describe, expect, it } from 'vitest';
import { hasMarkdownSyntax, inCommonMark, loadDescriptionFormat } from '../../../src/emit/description/index.js';
import type { Catalog, Localized } from '../../../src/model/types.js';

function t(text: string): Localized {
  return { en: { text, fallback: false } };
}

/** A catalog whose only descriptions are its own and its one event's payload schema's. */
function catalog(description: string, payloadDescription = 'Plain.'): Catalog {
  return {
    id: 'c',
    title: t('Title with *stars*'),
    description: t(description),
    categories: [],
    events: [{ key: 'e', title: t('e'), description: t('Plain.'), payload: { type: 'object', description: payloadDescription }, examples: [] }],
    schemas: [],
    envelope: { properties: {}, headers: [], signature: undefined, responses: [], batch: undefined, description: t('Plain.') },
    subscriptions: undefined,
  } as unknown as Catalog;
}

describe('hasMarkdownSyntax', () => {
  it.each([
    'a\\b',
    'a `b',
    'a * b',
    'a_b',
    'a [b',
    'a ] b',
    'a <b',
    'a & b',
    'See {@link x}',
    'first\n- item',
    'first\n+ item',
    '  * item',
    '\t- item',
    'Title\n=====',
    '## heading',
    '> quote',
    '1. item',
    '123456789) item',
    '~~~',
    '  ~~~ js',
    '    code',
    '\tcode',
  ])('finds %j', (text) => {
    expect(hasMarkdownSyntax(text)).toBe(true);
  });

  it.each([
    'Plain text.',
    'a - b + c = d # e > f',
    'a { @ b } {',
    'a ~~~ b',
    '1234567890. too many digits for a list',
    'costs 1. more',
    '3 apples',
    'first\n  second, indented by two',
    'first\n   third, indented by three',
    'a ~ b ~~ c',
    'a@b (c) "d" \'e\' !f ?g |h ^i $j %k',
  ])('lets %j through', (text) => {
    expect(hasMarkdownSyntax(text)).toBe(false);
  });
});

describe('loadDescriptionFormat', () => {
  it('loads no format for no catalogs, or for catalogs with plain descriptions only', async () => {
    expect(await loadDescriptionFormat([])).toBeUndefined();
    expect(await loadDescriptionFormat([catalog('Plain.'), catalog('Also plain.')])).toBeUndefined();
  });

  it('loads the format when a description of any catalog has markdown, in a schema too', async () => {
    for (const catalogs of [[catalog('Has *em*.')], [catalog('Plain.'), catalog('Has `code`.')], [catalog('Plain.', 'A _schema_ description.')]]) {
      const format = await loadDescriptionFormat(catalogs);
      expect(format?.commonMark('*x*')).toBe('_x_');
    }
  });
});

describe('inCommonMark', () => {
  it('is the catalog itself without a format', () => {
    const plain = catalog('Has *em*.');
    expect(inCommonMark(plain, undefined)).toBe(plain);
  });

  it('converts descriptions with markdown syntax once per catalog, and leaves plain ones and titles as written', async () => {
    const source = catalog('Has *em* and a\nline break.', '* one\n* two');
    const format = (await loadDescriptionFormat([source]))!;
    const converted = inCommonMark(source, format);
    expect(converted.description['en']!.text).toBe('Has _em_ and a line break.');
    expect(converted.events[0]!.payload['description']).toBe('- one\n- two');
    expect(converted.events[0]!.description).toBe(source.events[0]!.description);
    expect(converted.title).toBe(source.title);
    expect(inCommonMark(source, format)).toBe(converted);
    // Plain text goes through as written, even what remark would print otherwise.
    const plain = catalog('Plain  text,\n  with spaces.');
    expect(inCommonMark(plain, format)).toBe(plain);
  });
});
