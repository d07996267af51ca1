import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlBlockMember, yamlComment, yamlMember, yamlText } from '../../../src/emit/openapi/yaml-text.js';
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
});

describe('YAML written in parts', () => {
  it('joins members, plain or already written blocks, into what yamlText writes for the whole', () => {
    const members = fc.array(fc.tuple(text, json, fc.boolean()), { maxLength: 5 });
    fc.assert(
      fc.property(members, fc.integer({ min: 0, max: 3 }), (entries, level) => {
        const whole: Record<string, JsonValue> = {};
        const seen = new Set<string>();
        const parts: string[] = [];
        for (const [key, value, asBlock] of entries) {
          if (seen.has(key) || /^[0-9]/.test(key)) continue;
          seen.add(key);
          Object.defineProperty(whole, key, { value, enumerable: true, writable: true, configurable: true });
          const indent = 2 * level;
          const isBlock = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
          if (asBlock && isBlock && !Array.isArray(value)) {
            const inner = Object.entries(value)
              .map(([k, v]) => yamlMember(k, v, indent + 2))
              .join('\n');
            parts.push(yamlBlockMember(key, inner, indent));
          } else parts.push(yamlMember(key, value, indent));
        }
        let nested: JsonValue = whole;
        for (let i = 0; i < level; i++) nested = { k: nested };
        const expected = yamlText(nested, 'stamp');
        const lead = `${yamlComment('stamp')}\n\n${Array.from({ length: level }, (_, i) => `${' '.repeat(2 * i)}k:`).join('\n')}`;
        if (parts.length === 0) return;
        expect(`${lead}${level === 0 ? '' : '\n'}${parts.join('\n')}\n`).toBe(expected);
      }),
      { seed: 43, numRuns: 300 },
    );
  });
});
