/** The schema walker on its own: references resolved per side, recursion ended, direction applied. */
import { describe, expect, it } from 'vitest';
import type { JsonSchema, NamedSchema } from '../../../src/model/types.js';
import { diffSchemas } from '../../../src/history/diff/schema-diff.js';

const named = (schemas: Record<string, JsonSchema>): NamedSchema[] =>
  Object.entries(schemas).map(([name, schema]) => ({ name, schema, title: undefined, description: undefined }));

const tree = (nameType: string): NamedSchema[] =>
  named({
    Node: { type: 'object', properties: { name: { type: nameType }, children: { type: 'array', items: { $ref: '#/schemas/Node' } } } },
  });

describe('diffSchemas', () => {
  it('ends in a recursive schema and reports a change inside it once', () => {
    const changes = diffSchemas(
      { schema: { $ref: '#/schemas/Node' }, shared: tree('string') },
      { schema: { $ref: '#/schemas/Node' }, shared: tree('integer') },
      'read',
    );
    expect(changes.map((c) => [c.kind, c.path])).toEqual([['type.changed', '/properties/name']]);
  });

  it('ends in mutually recursive schemas that differ on each side', () => {
    const before = named({
      A: { type: 'object', properties: { b: { $ref: '#/schemas/B' } } },
      B: { type: 'object', properties: { a: { $ref: '#/schemas/A' }, n: { type: 'string' } } },
    });
    const after = named({
      A: { type: 'object', properties: { b: { $ref: '#/schemas/B' } } },
      B: { type: 'object', properties: { a: { $ref: '#/schemas/A' } } },
    });
    const changes = diffSchemas({ schema: { $ref: '#/schemas/A' }, shared: before }, { schema: { $ref: '#/schemas/A' }, shared: after }, 'read');
    expect(changes.map((c) => [c.kind, c.path])).toEqual([['property.removed', '/properties/b/properties/n']]);
  });

  // Each of 30 schemas using the next one twice: 2^30 paths reach the last, and each was walked
  // (and a change in it reported 2^30 times); `hookcat diff` never ended on a 3 KB catalog.
  it('compares a pair of shared schemas once, and reports a change in it at the first path that reaches it', () => {
    const diamond = (last: string): NamedSchema[] =>
      named({
        ...Object.fromEntries(
          Array.from({ length: 30 }, (_, i) => [
            `S${i}`,
            { type: 'object', properties: { a: { $ref: `#/schemas/S${i + 1}` }, b: { $ref: `#/schemas/S${i + 1}` } } },
          ]),
        ),
        S30: { type: last },
      });
    const changes = diffSchemas(
      { schema: { $ref: '#/schemas/S0' }, shared: diamond('string') },
      { schema: { $ref: '#/schemas/S0' }, shared: diamond('integer') },
      'read',
    );
    expect(changes.map((c) => [c.kind, c.path])).toEqual([['type.changed', '/properties/a'.repeat(30)]]);
  });

  it('compares a pair again where it is reached less deep, or with other keywords beside its $ref', () => {
    const shared = (type: string): NamedSchema[] => named({ Money: { type: 'object', properties: { amount: { type } } } });
    const payload = (bLimit: number): JsonSchema => ({
      type: 'object',
      properties: {
        deep: { type: 'object', properties: { money: { $ref: '#/schemas/Money' } } },
        money: { $ref: '#/schemas/Money' },
        limited: { $ref: '#/schemas/Money', maxProperties: bLimit },
      },
    });
    const changes = diffSchemas({ schema: payload(2), shared: shared('string') }, { schema: payload(1), shared: shared('integer') }, 'read');
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['type.changed', '/properties/deep/properties/money/properties/amount'],
      ['type.changed', '/properties/money/properties/amount'],
      ['constraint.tightened', '/properties/limited'],
      ['type.changed', '/properties/limited/properties/amount'],
    ]);
    // The same pair, as deep and with nothing beside it, once.
    const twice: JsonSchema = { type: 'object', properties: { a: { $ref: '#/schemas/Money' }, b: { $ref: '#/schemas/Money' } } };
    expect(diffSchemas({ schema: twice, shared: shared('string') }, { schema: twice, shared: shared('integer') }, 'read').map((c) => c.path)).toEqual([
      '/properties/a/properties/amount',
    ]);
  });

  it('compares an inline schema with a reference to the same shape as equal', () => {
    const shared = named({ Money: { type: 'object', properties: { amount: { type: 'integer' } } } });
    const inline = { type: 'object', properties: { amount: { type: 'integer' } } };
    expect(diffSchemas({ schema: { $ref: '#/schemas/Money' }, shared }, { schema: inline, shared: [] }, 'read')).toEqual([]);
  });

  it('orders types: integer to number widens, a new `null` widens, a dropped type narrows, another type changes', () => {
    const kind = (b: JsonSchema, a: JsonSchema) => diffSchemas({ schema: b, shared: [] }, { schema: a, shared: [] }, 'read').map((c) => c.kind);
    expect(kind({ type: 'integer' }, { type: 'number' })).toEqual(['type.widened']);
    expect(kind({ type: 'string' }, { type: ['string', 'null'] })).toEqual(['type.widened']);
    expect(kind({ type: ['string', 'null'] }, { type: 'string' })).toEqual(['type.narrowed']);
    expect(kind({ type: 'string' }, { type: 'boolean' })).toEqual(['type.changed']);
    expect(kind({ type: 'string' }, {})).toEqual(['type.widened']);
  });

  it('counts a changed pattern as the worse kind for the direction', () => {
    const before = { schema: { type: 'string', pattern: '^a' }, shared: [] };
    const after = { schema: { type: 'string', pattern: '^b' }, shared: [] };
    expect(diffSchemas(before, after, 'read').map((c) => c.kind)).toEqual(['constraint.loosened']);
    expect(diffSchemas(before, after, 'write').map((c) => c.kind)).toEqual(['constraint.tightened']);
  });

  it('escapes property names in the pointer (RFC 6901)', () => {
    const changes = diffSchemas(
      { schema: { type: 'object', properties: { 'a/b~c': { type: 'string' } } }, shared: [] },
      { schema: { type: 'object', properties: {} }, shared: [] },
      'read',
    );
    expect(changes.map((c) => c.path)).toEqual(['/properties/a~1b~0c']);
  });
});
