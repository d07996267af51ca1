/** Reading payload schemas for the field tables: type names, constraints, refs and merged objects. */
import { describe, expect, it } from 'vitest';
import { facetsOf, objectShape, refName, resolveRef, sharedSchemaMap, typeName, variantsOf } from '../../../src/emit/markdown/schema-shape.js';
import type { JsonSchema } from '../../../src/model/types.js';

const shared = sharedSchemaMap([
  { name: 'A', title: undefined, description: undefined, schema: { $ref: '#/schemas/B' } },
  { name: 'B', title: undefined, description: undefined, schema: { type: 'string', format: 'email' } },
  { name: 'Loop', title: undefined, description: undefined, schema: { $ref: '#/schemas/Loop' } },
]);

describe('typeName', () => {
  it('names declared types, a list of them once each, and arrays by their items', () => {
    expect(typeName({ type: 'string' })).toBe('string');
    expect(typeName({ type: ['string', 'null', 'string'] })).toBe('string | null');
    expect(typeName({ type: ['integer', 7, 'null'] } as unknown as JsonSchema)).toBe('integer | null');
    expect(typeName({ type: 'array', items: { type: 'integer' } })).toBe('integer[]');
    expect(typeName({ type: 'array', items: { type: ['string', 'null'] } })).toBe('(string | null)[]');
    expect(typeName({ type: 'array' })).toBe('array');
    expect(typeName({ type: ['array', 'null'], prefixItems: [{ type: 'number' }, { $ref: '#/schemas/B' }] })).toBe('[number, B] | null');
  });

  it('names a shared schema by the name its $ref writes', () => {
    expect(typeName({ $ref: '#/schemas/A' })).toBe('A');
    expect(typeName({ type: 'array', items: { $ref: '#/schemas/B' } })).toBe('B[]');
  });

  it('names const and enum values by their JSON types', () => {
    expect(typeName({ const: 1 })).toBe('integer');
    expect(typeName({ const: 1.5 })).toBe('number');
    expect(typeName({ const: null })).toBe('null');
    expect(typeName({ const: [1] })).toBe('array');
    expect(typeName({ const: { a: 1 } })).toBe('object');
    expect(typeName({ const: false })).toBe('boolean');
    expect(typeName({ enum: ['a', 'b', 2, null] })).toBe('string | integer | null');
    expect(typeName({ enum: [] })).toBe('any');
  });

  it('names variants with |, allOf members with &, grouping names with spaces', () => {
    expect(typeName({ oneOf: [{ type: 'string' }, { type: 'string' }, { $ref: '#/schemas/B' }] })).toBe('string | B');
    expect(typeName({ anyOf: [{ type: 'integer' }, { type: 'null' }] })).toBe('integer | null');
    expect(typeName({ allOf: [{ $ref: '#/schemas/B' }, { type: ['string', 'null'] }] })).toBe('B & (string | null)');
  });

  it('names an object or array by its keywords when no type is written, else any', () => {
    expect(typeName({ properties: { a: { type: 'string' } } })).toBe('object');
    expect(typeName({ additionalProperties: false })).toBe('object');
    expect(typeName({ items: { type: 'string' } })).toBe('string[]');
    expect(typeName({ prefixItems: [{ type: 'string' }] })).toBe('[string]');
    expect(typeName({ description: 'anything' })).toBe('any');
  });

  it('stops at depth 8 with any', () => {
    let schema: JsonSchema = { type: 'string' };
    for (let i = 0; i < 8; i++) schema = { type: 'array', items: schema };
    expect(typeName(schema)).toBe(`string${'[]'.repeat(8)}`);
    expect(typeName({ type: 'array', items: schema })).toBe(`any${'[]'.repeat(9)}`);
    let variants: JsonSchema = { type: 'string' };
    for (let i = 0; i < 9; i++) variants = { oneOf: [variants, { type: 'null' }] };
    expect(typeName(variants)).toBe(`any${' | null'.repeat(8)}`);
    let members: JsonSchema = { type: 'string' };
    for (let i = 0; i < 9; i++) members = { allOf: [members] };
    expect(typeName(members)).toBe('any');
    let tuple: JsonSchema = { type: 'string' };
    for (let i = 0; i < 9; i++) tuple = { prefixItems: [tuple] };
    expect(typeName(tuple)).toBe(`${'['.repeat(9)}any${']'.repeat(9)}`);
  });
});

describe('facetsOf', () => {
  it('lists constraints in a fixed order, a format as written and other values as JSON', () => {
    expect(facetsOf({ type: 'string', maxLength: 9, format: 'uuid', pattern: '^a', enum: ['a', 'b'], minLength: 1 })).toEqual([
      'enum: ["a","b"]',
      'format: uuid',
      'pattern: "^a"',
      'minLength: 1',
      'maxLength: 9',
    ]);
    expect(facetsOf({ format: 3 } as unknown as JsonSchema)).toEqual(['format: 3']);
    expect(facetsOf({ const: null, default: false, uniqueItems: true })).toEqual(['const: null', 'uniqueItems: true', 'default: false']);
    expect(facetsOf({ type: 'object', title: 'x', description: 'y' })).toEqual([]);
  });
});

describe('refs', () => {
  it('follows a chain of shared schemas to the last one, and stops at a cycle', () => {
    expect(resolveRef({ $ref: '#/schemas/A' }, shared)).toEqual({ schema: { type: 'string', format: 'email' }, name: 'B' });
    expect(resolveRef({ type: 'string' }, shared)).toEqual({ schema: { type: 'string' }, name: undefined });
    expect(resolveRef({ $ref: '#/schemas/Nowhere' }, shared)).toEqual({ schema: { $ref: '#/schemas/Nowhere' }, name: undefined });
    expect(resolveRef({ $ref: '#/schemas/Loop' }, shared)).toEqual({ schema: { $ref: '#/schemas/Loop' }, name: 'Loop' });
  });

  it('names only shared schemas that exist', () => {
    expect(refName({ $ref: '#/schemas/A' }, shared)).toBe('A');
    expect(refName({ $ref: '#/schemas/Nowhere' }, shared)).toBeUndefined();
    expect(refName({ type: 'string' }, shared)).toBeUndefined();
  });
});

describe('objectShape', () => {
  it('merges inline allOf members in order, keeps refs apart, and reads a node once', () => {
    const base: JsonSchema = { properties: { a: { type: 'string' } }, required: ['a', 3] as unknown as string[] };
    const shape = objectShape({
      type: 'object',
      properties: { z: { type: 'integer' }, bad: 1 } as unknown as JsonSchema,
      additionalProperties: { type: 'boolean' },
      allOf: [base, { $ref: '#/schemas/B' }, base, { properties: { a: { type: 'number' } }, required: ['b'] }],
    });
    expect(shape.properties).toEqual([
      ['z', { type: 'integer' }],
      ['a', { type: 'number' }],
    ]);
    expect([...shape.required]).toEqual(['a', 'b']);
    expect(shape.additional).toEqual({ type: 'boolean' });
    expect(shape.bases).toEqual([{ $ref: '#/schemas/B' }]);
  });

  it('has no fields for a schema that is itself a ref, and no other-keys schema for a boolean', () => {
    expect(objectShape({ $ref: '#/schemas/B' })).toEqual({ properties: [], required: new Set(), additional: undefined, bases: [] });
    expect(objectShape({ additionalProperties: true }).additional).toBeUndefined();
  });

  it('takes variants from oneOf then anyOf, leaving out what is no schema', () => {
    expect(variantsOf({ anyOf: [{ type: 'null' }], oneOf: [{ type: 'string' }, 3 as unknown as JsonSchema, [] as unknown as JsonSchema] })).toEqual([
      { type: 'string' },
      { type: 'null' },
    ]);
  });
});
