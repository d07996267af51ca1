/**
 * Parts of the JSON Schema emitter that every output shares, called directly: the schema of a
 * whole delivery body in each delivery shape (none, one event, a batch with and without a field
 * of its own), keys named `__proto__`, locale maps turned into source text and `x-translations`,
 * and the merge of two translation maps.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { deliveryBodySchema, propertyPointer } from '../../../src/emit/json-schema/delivery-body.js';
import { setOwn, type JsonObject } from '../../../src/emit/json-schema/json-object.js';
import { localizeSchema, rewriteSchema, type SchemaPlace } from '../../../src/emit/json-schema/rewrite-schema.js';
import { mergeTranslations } from '../../../src/emit/json-schema/translations.js';
import { loadCatalog } from '../../../src/load.js';
import type { Catalog, JsonSchema } from '../../../src/model/types.js';

const SHAPES = path.resolve('test/fixtures/shapes');

async function shape(name: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(path.join(SHAPES, name, 'catalog'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return catalog!;
}

const fieldPlace = (field: string): SchemaPlace => ({ sharedRef: (name) => `#/$defs/${name}`, root: propertyPointer('#', field), sourceLocale: 'en' });

describe('the schema of a delivery body', () => {
  it('is one of the events (oneOf) when a type field tells them apart', async () => {
    const catalog = await shape('envelope-flat');
    expect(deliveryBodySchema(catalog, ['#/a', '#/b'], fieldPlace)).toEqual({ oneOf: [{ $ref: '#/a' }, { $ref: '#/b' }] });
  });

  it('is any of the events (anyOf) for bare bodies, which only a header tells apart', async () => {
    const catalog = await shape('bare-actions');
    expect(deliveryBodySchema(catalog, ['#/a', '#/b'], fieldPlace)).toEqual({ anyOf: [{ $ref: '#/a' }, { $ref: '#/b' }] });
  });

  it('refuses every body when the catalog has no event', async () => {
    const catalog = await shape('envelope-flat');
    const schema = deliveryBodySchema(catalog, [], fieldPlace);
    expect(schema).toEqual({ not: {} });
    const validate = new Ajv2020().compile(schema);
    expect([{}, [], null, 'x'].some((body) => validate(body))).toBe(false);
  });

  it('is a bare list of bare events for a batch without a field of its own', async () => {
    const catalog = await shape('batch-bare');
    expect(catalog.envelope.batch?.field).toBeUndefined();
    expect(deliveryBodySchema(catalog, ['#/a'], fieldPlace)).toEqual({ type: 'array', items: { anyOf: [{ $ref: '#/a' }] } });
  });

  it('is an object with the list under its field, beside the body’s other fields, for a batch with one', async () => {
    const catalog = await shape('batch-envelope');
    const schema = deliveryBodySchema(catalog, ['#/a', '#/b'], fieldPlace);
    expect(schema).toEqual({
      type: 'object',
      required: ['events', 'destination'],
      properties: {
        events: { type: 'array', items: { oneOf: [{ $ref: '#/a' }, { $ref: '#/b' }] } },
        destination: { type: 'string', minLength: 33, maxLength: 33 },
      },
    });
  });
});

describe('a key named __proto__', () => {
  it('is an own, enumerable key that JSON.stringify writes, and changes no prototype', () => {
    const target: JsonObject = {};
    setOwn(target, '__proto__', { polluted: true });
    setOwn(target, 'plain', 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__', 'plain']);
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true},"plain":1}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Written again, it is replaced like any other key.
    setOwn(target, '__proto__', 2);
    expect(JSON.stringify(target)).toBe('{"__proto__":2,"plain":1}');
  });
});

describe('locale maps in a schema', () => {
  it('become the source text, with the other locales under x-translations, at every node', () => {
    const schema: JsonSchema = {
      type: 'object',
      title: { en: 'Order', et: 'Tellimus' },
      properties: { id: { type: 'string', description: { en: 'The id', et: 'Tunnus', pl: 'Identyfikator' } } },
    };
    expect(localizeSchema(schema, 'en')).toEqual({
      type: 'object',
      title: 'Order',
      'x-translations': { et: { title: 'Tellimus' } },
      properties: { id: { type: 'string', description: 'The id', 'x-translations': { et: { description: 'Tunnus' }, pl: { description: 'Identyfikator' } } } },
    });
  });

  it('fall back to the first text when the source locale has none, and keep translations already written', () => {
    const schema: JsonSchema = { title: { et: 'Tellimus', pl: 'Zamówienie' }, description: { en: 'An order' }, 'x-translations': { et: { title: 'Kept' } } };
    expect(localizeSchema(schema, 'en')).toEqual({
      title: 'Tellimus',
      description: 'An order',
      'x-translations': { et: { title: 'Kept' }, pl: { title: 'Zamówienie' } },
    });
  });

  it('are only maps of strings: an object with another value, or an empty one, stays as it is', () => {
    const notTexts: JsonSchema = { title: { en: 'x', count: 2 } as unknown as string, description: {} as unknown as string };
    expect(localizeSchema(notTexts, 'en')).toBe(notTexts);
    const plain: JsonSchema = { type: 'string', title: 'Already text' };
    expect(localizeSchema(plain, 'en')).toBe(plain);
  });

  it('are localized and placed in one step by rewriteSchema, shared and local refs included', () => {
    const place: SchemaPlace = { sharedRef: (name) => `#/components/schemas/${name}`, root: '#/components/schemas/Order', sourceLocale: 'en' };
    expect(rewriteSchema({ title: { en: 'A' }, properties: { a: { $ref: '#/schemas/Money' }, b: { $ref: '#/$defs/Line' }, c: { $ref: '#' } } }, place)).toEqual(
      {
        title: 'A',
        properties: {
          a: { $ref: '#/components/schemas/Money' },
          b: { $ref: '#/components/schemas/Order/$defs/Line' },
          c: { $ref: '#/components/schemas/Order' },
        },
      },
    );
  });
});

describe('two translation maps merged', () => {
  it('keep the first map’s texts, add the second’s, locale by locale', () => {
    expect(mergeTranslations({ et: { title: 'A' }, pl: { title: 'P' } }, { et: { title: 'B', description: 'D' }, fi: { title: 'F' } })).toEqual({
      et: { title: 'A', description: 'D' },
      pl: { title: 'P' },
      fi: { title: 'F' },
    });
  });

  it('take whichever side is a map when the other is not, and the first side’s value over a second side’s map', () => {
    expect(mergeTranslations(undefined, { et: { title: 'B' } })).toEqual({ et: { title: 'B' } });
    expect(mergeTranslations({ et: { title: 'A' } }, undefined)).toEqual({ et: { title: 'A' } });
    expect(mergeTranslations({ et: 'odd' }, { et: { title: 'B' } })).toEqual({ et: 'odd' });
    expect(mergeTranslations({}, { et: { title: 'B' } })).toEqual({ et: { title: 'B' } });
  });

  it('keep a locale named __proto__ as a plain key', () => {
    const merged = mergeTranslations({}, JSON.parse('{"__proto__": {"title": "x"}}')) as JsonObject;
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"title":"x"}}');
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
