import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlText } from '../../../src/emit/openapi/yaml-text.js';
import type { JsonValue } from '../../../src/model/types.js';

const tricky = fc.constantFrom(
  '',
  ' ',
  'yes',
  'No',
  'null',
  '~',
  '<<',
  '1.0',
  '0x1F',
  '2026-11-25',
  '- a',
  '? b',
  ': c',
  'a: b',
  'a #b',
  '#x',
  '@at',
  '`t`',
  "'q'",
  '"d"',
  '|',
  '>',
  'x\ny',
  'tab\there',
  '\u2028',
  '\ufeff',
  '\u0085',
  'a'.repeat(1100),
  `${'k'.repeat(1030)}: v`,
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tricky);
const json: fc.Arbitrary<JsonValue> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
})).value as fc.Arbitrary<JsonValue>;

describe('yamlText', () => {
  it('reads back as the same data under YAML 1.2 and 1.1', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = yamlText(value, 'stamp');
        const expected = JSON.parse(JSON.stringify(value));
        expect(parse(text, { uniqueKeys: false, maxAliasCount: -1 })).toEqual(expected);
        expect(parse(text, { version: '1.1', uniqueKeys: false, maxAliasCount: -1 })).toEqual(expected);
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('writes keys over 1,024 characters as explicit keys', () => {
    const key = 'k'.repeat(2000);
    const text = yamlText({ outer: { [key]: { inner: [1, { [key]: 'v' }] } } }, 'stamp');
    expect(text).toContain(`? ${key}`);
    expect(parse(text)).toEqual({ outer: { [key]: { inner: [1, { [key]: 'v' }] } } });
  });

  it('writes a key of up to 1,000 characters as an implicit key', () => {
    const key = 'k'.repeat(1000);
    expect(yamlText({ [key]: 1 }, 'c')).toBe(`# c\n\n${key}: 1\n`);
    expect(yamlText({ [`${key}k`]: 1 }, 'c')).toBe(`# c\n\n? ${key}k\n: 1\n`);
  });

  it('writes ordinary sentences plain, and the empty string quoted', () => {
    expect(yamlText(['Stryker was here!', 'Orders of a shop.', ''], 'c')).toBe('# c\n\n- Stryker was here!\n- Orders of a shop.\n- ""\n');
  });

  it('keeps the header comment on one line: each run of line breaks becomes one space', () => {
    expect(yamlText({ a: 1 }, 'one\r\ntwo\n\n\nthree\u2028four\u0085\u2029five')).toBe('# one two three four five\n\na: 1\n');
  });

  it('writes a lone scalar or an empty collection on the line after the comment', () => {
    expect(yamlText('text', 'c')).toBe('# c\n\ntext\n');
    expect(yamlText([], 'c')).toBe('# c\n\n[]\n');
    expect(yamlText({}, 'c')).toBe('# c\n\n{}\n');
    expect(yamlText({ list: [], map: {}, none: null }, 'c')).toBe('# c\n\nlist: []\nmap: {}\nnone: null\n');
  });
});
