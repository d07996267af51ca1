/** Walking and updating the subschemas of a JSON Schema by keyword, and the shared schemas it names. */
import { describe, expect, it } from 'vitest';
import { isObject, referencedNames, setOwn, subschemaKind, updateSchema, walkSchema } from '../../src/catalog/schema-walk.js';

/** Each visited schema as `depth path`, in visiting order. */
function visits(schema: unknown): string[] {
  const seen: string[] = [];
  walkSchema(schema, ['events', 0, 'payload'], (_, at, depth) => seen.push(`${depth} ${at().join('/')}`));
  return seen;
}

/** A schema nested `levels` times under `not`. */
function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = { not: schema };
  return schema;
}

describe('walkSchema', () => {
  it('visits single, list and map keywords with their data paths and depths', () => {
    const schema = {
      properties: { a: { items: { type: 'string' } }, b: true },
      anyOf: [{ type: 'null' }, { not: {} }],
      additionalProperties: { type: 'integer' },
      items: [{ type: 'string' }, { type: 'number' }],
      $defs: { x: {} },
    };
    expect(visits(schema)).toEqual([
      '0 events/0/payload',
      '1 events/0/payload/additionalProperties',
      '1 events/0/payload/anyOf/0',
      '1 events/0/payload/anyOf/1',
      '2 events/0/payload/anyOf/1/not',
      '1 events/0/payload/items/0',
      '1 events/0/payload/items/1',
      '1 events/0/payload/properties/a',
      '2 events/0/payload/properties/a/items',
      '1 events/0/payload/$defs/x',
    ]);
  });

  it('visits every keyword with subschemas, older drafts among them', () => {
    const single = ['additionalItems', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
    const schema = Object.fromEntries([
      ...single.map((k) => [k, {}]),
      ...['prefixItems', 'allOf', 'oneOf'].map((k) => [k, [{}]]),
      ...['patternProperties', 'dependentSchemas', 'definitions', 'dependencies'].map((k) => [k, { n: {} }]),
    ]);
    expect(visits(schema).map((v) => v.replace(' events/0/payload', ''))).toEqual([
      '0',
      ...single.map((k) => `1/${k}`),
      '1/prefixItems/0',
      '1/allOf/0',
      '1/oneOf/0',
      '1/patternProperties/n',
      '1/dependentSchemas/n',
      '1/definitions/n',
      '1/dependencies/n',
    ]);
  });

  it('passes more segments after the path, and leaves the path given alone', () => {
    const at: (string | number)[] = [];
    const path = ['schemas', 'Money'];
    walkSchema({ properties: { a: {} } }, path, (_, where, depth) => {
      if (depth === 1) at.push(...where('type'));
    });
    expect(at).toEqual(['schemas', 'Money', 'properties', 'a', 'type']);
    expect(path).toEqual(['schemas', 'Money']);
  });

  it('skips values that are no schema: booleans, lists of a single keyword, maps that are lists', () => {
    expect(visits({ not: [{}], properties: [{}], allOf: {}, items: true })).toEqual(['0 events/0/payload']);
    expect(visits(null)).toEqual([]);
    expect(visits([{}])).toEqual([]);
  });

  it('stops below depth 200', () => {
    const depths = visits(nested(250)).map((v) => Number(v.split(' ')[0]));
    expect(depths.length).toBe(201);
    expect(depths.at(-1)).toBe(200);
  });
});

describe('updateSchema', () => {
  const upperTitles = (node: Record<string, unknown>) => (typeof node['title'] === 'string' ? { ...node, title: node['title'].toUpperCase() } : node);

  it('copies only the schemas on the way to a change, keeping the order of keywords', () => {
    const untouched = { type: 'string' };
    const list = [{ type: 'null' }];
    const schema = { type: 'object', properties: { a: untouched, b: { title: 'b' } }, anyOf: list, $comment: 'c' };
    const updated = updateSchema(schema, upperTitles) as typeof schema;
    expect(updated).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { title: 'B' } }, anyOf: [{ type: 'null' }], $comment: 'c' });
    expect(Object.keys(updated)).toEqual(['type', 'properties', 'anyOf', '$comment']);
    expect(updated.properties.a).toBe(untouched);
    expect(updated.anyOf).toBe(list);
    expect(schema.properties.b).toEqual({ title: 'b' });
  });

  it('returns a schema without changes as it is', () => {
    const schema = { properties: { a: { type: 'string' } }, allOf: [{}, { not: {} }], items: [{}], not: {} };
    expect(updateSchema(schema, (node) => node)).toBe(schema);
  });

  it('updates the members of lists, a tuple `items` among them, after the first change too', () => {
    const schema = { allOf: [{}, { title: 'x' }, { title: 'y' }, {}], items: [{ title: 'i' }] };
    expect(updateSchema(schema, upperTitles)).toEqual({ allOf: [{}, { title: 'X' }, { title: 'Y' }, {}], items: [{ title: 'I' }] });
  });

  it('updates keywords after the first changed one, and names like `__proto__` as ordinary ones', () => {
    const properties = JSON.parse('{"__proto__": {"title": "p"}, "b": {"title": "b"}}') as Record<string, unknown>;
    const updated = updateSchema({ not: { title: 'n' }, properties, title: 't' }, upperTitles) as Record<string, Record<string, unknown>>;
    expect(Object.keys(updated['properties']!)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(updated['properties'], '__proto__')?.value).toEqual({ title: 'P' });
    expect(updated).toEqual({ not: { title: 'N' }, properties: updated['properties'], title: 'T' });
  });

  it('leaves other keywords alone, even when they hold objects', () => {
    const schema = { default: { a: { title: 'd' } }, examples: [{ title: 'e' }], const: { title: 'c' } };
    expect(updateSchema(schema, (node) => (node === schema ? node : { changed: true }))).toBe(schema);
  });

  it('stops below depth 200', () => {
    let count = 0;
    updateSchema(nested(250), (node) => {
      count++;
      return node;
    });
    expect(count).toBe(201);
  });
});

describe('referencedNames', () => {
  it('lists the shared schemas referenced anywhere, once each, in the order of a walk', () => {
    const schema = {
      properties: {
        a: { $ref: '#/schemas/B' },
        b: { anyOf: [{ $ref: '#/schemas/A' }, { $ref: '#/schemas/C' }] },
        c: { $ref: '#/schemas/B' },
      },
      $ref: '#/schemas/D',
    };
    expect(referencedNames(schema)).toEqual(['B', 'A', 'C', 'D']);
  });

  it('leaves out other refs, refs that are no text, and names in other keywords', () => {
    expect(referencedNames({ $ref: '#/$defs/X', items: { $ref: 5 }, enum: ['#/schemas/E'], const: '#/schemas/F' })).toEqual([]);
    expect(referencedNames([{ $ref: '#/schemas/L' }, '#/schemas/M', null])).toEqual(['L']);
  });
});

describe('subschemaKind, setOwn, isObject', () => {
  it('says how a keyword holds subschemas', () => {
    expect(['not', 'items', 'allOf', 'prefixItems', 'properties', 'dependencies', 'type', 'enum'].map(subschemaKind)).toEqual([
      'single',
      'single',
      'list',
      'list',
      'map',
      'map',
      undefined,
      undefined,
    ]);
  });

  it('sets `__proto__` as an own, enumerable, writable property', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { a: 1 });
    setOwn(target, 'b', 2);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.entries(target)).toEqual([
      ['__proto__', { a: 1 }],
      ['b', 2],
    ]);
    expect(Object.getOwnPropertyDescriptor(target, '__proto__')).toEqual({ value: { a: 1 }, enumerable: true, writable: true, configurable: true });
  });

  it('takes mappings only as objects', () => {
    expect([{}, [], null, 'x', 1].map(isObject)).toEqual([true, false, false, false, false]);
  });
});
