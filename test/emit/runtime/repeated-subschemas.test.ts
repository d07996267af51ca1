/**
 * Repeated subschemas compiled once (`src/emit/runtime/repeated-subschemas.ts`): which are
 * shared, which schemas are left whole, and, on random schemas and instances, that ajv accepts
 * and refuses exactly what it did before, with the same first error.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALLEST_REPEATED, withRepeatedShared } from '../../../src/emit/runtime/repeated-subschemas.js';
import type { JsonSchema } from '../../../src/model/types.js';

const RUNS = Number(process.env['HOOKCAT_PROPERTY_RUNS'] ?? 1);
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
    ['unevaluatedProperties', { unevaluatedProperties: false, allOf: [{ properties: { x: address } }] }],
    ['an anchor', { properties: { x: { ...address, $anchor: 'here' } } }],
    ['a dynamic reference', { properties: { x: { $dynamicRef: '#node' } } }],
    ['an $id below the root', { properties: { x: { ...address, $id: 'inner' } } }],
  ])('leaves a schema with %s whole', (_, schema) => {
    const whole: JsonSchema = { ...schema, $id: 'whole', properties: { ...(schema['properties'] as object), y: address, z: structuredClone(address) } };
    const { schemas, repeated } = withRepeatedShared([whole], idOf);
    expect(schemas).toEqual([whole]);
    expect(repeated).toEqual([]);
  });

  it('changes nothing when a reference points inside another schema, whose target could move', () => {
    const given = [event('a', { x: address, y: structuredClone(address) }), event('b', { z: { $ref: 'a#/properties/x' } })];
    expect(withRepeatedShared(given, idOf)).toEqual({ schemas: given, repeated: [] });
  });
});

/** Random schemas built from a few parts, so that parts repeat, some past the size worth a call. */
const schemaArb: fc.Arbitrary<JsonSchema> = fc.letrec<{ schema: JsonSchema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonSchema>(
      { type: 'string', maxLength: 3 },
      { type: 'integer', minimum: 0 },
      { type: ['string', 'null'] },
      { enum: [1, 'a', null] },
      { const: true },
      address,
    ),
    fc.record({
      type: fc.constant('object'),
      required: fc.subarray(['a', 'b', 'c']),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }),
      additionalProperties: fc.boolean(),
    }),
    fc.record({ type: fc.constant('array'), items: tie('schema'), maxItems: fc.constant(3) }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('schema') }),
  ),
})).schema;

/** Random instances in the schemas' words: their property names, short strings, valid addresses. */
const instanceArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, 0, 5, -1, 1.5, 'ab', 'abcd', { street: 'Pikk 1', city: 'Tallinn', postcode: '10123', country: 'EE' }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'street', 'city', 'postcode', 'country'), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

/** valid, or the first error as the runtime reports it. */
const verdicts = (schemas: readonly JsonSchema[], shared: readonly JsonSchema[], instances: readonly unknown[]): string[] => {
  const ajv = new Ajv2020({ strict: false, inlineRefs: false });
  for (const schema of [...shared, ...schemas]) ajv.addSchema(schema);
  return schemas.flatMap((schema) => {
    const validate = ajv.getSchema(schema['$id'] as string)!;
    return instances.map((instance) => (validate(instance) ? 'valid' : JSON.stringify([validate.errors?.[0]?.instancePath, validate.errors?.[0]?.keyword])));
  });
};

describe('withRepeatedShared on random schemas', () => {
  it('accepts and refuses what the schemas did, with the same first error', () => {
    fc.assert(
      fc.property(fc.array(schemaArb, { minLength: 1, maxLength: 4 }), fc.array(instanceArb, { minLength: 1, maxLength: 8 }), (bodies, instances) => {
        const schemas = bodies.map((body, index) => event(`https://test.invalid/events/${index}`, { a: body, b: structuredClone(body) }));
        const { schemas: rewritten, repeated } = withRepeatedShared(schemas, idOf);
        expect(verdicts(rewritten, repeated, instances)).toEqual(verdicts(schemas, [], instances));
      }),
      { numRuns: 200 * RUNS, seed: 20261206 },
    );
  });
});
