/** Flattening payload schemas into field-table rows. */
import { describe, expect, it } from 'vitest';
import { baseLinks, fieldRows, namedFieldRows } from '../../../src/emit/markdown/field-table.js';
import { createTextPicker } from '../../../src/emit/markdown/local-text.js';
import { fallbackChain } from '../../../src/locale/tags.js';
import { sharedSchemaMap } from '../../../src/emit/markdown/schema-shape.js';
import type { JsonSchema, NamedSchema } from '../../../src/model/types.js';

const address: JsonSchema = {
  type: 'object',
  description: 'Postal address.',
  'x-translations': { et: { description: 'Postiaadress.' } },
  required: ['city'],
  properties: { city: { type: 'string' }, zip: { type: ['string', 'null'] } },
};
const node: JsonSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/schemas/Node' } } },
};
const shared: NamedSchema[] = [
  { name: 'Address', title: undefined, description: undefined, schema: address },
  { name: 'Node', title: undefined, description: undefined, schema: node },
];

function rows(schema: JsonSchema, locale = 'en') {
  const picker = createTextPicker(fallbackChain(locale, undefined, 'en'), 'en');
  const result = fieldRows(schema, { shared: sharedSchemaMap(shared), text: picker, label: 'events/x/payload', schemaUrl: (name) => `../schemas/${name}.md` });
  return { rows: result, fallbacks: picker.fallbacks() };
}

describe('field rows of a payload schema', () => {
  it('flattens nested objects with dotted paths and array items with []', () => {
    const { rows: found } = rows({
      type: 'object',
      required: ['customer'],
      properties: {
        customer: { type: 'object', required: ['address'], properties: { address: { $ref: '#/schemas/Address' } } },
        items: { type: 'array', items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } } } },
      },
    });
    expect(found.map((r) => [r.path, r.type, r.required])).toEqual([
      ['customer', 'object', true],
      ['customer.address', 'Address', true],
      ['items', 'object[]', false],
      ['items[].sku', 'string', true],
      ['items[].qty', 'integer', false],
    ]);
    expect(found.find((r) => r.path === 'items[].qty')?.facets).toEqual(['minimum: 1']);
    expect(found.find((r) => r.path === 'customer.address')?.links).toEqual([{ name: 'Address', url: '../schemas/Address.md' }]);
  });

  it('links a shared schema instead of expanding it: no rows for a ref at the root, one row for a field', () => {
    expect(rows({ $ref: '#/schemas/Node' }).rows).toEqual([]);
    const { rows: found } = rows(node);
    expect(found.map((r) => [r.path, r.type, r.links.map((l) => l.name)])).toEqual([
      ['name', 'string', []],
      ['children', 'Node[]', ['Node']],
    ]);
  });

  it('shows a oneOf branch that is a shared schema as a row linking it, with the branch title as its variant', () => {
    const { rows: found } = rows({
      type: 'object',
      properties: {
        home: { oneOf: [{ $ref: '#/schemas/Address' }, { title: 'Nowhere', type: 'object', properties: { why: { type: 'string' } } }] },
      },
    });
    expect(found.map((r) => [r.path, r.variant, r.links.map((l) => l.name)])).toEqual([
      ['home', null, []],
      ['home', '1', ['Address']],
      ['home.why', 'Nowhere', []],
    ]);
  });

  it('marks the fields of oneOf branches with their variant', () => {
    const { rows: found } = rows({
      type: 'object',
      properties: {
        payment: {
          oneOf: [
            { type: 'object', properties: { card: { type: 'string' } } },
            { type: 'object', properties: { iban: { type: 'string' } } },
          ],
        },
      },
    });
    expect(found.map((r) => [r.path, r.variant])).toEqual([
      ['payment', null],
      ['payment.card', '1'],
      ['payment.iban', '2'],
    ]);
  });

  it('merges inline allOf members and links the shared ones, and shows maps and tuples', () => {
    const { rows: found } = rows({
      allOf: [
        { $ref: '#/schemas/Address' },
        {
          type: 'object',
          required: ['tags'],
          properties: {
            tags: { type: 'object', additionalProperties: { type: 'string' } },
            at: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2 },
          },
        },
      ],
    });
    expect(found.map((r) => [r.path, r.type, r.required])).toEqual([
      ['tags', 'object', true],
      ['tags.*', 'string', false],
      ['at', '[number, number]', false],
      ['at[0]', 'number', true],
      ['at[1]', 'number', true],
    ]);
  });

  it('takes descriptions from x-translations, and records the ones that fell back', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        home: { $ref: '#/schemas/Address' },
        note: { type: 'string', description: 'Only in English.' },
      },
    };
    const et = rows(schema, 'et');
    expect(et.rows.map((r) => r.description)).toEqual([
      { text: 'Postiaadress.', fallback: false, markdown: true },
      { text: 'Only in English.', fallback: true, markdown: true },
    ]);
    expect(et.fallbacks).toEqual(['events/x/payload/note']);
    expect(rows(schema, 'en').fallbacks).toEqual([]);
  });

  it('labels nested variants by number path, or by title path, and marks a variant title that fell back', () => {
    const { rows: found } = rows({
      type: 'object',
      properties: {
        a: {
          oneOf: [
            { oneOf: [{ properties: { x: { type: 'string' } } }, { properties: { y: { type: 'string' } } }] },
            { title: '', properties: { z: { type: 'string' } } },
          ],
        },
        b: { anyOf: [{ title: 'Card', oneOf: [{ title: 'Visa', properties: { n: { type: 'string' } } }] }] },
      },
    });
    expect(found.map((r) => [r.path, r.variant])).toEqual([
      ['a', null],
      ['a.x', '1.1'],
      ['a.y', '1.2'],
      ['a.z', '2'],
      ['b', null],
      ['b.n', 'Card › Visa'],
    ]);
    const et = rows({ type: 'object', properties: { c: { oneOf: [{ title: 'Only English', properties: { d: { type: 'string' } } }] } } }, 'et');
    expect(et.rows.map((r) => [r.path, r.variant])).toEqual([
      ['c', null],
      ['c.d', 'Only English'],
    ]);
    expect(et.fallbacks).toEqual(['events/x/payload/c/variants/1']);
  });

  it('names a variant that is a shared schema by its title, and never requires it', () => {
    const titled: NamedSchema = { name: 'Titled', title: undefined, description: undefined, schema: { title: 'Postal', type: 'object' } };
    const picker = createTextPicker(fallbackChain('en', undefined, 'en'), 'en');
    const found = fieldRows(
      { type: 'object', required: ['home'], properties: { home: { oneOf: [{ $ref: '#/schemas/Titled' }, { $ref: '#/schemas/Titled', title: 'Own' }] } } },
      { shared: sharedSchemaMap([...shared, titled]), text: picker, label: 'events/x/payload', schemaUrl: (name) => `../schemas/${name}.md` },
    );
    expect(found.map((r) => [r.path, r.variant, r.required])).toEqual([
      ['home', null, true],
      ['home', 'Postal', false],
      ['home', 'Own', false],
    ]);
  });

  it('links the one shared schema beside null, and describes a field by the title of the schema it names when that has no description', () => {
    const titled: NamedSchema = { name: 'Titled', title: undefined, description: undefined, schema: { title: 'A postal address', type: 'object' } };
    const picker = createTextPicker(fallbackChain('en', undefined, 'en'), 'en');
    const found = fieldRows(
      {
        type: 'object',
        properties: { home: { anyOf: [{ $ref: '#/schemas/Titled' }, { type: 'null' }] }, list: { type: 'array', items: { $ref: '#/schemas/Titled' } } },
      },
      { shared: sharedSchemaMap([...shared, titled]), text: picker, label: 'events/x/payload', schemaUrl: (name) => `../schemas/${name}.md` },
    );
    expect(found.map((r) => [r.path, r.links.map((l) => l.name), r.description?.text])).toEqual([
      ['home', ['Titled'], 'A postal address'],
      ['list', ['Titled'], 'A postal address'],
    ]);
  });

  it('shows a shared schema or an object beside null as one nullable field, not as a variant that is never required', () => {
    // Shopify's `customer: oneOf [Customer, null]`, required: one row, `Customer | null`, required.
    const { rows: found } = rows({
      type: 'object',
      required: ['billing', 'client'],
      properties: {
        billing: { oneOf: [{ $ref: '#/schemas/Address' }, { type: 'null' }] },
        client: { anyOf: [{ type: 'null' }, { type: 'object', required: ['ip'], properties: { ip: { type: 'string' } } }] },
        payment: { oneOf: [{ $ref: '#/schemas/Address' }, { type: 'string' }] },
      },
    });
    expect(found.map((r) => [r.path, r.type, r.variant, r.required])).toEqual([
      ['billing', 'Address | null', null, true],
      ['client', 'null | object', null, true],
      ['client.ip', 'string', null, true],
      ['payment', 'Address | string', null, false],
      ['payment', 'Address', '1', false],
    ]);
  });

  it('requires the tuple members minItems asks for, and stops below depth 12', () => {
    const { rows: tuple } = rows({ type: 'object', properties: { at: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 1 } } });
    expect(tuple.map((r) => [r.path, r.required])).toEqual([
      ['at', false],
      ['at[0]', true],
      ['at[1]', false],
    ]);
    let deep: JsonSchema = { type: 'string' };
    for (let i = 0; i < 20; i++) deep = { type: 'object', properties: { f: deep } };
    expect(rows(deep).rows.map((r) => r.path.split('.').length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    let list: JsonSchema = { type: 'string' };
    for (let i = 0; i < 20; i++) list = { type: 'array', items: { type: 'object', properties: { f: list } } };
    expect(rows({ type: 'object', properties: { f: list } }).rows).toHaveLength(7);
    let branches: JsonSchema = { type: 'string' };
    for (let i = 0; i < 20; i++) branches = { oneOf: [{ type: 'object', properties: { f: branches } }] };
    expect(rows({ type: 'object', properties: { f: branches } }).rows).toHaveLength(7);
  });

  it('lists the shared schemas an allOf extends once each, and rows for named fields', () => {
    const table = {
      shared: sharedSchemaMap(shared),
      text: createTextPicker(['en'], 'en'),
      label: 'envelope',
      schemaUrl: (name: string) => `./schemas/${name}.md`,
    };
    const schema: JsonSchema = {
      allOf: [{ $ref: '#/schemas/Address' }, { $ref: '#/schemas/Nowhere' }, { type: 'object' }, { allOf: [{ $ref: '#/schemas/Address' }] }],
    };
    expect(baseLinks(schema, table)).toEqual([{ name: 'Address', url: './schemas/Address.md' }]);
    const named = namedFieldRows(
      [
        ['id', { type: 'string' }],
        ['at', { type: 'object', properties: { x: { type: 'integer' } } }],
      ],
      new Set(['id']),
      table,
    );
    expect(named.map((r) => [r.path, r.type, r.required, r.variant])).toEqual([
      ['id', 'string', true, null],
      ['at', 'object', false, null],
      ['at.x', 'integer', false, null],
    ]);
  });

  it('joins variant labels with a dot only when both are numbers', () => {
    const leaf = (name: string): JsonSchema => ({ properties: { [name]: { type: 'string' } } });
    const untitled = (name: string): JsonSchema => ({ oneOf: [leaf(name)] });
    const ten: JsonSchema = { oneOf: [...Array.from({ length: 9 }, () => ({ type: 'null' })), leaf('tenth')] };
    const { rows: found } = rows({
      type: 'object',
      properties: {
        p: {
          oneOf: [
            { title: 'Plan 2', ...untitled('a') },
            { title: '2nd', ...untitled('b') },
            { oneOf: [{ oneOf: [leaf('c')] }, { title: 'Plan 3', ...leaf('d') }, { title: '3rd', ...leaf('e') }, ten] },
          ],
        },
      },
    });
    expect(found.filter((r) => r.variant !== null).map((r) => [r.path, r.variant])).toEqual([
      ['p.a', 'Plan 2 › 1'],
      ['p.b', '2nd › 1'],
      ['p.c', '3.1.1'],
      ['p.d', '3 › Plan 3'],
      ['p.e', '3 › 3rd'],
      ['p.tenth', '3.4.10'],
    ]);
  });
});
