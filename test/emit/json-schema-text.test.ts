import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactText } from '../../src/emit/json-schema/compact-text.js';
import { setOwn, type JsonObject } from '../../src/emit/json-schema/json-object.js';
import { jsonArrayOf, jsonAt, jsonMember, jsonObjectOf, keptJsonItem, keptJsonMember, ownOrder } from '../../src/emit/json-schema/json-text.js';
import type { JsonValue } from '../../src/model/types.js';

/** Text with the characters that matter here: Latin-1, wider ones, surrogate pairs, line breaks. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[a-zżółćęśąń\n é"\\]{0,200}$/),
  fc.constantFrom('', '0', '12', '4294967295', '4294967294', '01', '-1', '__proto__', 'constructor', 'Żaba\n', '😀', '\n\n'),
);
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
  object: fc.array(fc.tuple(text, tie('value')), { maxLength: 5 }).map((entries) => {
    const out: JsonObject = {};
    for (const [key, value] of entries) setOwn(out, key, value as JsonValue);
    return out;
  }),
})).value as fc.Arbitrary<JsonValue>;

describe('JSON written in parts', () => {
  it('writes a value nested `depth` levels deep as JSON.stringify does', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 5 }), (value, depth) => {
        let expected = JSON.stringify(value, null, 2);
        for (let i = 0; i < depth; i++) expected = expected.replace(/\n/g, '\n  ');
        expect(jsonAt(value, depth)).toBe(expected);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('joins items into an array as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (items, depth) => {
        expect(
          jsonArrayOf(
            items.map((item) => keptJsonItem(item, depth)),
            depth,
          ),
        ).toBe(jsonAt(items, depth));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('joins members into an object as JSON.stringify orders and writes them', () => {
    const entries = fc.array(fc.tuple(text, json), { maxLength: 6 });
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 4 }), (pairs, depth) => {
        const whole: JsonObject = {};
        for (const [key, value] of pairs) setOwn(whole, key, value);
        const members = pairs.map(([key, value]) => [key, jsonMember(key, value, depth)] as const);
        expect(jsonObjectOf(members, depth)).toBe(jsonAt(whole, depth));
        expect(pairs.map(([key, value]) => keptJsonMember(key, value, depth))).toEqual(members.map(([, member]) => member));
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('orders keys as an object does: array indexes first, a key set twice in its first place', () => {
    const keys = ['b', '10', 'a', '2', 'b', '__proto__', '4294967295', '01', '0'];
    const object: JsonObject = {};
    keys.forEach((key, i) => setOwn(object, key, i));
    expect(ownOrder(keys.map((key, i) => [key, i] as const))).toEqual(Object.values(object));
    expect(
      ownOrder([
        ['x', 1],
        ['y', 2],
        ['x', 3],
      ]),
    ).toEqual([3, 2]);
  });
});

describe('compactText', () => {
  it('keeps every character of the range', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 8 }).map((parts) => parts.join('\n')),
        fc.nat(),
        fc.nat(),
        (whole, a, b) => {
          const start = whole.length === 0 ? 0 : a % (whole.length + 1);
          const end = start + (whole.length === 0 ? 0 : b % (whole.length - start + 1));
          expect(compactText(whole, start, end)).toBe(whole.slice(start, end));
          expect(compactText(whole)).toBe(whole);
        },
      ),
      { seed: 9, numRuns: 500 },
    );
  });

  it('copes with long texts and long lines', () => {
    const long = `${'a'.repeat(70_000)}ż\n${'b'.repeat(100)}\n${'ó'.repeat(10)}ą${'c'.repeat(200_000)}`;
    expect(compactText(long)).toBe(long);
    expect(compactText(long, 5, long.length - 5)).toBe(long.slice(5, -5));
  });
});
