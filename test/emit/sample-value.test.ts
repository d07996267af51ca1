/**
 * Made-up values for envelope fields: taken from the schema where it offers one, otherwise built
 * from its type and constraints, the same for the same seed, and accepted by the schema (a
 * default `Ajv2020` with `ajv-formats`, as a receiver would check a delivery).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TIME, SAMPLED_FORMATS, sampleValue, uuidFrom } from '../../src/emit/sample-value.js';
import { FORMAT_SAMPLE_LENGTHS } from '../../src/catalog/checks/envelope-examples.js';
import type { Catalog, JsonSchema, NamedSchema } from '../../src/model/types.js';

const addFormats = addFormatsModule.default;

/** Only `schemas` of a catalog is read by the sampler. */
function withSchemas(schemas: readonly NamedSchema[] = []): Catalog {
  return { schemas } as unknown as Catalog;
}

function named(name: string, schema: JsonSchema): NamedSchema {
  return { name, title: undefined, description: undefined, schema };
}

const none = withSchemas();
const sample = (schema: JsonSchema, seed = 'seed') => sampleValue(none, schema, seed);

/** Errors of a default Ajv 2020 with formats for `value` against `schema`; `null` when valid. */
function ajvErrors(schema: JsonSchema, value: unknown): unknown {
  const ajv = new Ajv2020();
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  return validate(value) ? null : validate.errors;
}

describe('values the schema offers', () => {
  it.each([
    ['const', { type: 'string', const: 'fixed', default: 'no', examples: ['no'], enum: ['no'] }, 'fixed'],
    ['a const of null', { type: 'string', const: null }, null],
    ['a const of false', { const: false, default: true }, false],
    ['default', { type: 'integer', default: 7, examples: [8], enum: [9] }, 7],
    ['a default of false', { type: 'boolean', default: false, examples: [true] }, false],
    ['the first example', { type: 'integer', examples: [8, 10], enum: [9] }, 8],
    ['the first enum value', { type: 'integer', examples: [], enum: [9, 11] }, 9],
    ['the type when the lists are empty', { type: 'integer', minimum: 3, examples: [], enum: [] }, 3],
    ['the type when examples is not a list', { type: 'integer', minimum: 3, examples: 5, enum: 6 }, 3],
  ] as const)('%s', (_, schema, expected) => {
    expect(sample(schema as JsonSchema)).toEqual(expected);
  });
});

describe('values built from the type', () => {
  it('makes false, null, nothing for an unknown type, and null without a type', () => {
    expect(sample({ type: 'boolean' })).toBe(false);
    expect(sample({ type: 'null' })).toBe(null);
    expect(sample({ type: 'other' })).toBeUndefined();
    expect(sample({})).toBe(null);
  });

  it('makes null for a schema without a type, which every keyword it knows lets through', () => {
    for (const schema of [{}, { minLength: 3 }, { minimum: 5 }, { required: ['a'] }, { minItems: 2 }, { format: 'email' }, { title: 'Any' }]) {
      expect(sample(schema), JSON.stringify(schema)).toBe(null);
      expect(ajvErrors(schema, sample(schema)), JSON.stringify(schema)).toBe(null);
    }
  });

  it('takes the first type that is not null from a list, and null when it is the only one', () => {
    expect(sample({ type: ['null', 'boolean'] })).toBe(false);
    expect(sample({ type: ['null', 'integer', 'string'] })).toBe(1);
    expect(sample({ type: ['null'] })).toBe(null);
  });

  it('makes 16 hex characters from the seed, or as near as minLength and maxLength allow', () => {
    expect(sample({ type: 'string' })).toBe('19b25856e1c150ca');
    expect(sample({ type: 'string' }, 'other')).toBe('d9298a10d1b07358');
    expect(sample({ type: 'string', maxLength: 5 })).toBe('19b25');
    expect(sample({ type: 'string', minLength: 3 })).toBe('19b25856e1c150ca');
    expect(sample({ type: 'string', minLength: 20, maxLength: 18 })).toBe('19b25856e1c150ca83');
    // Longer than one hash: the next hash of the seed follows.
    expect(sample({ type: 'string', minLength: 70 })).toBe('19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b8dd6c1');
    expect(sample({ type: 'string', minLength: 200 })).toHaveLength(200);
    expect(sample({ type: 'string', minLength: '20', maxLength: '2' } as JsonSchema)).toBe('19b25856e1c150ca');
  });

  it.each([
    ['uuid', '19b25856-e1c1-40ca-834c-ffc8b59b23ad'],
    ['date-time', '2026-01-01T12:00:00Z'],
    ['date', '2026-01-01'],
    ['time', '12:00:00Z'],
    ['email', 'receiver@example.com'],
    ['uri', 'https://example.com/'],
    ['url', 'https://example.com/'],
    ['uri-reference', 'https://example.com/'],
    ['hostname', 'example.com'],
    ['ipv4', '192.0.2.1'],
    ['ipv6', '2001:db8::1'],
  ])('writes format %s as %s, which the format accepts', (format, expected) => {
    const schema = { type: 'string', format };
    expect(sample(schema)).toBe(expected);
    expect(ajvErrors(schema, sample(schema))).toBe(null);
  });

  it('makes hex text for a format it does not know', () => {
    expect(sample({ type: 'string', format: 'color' })).toBe('19b25856e1c150ca');
  });

  it('lists the formats it writes as the HC332 check does', () => {
    expect([...SAMPLED_FORMATS].sort()).toEqual([...FORMAT_SAMPLE_LENGTHS.keys()].sort());
    for (const format of SAMPLED_FORMATS) expect((sample({ type: 'string', format }) as string).length, format).toBe(FORMAT_SAMPLE_LENGTHS.get(format));
    expect(EXAMPLE_TIME).toBe('2026-01-01T12:00:00Z');
  });

  it.each([
    [{ type: 'integer' }, 1],
    [{ type: 'number' }, 1],
    [{ type: 'integer', minimum: 5 }, 5],
    [{ type: 'integer', minimum: -5 }, -5],
    [{ type: 'integer', minimum: 2.3 }, 3],
    [{ type: 'number', minimum: 2.3 }, 2.3],
    [{ type: 'integer', exclusiveMinimum: 5 }, 6],
    [{ type: 'number', exclusiveMinimum: 5 }, 5.5],
    [{ type: 'integer', minimum: 3, exclusiveMinimum: 5 }, 6],
    [{ type: 'integer', minimum: 5, exclusiveMinimum: 5 }, 6],
    [{ type: 'integer', minimum: 9, exclusiveMinimum: 5 }, 9],
    [{ type: 'integer', minimum: 7, multipleOf: 5 }, 10],
    [{ type: 'integer', minimum: 10, multipleOf: 5 }, 10],
    [{ type: 'number', minimum: 7, multipleOf: 5 }, 10],
    [{ type: 'integer', maximum: 0 }, 0],
    [{ type: 'integer', maximum: 1 }, 1],
    [{ type: 'integer', maximum: -2.5 }, -3],
    [{ type: 'number', maximum: -2.5 }, -2.5],
    [{ type: 'integer', exclusiveMaximum: 0 }, -1],
    [{ type: 'integer', exclusiveMaximum: 2 }, 1],
    [{ type: 'number', exclusiveMaximum: 0 }, -0.5],
    [{ type: 'integer', minimum: 1, maximum: 10, multipleOf: 4 }, 4],
    // Below a maximum: a whole number, and a multiple of multipleOf.
    [{ type: 'integer', exclusiveMaximum: 0.5 }, 0],
    [{ type: 'integer', exclusiveMaximum: -0.5 }, -1],
    [{ type: 'integer', maximum: 3, multipleOf: 5 }, 0],
    [{ type: 'integer', maximum: -1, multipleOf: 2 }, -2],
    [{ type: 'number', maximum: 7.5, multipleOf: 5 }, 5],
    [{ type: 'integer', exclusiveMaximum: 0, multipleOf: 5 }, -5],
    [{ type: 'integer', exclusiveMaximum: 4, multipleOf: 5 }, 0],
    [{ type: 'integer', exclusiveMaximum: 10, multipleOf: 5 }, 5],
    [{ type: 'number', exclusiveMaximum: 0.75 }, 0.25],
    // A maximum well above the value changes nothing; one at the value moves it below.
    [{ type: 'integer', exclusiveMaximum: 10 }, 1],
    [{ type: 'integer', exclusiveMaximum: 1 }, 0],
    [{ type: 'number', exclusiveMaximum: 1 }, 0.5],
  ])('makes %j as %j', (schema, expected) => {
    expect(sample(schema)).toBe(expected);
    expect(ajvErrors(schema, expected)).toBe(null);
  });

  it('steps to a multipleOf only when it is a whole number above zero (HC332 asks for a value otherwise)', () => {
    expect(sample({ type: 'number', minimum: 1, multipleOf: 0.3 })).toBe(1);
    expect(sample({ type: 'integer', minimum: 7, multipleOf: 0 })).toBe(7);
    expect(sample({ type: 'integer', minimum: 7, multipleOf: -5 })).toBe(7);
    expect(sample({ type: 'integer', minimum: '9', maximum: '0', exclusiveMinimum: '9', exclusiveMaximum: '0' } as JsonSchema)).toBe(1);
  });

  it('makes minItems items of an array, each from its own seed', () => {
    const schema = { type: 'array', minItems: 2, items: { type: 'string', maxLength: 4 } };
    expect(sample(schema)).toEqual(['b094', '8dd6']);
    expect(sample(schema)).toEqual([sample({ type: 'string', maxLength: 4 }, 'seed/0'), sample({ type: 'string', maxLength: 4 }, 'seed/1')]);
    expect(sample({ type: 'array', items: { type: 'string' } })).toEqual([]);
    expect(sample({ type: 'array', minItems: 1, items: [{ type: 'string' }] } as JsonSchema)).toEqual([null]);
    expect(sample({ type: 'array', minItems: 1, items: { $ref: '#/schemas/Missing' } })).toEqual([]);
  });

  it('makes the required properties of an object, each from its own seed', () => {
    const schema = {
      type: 'object',
      required: ['id', 'at', 'flag', 'missing', 'notSchema'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        at: { type: 'string', format: 'date-time' },
        flag: { type: 'boolean' },
        optional: { type: 'string' },
        notSchema: true,
      },
    };
    expect(sample(schema)).toEqual({ id: uuidFrom('seed/id'), at: '2026-01-01T12:00:00Z', flag: false, notSchema: null, missing: null });
    expect(ajvErrors(schema, sample(schema))).toBe(null);
    expect(sample({ type: 'object', required: 'id', properties: { id: { type: 'string' } } } as JsonSchema)).toEqual({});
    expect(sample({ type: 'object', required: ['id'] })).toEqual({ id: null });
  });

  it('makes a value for a required property from additionalProperties, and none where it is false', () => {
    const others = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'integer' } }, additionalProperties: { type: 'string', maxLength: 3 } };
    expect(sample(others)).toEqual({ a: 1, b: 'b5b' });
    expect(ajvErrors(others, sample(others))).toBe(null);
    expect(sample({ type: 'object', required: ['a', 'b'], properties: { a: { type: 'integer' }, b: false }, additionalProperties: false })).toEqual({ a: 1 });
    const any = { type: 'object', required: ['a'], additionalProperties: true };
    expect(sample(any)).toEqual({ a: null });
    expect(ajvErrors(any, sample(any))).toBe(null);
  });

  it('makes minItems items of any value when the items are not described', () => {
    for (const schema of [
      { type: 'array', minItems: 2 },
      { type: 'array', minItems: 1, items: {} },
      { type: 'array', minItems: 1, items: true },
    ] as JsonSchema[]) {
      expect(ajvErrors(schema, sample(schema)), JSON.stringify(schema)).toBe(null);
    }
    expect(sample({ type: 'array', minItems: 2 })).toEqual([null, null]);
  });

  it('makes a property named __proto__ an own property', () => {
    const value = sample({ type: 'object', required: ['__proto__'], properties: { ['__proto__']: { const: 1 } } }) as object;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('shared schemas', () => {
  it('follows #/schemas/ references, and makes nothing for a missing one', () => {
    const catalog = withSchemas([named('Id', { type: 'string', format: 'uuid' }), named('Wrap', { $ref: '#/schemas/Id' })]);
    expect(sampleValue(catalog, { $ref: '#/schemas/Wrap' }, 's')).toBe(uuidFrom('s'));
    // A value written beside the reference is the author's: taken as it is (LINE's `source`).
    expect(sampleValue(catalog, { $ref: '#/schemas/Wrap', examples: [uuidFrom('given')] }, 's')).toBe(uuidFrom('given'));
    expect(sampleValue(catalog, { $ref: '#/schemas/Nope' }, 's')).toBeUndefined();
    // Other references are not followed: the schema's own type counts.
    expect(sampleValue(catalog, { $ref: '#/$defs/Id', type: 'boolean' }, 's')).toBe(false);
  });

  it('stops eight levels down: deeper required properties are left out', () => {
    let schema: JsonSchema = { type: 'boolean' };
    for (let i = 0; i < 12; i++) schema = { type: 'object', required: ['a'], properties: { a: schema } };
    // Depths 0 to 8 are objects; the one at depth 9 is left out.
    let expected: unknown = {};
    for (let i = 0; i < 8; i++) expected = { a: expected };
    // Left out, not set to undefined.
    expect(sample(schema)).toStrictEqual(expected);
    expect(sampleValue(none, { type: 'boolean' }, 's', 8)).toBe(false);
    expect(sampleValue(none, { type: 'boolean' }, 's', 9)).toBeUndefined();
  });

  it('ends a recursive shared schema', () => {
    const catalog = withSchemas([named('Node', { type: 'object', required: ['next'], properties: { next: { $ref: '#/schemas/Node' } } })]);
    expect(sampleValue(catalog, { $ref: '#/schemas/Node' }, 's')).toEqual({ next: { next: { next: {} } } });
  });

  it('ends a shared schema that recurs through additionalProperties or items, leaving out what is too deep', () => {
    const others = withSchemas([named('Map', { type: 'object', required: ['next'], additionalProperties: { $ref: '#/schemas/Map' } })]);
    expect(sampleValue(others, { $ref: '#/schemas/Map' }, 's')).toStrictEqual({ next: { next: { next: {} } } });
    const list = withSchemas([named('List', { type: 'array', minItems: 1, items: { $ref: '#/schemas/List' } })]);
    expect(sampleValue(list, { $ref: '#/schemas/List' }, 's')).toStrictEqual([[[[]]]]);
  });
});

describe('uuidFrom', () => {
  it('gives a version-4 UUID with the RFC 9562 variant, the same for the same seed', () => {
    expect(uuidFrom('a')).toBe('ca978112-ca1b-4dca-bac2-31b39a23dc4d');
    expect(uuidFrom('b')).toBe('3e23e816-0039-494a-b389-4f6564e1b134');
    for (const seed of ['a', 'b', 'c', 'd', 'seed', 'x/y/z']) {
      expect(uuidFrom(seed)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidFrom(seed)).toBe(uuidFrom(seed));
    }
  });
});
