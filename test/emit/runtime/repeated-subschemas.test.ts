/**
 * Repeated subschemas compiled once (`src/emit/runtime/repeated-subschemas.ts`): which are
 * shared, which schemas are left whole, and, on random schemas and instances, that ajv accepts
 * and refuses exactly what it did before, with the same first error.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALLEST_REPEATED, shareRepeated, withRepeatedShared } from '../../../src/emit/runtime/repeated-subschemas.js';
import type { JsonSchema } from '../../../src/model/types.js';

/** Three times the base count by default (600 random schemas). */
const RUNS = Number(process.env['HOOKCAT_PROPERTY_RUNS'] ?? 5);
const idOf = (n: number): string => `https://test.invalid/repeated/${n}`;

/** An object schema whose JSON is past the size worth a call. */
const address: JsonSchema = {
  type: 'object',
  required: ['street', 'city', 'postcode', 'country'],
  properties: {
    street: { type: 'string', minLength: 1, maxLength: 200 },
    city: { type: 'string', minLength: 1, maxLength: 100 },
    postcode: { type: 'string', pattern: '^[0-9A-Z -]{3,10}$' },
    country: { type: 'string', enum: ['EE', 'PL', 'FR', 'DE'] },
  },
  additionalProperties: false,
};

const event = (id: string, properties: Record<string, JsonSchema>): JsonSchema => ({ $id: id, type: 'object', properties });

describe('withRepeatedShared', () => {
  it('compiles a repeated subschema once: every copy becomes a $ref to one schema', () => {
    expect(JSON.stringify(address).length).toBeGreaterThanOrEqual(SMALLEST_REPEATED);
    const { schemas, repeated } = withRepeatedShared(
      [event('a', { billing: address, shipping: structuredClone(address) }), event('b', { home: structuredClone(address) })],
      idOf,
    );
    expect(repeated).toEqual([{ ...address, $id: idOf(0) }]);
    expect(schemas).toEqual([event('a', { billing: { $ref: idOf(0) }, shipping: { $ref: idOf(0) } }), event('b', { home: { $ref: idOf(0) } })]);
  });

  it('copies small repeated subschemas, and what is repeated only inside one repeated parent', () => {
    const small: JsonSchema = { type: 'string', format: 'email' };
    const parent: JsonSchema = { type: 'object', properties: { address, email: small } };
    const { schemas, repeated } = withRepeatedShared([event('a', { x: parent, y: structuredClone(parent), z: small })], idOf);
    expect(repeated).toEqual([{ ...parent, $id: idOf(0) }]);
    expect(schemas[0]).toEqual(event('a', { x: { $ref: idOf(0) }, y: { $ref: idOf(0) }, z: small }));
  });

  it('shares a subschema repeated both inside a repeated parent and elsewhere, numbered in the order met', () => {
    const parent: JsonSchema = { type: 'object', required: ['address'], properties: { address, note: { type: 'string', maxLength: 500 } } };
    const { schemas, repeated } = withRepeatedShared(
      [event('a', { x: parent, y: structuredClone(parent) }), event('b', { z: structuredClone(address) })],
      idOf,
    );
    expect(repeated).toEqual([
      { ...parent, properties: { address: { $ref: idOf(1) }, note: { type: 'string', maxLength: 500 } }, $id: idOf(0) },
      { ...address, $id: idOf(1) },
    ]);
    expect(schemas[1]).toEqual(event('b', { z: { $ref: idOf(1) } }));
  });

  it('leaves a subschema met once where it is, however large', () => {
    const once = [event('a', { x: address }), event('b', { y: { type: 'array', items: { type: 'string' } } })];
    expect(withRepeatedShared(once, idOf)).toEqual({ schemas: once, repeated: [] });
  });

  it('finds a subschema repeated under different parents, each met once', () => {
    const { schemas, repeated } = withRepeatedShared(
      [event('a', { x: { type: 'object', properties: { home: address } }, y: { type: 'object', properties: { work: structuredClone(address) } } })],
      idOf,
    );
    expect(repeated).toEqual([{ ...address, $id: idOf(0) }]);
    expect(schemas[0]).toEqual(
      event('a', { x: { type: 'object', properties: { home: { $ref: idOf(0) } } }, y: { type: 'object', properties: { work: { $ref: idOf(0) } } } }),
    );
  });

  it(`shares a subschema of exactly ${SMALLEST_REPEATED} characters of JSON, and copies one a character shorter`, () => {
    const sized = (length: number): JsonSchema => {
      const schema: JsonSchema = { type: 'string', const: '' };
      return { ...schema, const: 'x'.repeat(length - JSON.stringify(schema).length) };
    };
    expect(JSON.stringify(sized(SMALLEST_REPEATED))).toHaveLength(SMALLEST_REPEATED);
    expect(withRepeatedShared([event('a', { x: sized(SMALLEST_REPEATED), y: sized(SMALLEST_REPEATED) })], idOf).repeated).toHaveLength(1);
    expect(withRepeatedShared([event('a', { x: sized(SMALLEST_REPEATED - 1), y: sized(SMALLEST_REPEATED - 1) })], idOf).repeated).toEqual([]);
    // A named schema (as the import passes a catalog's shared schemas) by the same measure.
    const referred = (length: number): JsonSchema => {
      const named = sized(length);
      const { schemas } = shareRepeated([named, event('a', { x: sized(length) })], idOf, { named: new Map([[named, 'N']]) });
      return (schemas[1]!['properties'] as Record<string, JsonSchema>)['x']!;
    };
    expect(referred(SMALLEST_REPEATED)).toEqual({ $ref: 'N' });
    expect(referred(SMALLEST_REPEATED - 1)).toEqual(sized(SMALLEST_REPEATED - 1));
  });

  it('shares subschemas that refer to other schemas by their id, and leaves only the schema with a local reference whole', () => {
    const owner: JsonSchema = { ...address, properties: { ...(address['properties'] as object), owner: { $ref: 'https://test.invalid/shared/user' } } };
    const local: JsonSchema = { $id: 'local', $defs: { a: address }, properties: { x: { $ref: '#/$defs/a' }, y: owner, z: structuredClone(owner) } };
    const { schemas, repeated } = withRepeatedShared([local, event('a', { x: owner, y: structuredClone(owner) })], idOf);
    expect(repeated).toEqual([{ ...owner, $id: idOf(0) }]);
    expect(schemas).toEqual([local, event('a', { x: { $ref: idOf(0) }, y: { $ref: idOf(0) } })]);
  });

  it.each<[string, JsonSchema]>([
    ['a reference inside the schema', { $defs: { a: address }, properties: { x: { $ref: '#/$defs/a' } } }],
    ['a reference relative to its base', { properties: { x: { $ref: 'other.schema.json' } } }],
    ['an anchor', { properties: { x: { ...address, $anchor: 'here' } } }],
    ['a dynamic anchor at its root', { $dynamicAnchor: 'node' }],
    ['a dynamic reference', { properties: { x: { $dynamicRef: '#node' } } }],
    ['an $id below the root', { properties: { x: { ...address, $id: 'inner' } } }],
  ])('leaves a schema with %s whole', (_, schema) => {
    const whole: JsonSchema = { ...schema, $id: 'whole', properties: { ...(schema['properties'] as object), y: address, z: structuredClone(address) } };
    const { schemas, repeated } = withRepeatedShared([whole], idOf);
    expect(schemas).toEqual([whole]);
    expect(repeated).toEqual([]);
  });

  it('changes nothing when some schema uses unevaluatedProperties: ajv counts what a subschema looked at differently behind a $ref', () => {
    // Found in review: `if` fails on {a: 'x'}, yet ajv counts the `a` its `anyOf` looked at when
    // the `if` is inline, and not when it is behind a $ref to a shared copy.
    const looked: JsonSchema = {
      anyOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }],
      required: ['c'],
      properties: { c: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z]+$' }, d: { type: 'integer', minimum: 0, maximum: 1000 } },
    };
    const shared: JsonSchema = { $id: 'https://test.invalid/shared/F', if: looked, then: { required: ['t'] }, properties: { copy: structuredClone(looked) } };
    const user = event('https://test.invalid/events/0', { data: { $ref: 'https://test.invalid/shared/F', unevaluatedProperties: false } });
    expect(withRepeatedShared([shared, user], idOf)).toEqual({ schemas: [shared, user], repeated: [] });
    const sharedAnyway = withRepeatedShared([shared], idOf);
    expect(sharedAnyway.repeated).toHaveLength(1);
    const instance = { data: { a: 'x' } };
    expect(verdicts([user], [shared], [instance])).toEqual(['valid']);
    expect(verdicts([user], [...sharedAnyway.repeated, ...sharedAnyway.schemas], [instance])).not.toEqual(['valid']);
  });

  it('changes nothing when a reference points inside another schema, whose target could move', () => {
    for (const ref of ['https://test.invalid/a#/properties/x/properties/street', 'a#/properties/x/properties/street']) {
      const given = [event('https://test.invalid/a', { x: address, y: structuredClone(address) }), event('https://test.invalid/b', { z: { $ref: ref } })];
      expect(withRepeatedShared(given, idOf)).toEqual({ schemas: given, repeated: [] });
    }
  });
});

/** The shared schema the random ones may `$ref`, by its absolute id. */
const SHARED_ID = 'https://test.invalid/shared/S';

/** Random schemas built from a few parts, so that parts repeat, some past the size worth a call,
 * with the keywords that apply subschemas to an instance and references to a shared schema. */
const schemaArb: fc.Arbitrary<JsonSchema> = fc.letrec<{ schema: JsonSchema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonSchema>(
      { type: 'string', maxLength: 3 },
      { type: 'integer', minimum: 0 },
      { type: ['string', 'null'] },
      { type: 'string', format: 'email' },
      { enum: [1, 'a', null] },
      { const: true },
      { $ref: SHARED_ID },
      address,
    ),
    fc.record({
      type: fc.constant('object'),
      required: fc.subarray(['a', 'b', 'c']),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }),
      additionalProperties: fc.boolean(),
    }),
    fc.record({
      patternProperties: fc.record({ '^[ab]$': tie('schema') }),
      propertyNames: fc.constantFrom<JsonSchema>({ maxLength: 1 }, { enum: ['a', 'b', 'street'] }),
    }),
    fc.record({ dependentSchemas: fc.dictionary(fc.constantFrom('a', 'b'), tie('schema'), { maxKeys: 2 }) }),
    fc.record({ if: tie('schema'), then: tie('schema'), else: tie('schema') }),
    fc.record({ type: fc.constant('array'), items: tie('schema'), maxItems: fc.constant(3) }),
    fc.record({ prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }), contains: tie('schema') }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('schema') }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }), unevaluatedProperties: fc.constant(false) }),
  ),
})).schema;

/** Random instances in the schemas' words: their property names, short strings, valid addresses. */
const instanceArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, 0, 5, -1, 1.5, 'ab', 'abcd', 'a@b.ee', { street: 'Pikk 1', city: 'Tallinn', postcode: '10123', country: 'EE' }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'street', 'city', 'postcode', 'country'), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

/** valid, or the first error as the runtime reports it, by ajv with the runtime's options. */
function verdicts(schemas: readonly JsonSchema[], shared: readonly JsonSchema[], instances: readonly unknown[]): string[] {
  const ajv = new Ajv2020({ strict: false, ownProperties: true, logger: false, inlineRefs: false, formats: { email: /^[^@\s]+@[^@\s]+$/ } });
  for (const schema of [...shared, ...schemas]) ajv.addSchema(schema);
  return schemas.flatMap((schema) => {
    const validate = ajv.getSchema(schema['$id'] as string)!;
    return instances.map((instance) => {
      if (validate(instance)) return 'valid';
      const { instancePath, keyword, message, params } = validate.errors![0]!;
      return JSON.stringify([instancePath, keyword, message, params]);
    });
  });
}

describe('withRepeatedShared on random schemas', () => {
  it('accepts and refuses what the schemas did, with the same first error (path, keyword, message, params)', () => {
    fc.assert(
      fc.property(
        schemaArb,
        fc.array(schemaArb, { minLength: 1, maxLength: 4 }),
        fc.array(instanceArb, { minLength: 1, maxLength: 8 }),
        (body, bodies, instances) => {
          // The shared schema may not refer to itself: ajv would recurse on every instance.
          const own = JSON.stringify(body).replaceAll(JSON.stringify({ $ref: SHARED_ID }), JSON.stringify({ type: 'null' }));
          const shared: JsonSchema = { ...(JSON.parse(own) as JsonSchema), $id: SHARED_ID };
          const schemas = [shared, ...bodies.map((one, index) => event(`https://test.invalid/events/${index}`, { a: one, b: structuredClone(one) }))];
          const { schemas: rewritten, repeated } = withRepeatedShared(schemas, idOf);
          const events = (list: readonly JsonSchema[]): JsonSchema[] => list.slice(1);
          expect(verdicts(events(rewritten), [...repeated, rewritten[0]!], instances)).toEqual(verdicts(events(schemas), [schemas[0]!], instances));
        },
      ),
      { numRuns: 200 * RUNS, seed: 20261206 },
    );
    // 1,000 random catalogs compiled by ajv twice: about 70 s on a quiet machine, 190 s on one
    // loaded by two other jobs (past the 180 s this had).
  }, 600_000);

  it('with a named schema (as `hookcat import` shares): copies refer to it, and the verdicts and first errors stay', () => {
    fc.assert(
      fc.property(
        schemaArb,
        fc.array(schemaArb, { minLength: 1, maxLength: 3 }),
        fc.array(instanceArb, { minLength: 1, maxLength: 8 }),
        (body, bodies, instances) => {
          const named = JSON.parse(JSON.stringify(body).replaceAll(JSON.stringify({ $ref: SHARED_ID }), JSON.stringify({ type: 'null' }))) as JsonSchema;
          const schemas = [named, ...bodies.map((one, index) => event(`https://test.invalid/events/${index}`, { a: one, b: structuredClone(named) }))];
          const { schemas: rewritten, repeated } = shareRepeated(schemas, idOf, { named: new Map([[named, SHARED_ID]]) });
          const shared = [...repeated.map((schema, n) => ({ ...schema, $id: idOf(n) })), { ...rewritten[0]!, $id: SHARED_ID }];
          expect(verdicts(rewritten.slice(1), shared, instances)).toEqual(verdicts(schemas.slice(1), [{ ...named, $id: SHARED_ID }], instances));
        },
      ),
      { numRuns: 100 * RUNS, seed: 20261207 },
    );
  }, 600_000);
});
