/** The ajv instance payload schemas and examples are checked with, and the validators it keeps
 * between rounds (`PayloadValidators`): what a validator accepts, and when it is compiled again. */
import { describe, expect, it } from 'vitest';
import { declaresIdentifiers, PayloadValidators, payloadValidator } from '../../../src/catalog/checks/payload-validators.js';
import { LinearPatterns } from '../../../src/catalog/linear-regexp.js';
import { CHECK_BASE } from '../../../src/catalog/payload-schema.js';

type Validate = (data: unknown) => boolean;

/** Validators with `shared` registered (name -> schema, under CHECK_BASE). */
function validators(shared: Record<string, unknown> = {}, key = 'k1'): PayloadValidators {
  const made = new PayloadValidators(new LinearPatterns());
  made.share(key, sharedMap(shared));
  return made;
}

const sharedMap = (shared: Record<string, unknown>): Map<string, unknown> =>
  new Map(Object.entries(shared).map(([name, schema]) => [CHECK_BASE + name, schema]));

const ref = (name: string): object => ({ $ref: CHECK_BASE + name });

function compiled(made: PayloadValidators, schema: unknown): Validate {
  const validate = made.validator(schema);
  expect(typeof validate, String(validate)).toBe('function');
  return validate as Validate;
}

describe('payloadValidator', () => {
  // ajv compared items pairwise unless its items are scalars, and looked scalars up in a plain
  // object: an example of 20,000 small objects took 13 s, and two `__proto__` passed as unique.
  it('checks uniqueItems reading each item once, and takes `__proto__` as a string like any other', () => {
    const ajv = payloadValidator();
    let reads = 0;
    const item = (i: number): object =>
      Object.defineProperty({}, 'i', {
        enumerable: true,
        get: () => {
          reads += 1;
          return i;
        },
      });
    const list = ajv.compile({ type: 'array', uniqueItems: true });
    expect(list(Array.from({ length: 2_000 }, (_, i) => item(i)))).toBe(true);
    expect(reads).toBeLessThanOrEqual(2_000);
    expect(
      list([
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ]),
    ).toBe(false);
    const names = ajv.compile({ type: 'array', uniqueItems: true, items: { type: 'string' } });
    expect(names(JSON.parse('["__proto__", "__proto__"]'))).toBe(false);
    expect(names.errors).toMatchObject([{ keyword: 'uniqueItems', params: { i: 1, j: 0 } }]);
  });

  it('checks formats, reports every error, and sees only own properties', () => {
    const ajv = payloadValidator();
    const email = ajv.compile({ type: 'string', format: 'email' });
    expect([email('a@example.com'), email('not an address')]).toEqual([true, false]);
    const both = ajv.compile({ type: 'object', required: ['a', 'b'] });
    expect(both({})).toBe(false);
    expect(both.errors?.map((e) => e.params)).toEqual([{ missingProperty: 'a' }, { missingProperty: 'b' }]);
    expect(ajv.compile({ type: 'object', required: ['valueOf'] })({})).toBe(false);
    expect(ajv.compile({ type: 'object', properties: { id: { type: 'string' } }, tsType: 'Id' })({ id: 'x' })).toBe(true);
  });

  it('runs patterns on the linear engine, which refuses a backreference', () => {
    expect(() => payloadValidator().compile({ type: 'string', pattern: '^(a)\\1$' })).toThrow(/cannot run in linear time/);
  });
});

describe('PayloadValidators', () => {
  it('resolves references to the shared schemas, booleans among them', () => {
    const made = validators({ Money: { type: 'number' }, Anything: true, Nothing: false });
    const money = compiled(made, ref('Money'));
    expect([money(1), money('1')]).toEqual([true, false]);
    expect(compiled(made, ref('Anything'))('x')).toBe(true);
    expect(compiled(made, ref('Nothing'))('x')).toBe(false);
  });

  it('registers shared schemas that come without a key, each time', () => {
    const made = new PayloadValidators(new LinearPatterns());
    made.share(undefined, sharedMap({ Money: { type: 'number' } }));
    expect(compiled(made, ref('Money'))(1)).toBe(true);
    made.share(undefined, sharedMap({ Money: { type: 'string' } }));
    expect(compiled(made, ref('Money'))(1)).toBe(false);
  });

  it('keeps a shared schema whole, so that its own pointers resolve', () => {
    const made = validators({ Cents: { $defs: { whole: { type: 'integer' } }, $ref: '#/$defs/whole' } });
    const cents = compiled(made, ref('Cents'));
    expect([cents(1), cents(1.5)]).toEqual([true, false]);
  });

  it('gives a reason, not an exception, for a schema that is no schema', () => {
    expect(validators().validator(null)).toEqual(expect.any(String));
  });

  it('compiles boolean payload schemas', () => {
    const made = validators();
    expect(compiled(made, true)(1)).toBe(true);
    expect(compiled(made, false)(1)).toBe(false);
  });

  it('gives undefined for a reference that does not resolve, and the reason for a schema ajv refuses', () => {
    const made = validators({ Money: { type: 'number' } });
    expect(made.validator(ref('Cash'))).toBeUndefined();
    expect(made.validator({ type: 'nonsense' })).toMatch(/nonsense/);
  });

  it('compiles once per content in a round, keeps what the next round asks for, and drops the rest', () => {
    const made = validators();
    const first = compiled(made, { type: 'string' });
    expect(compiled(made, { type: 'string' })).toBe(first);
    made.share('k1', new Map());
    expect(compiled(made, { type: 'string' })).toBe(first);
    made.share('k1', new Map());
    made.share('k1', new Map());
    expect(compiled(made, { type: 'string' })).not.toBe(first);
  });

  it('registers changed shared schemas anew and forgets the validators of the old ones', () => {
    const made = validators({ Money: { type: 'number' } });
    const numbers = compiled(made, ref('Money'));
    expect(numbers(1)).toBe(true);
    made.share('k2', sharedMap({ Money: { type: 'string' } }));
    const texts = compiled(made, ref('Money'));
    expect([texts(1), texts('1')]).toEqual([false, true]);
    made.share('k2', sharedMap({ Money: { type: 'boolean' } }));
    expect(compiled(made, ref('Money'))).toBe(texts);
    made.share(undefined, sharedMap({ Money: { type: 'boolean' } }));
    expect(compiled(made, ref('Money'))(true)).toBe(true);
  });

  it('compiles payloads that declare the same anchor or id one after the other', () => {
    const made = validators({ Money: { type: 'number' } });
    for (const type of ['string', 'number', 'boolean']) {
      const anchored = compiled(made, { $defs: { item: { $anchor: 'item', type } }, properties: { a: { $ref: '#item' }, m: ref('Money') } });
      expect(anchored({ a: type === 'string' ? 'x' : type === 'number' ? 1 : true, m: 1 }), type).toBe(true);
      expect(anchored({ a: [], m: 1 }), type).toBe(false);
      const withId = compiled(made, { $id: 'https://example.com/payload', type, properties: { m: ref('Money') } });
      expect(withId([]), type).toBe(false);
    }
  });
});

describe('declaresIdentifiers', () => {
  const nested = (levels: number, inner: object = {}): object => (levels === 0 ? inner : { a: nested(levels - 1, inner) });

  it('finds $id, $anchor and $dynamicAnchor anywhere, in lists too', () => {
    for (const key of ['$id', '$anchor', '$dynamicAnchor']) expect(declaresIdentifiers({ x: [1, { [key]: 'a' }] }, 0), key).toBe(true);
    expect(declaresIdentifiers({ id: 'a', anchor: 'b', x: ['$id', null, { $ref: '#a' }] }, 0)).toBe(false);
    expect(declaresIdentifiers([{ y: { $anchor: 'a' } }], 0)).toBe(true);
    expect(declaresIdentifiers('$id', 0)).toBe(false);
  });

  it('counts an object past 256 levels as declaring one', () => {
    expect(declaresIdentifiers(nested(256), 0)).toBe(false);
    expect(declaresIdentifiers(nested(257), 0)).toBe(true);
    expect(declaresIdentifiers(nested(257, []), 0)).toBe(true);
    const lists = (levels: number): unknown => (levels === 0 ? [] : [lists(levels - 1)]);
    expect(declaresIdentifiers(lists(256), 0)).toBe(false);
    expect(declaresIdentifiers(lists(257), 0)).toBe(true);
  });
});
