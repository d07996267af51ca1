/** Flattening payload schemas into field-table rows. */
import { describe, expect, it } from 'vitest';
import { fieldRows } from '../../../src/emit/markdown/field-table.js';
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
});
