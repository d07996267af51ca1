/**
 * Published schemas hold only JSON Schema 2020-12 keywords (texts in other locales move to the
 * translations file); OpenAPI schemas also keep OpenAPI's own keywords and `x-` extensions.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openApiSchema } from '../../../src/emit/json-schema/standard-keywords.js';
import { catalogDoc, emitted, event, writtenCatalog } from './written-catalog.js';

describe('a published payload schema', () => {
  it('drops a node’s x- keywords even when it has no other keyword, and default ajv compiles it', async () => {
    const payload = { type: 'object', properties: { internal: { 'x-note': 'for us' } } };
    const catalog = await writtenCatalog(catalogDoc({ events: [event('orders.create', payload)] }));
    const schema = emitted(catalog).get('payloads/orders.create.schema.json')!;
    expect(schema['properties']).toEqual({ internal: {} });
    expect(new Ajv2020().compile(schema)).toBeTypeOf('function');
  });

  it('moves translations under the node’s JSON Pointer, its property name escaped', async () => {
    const payload = { type: 'object', properties: { 'a/b~c': { type: 'string', description: { en: 'Code', et: 'Kood' } } } };
    const catalog = await writtenCatalog(catalogDoc({ events: [event('orders.create', payload)] }));
    expect(emitted(catalog).get('translations.json')!['et']['payloads/orders.create.schema.json']).toEqual({ '/properties/a~1b~0c': { description: 'Kood' } });
  });

  it('moves no translation that is not a set of texts', async () => {
    const payload = { type: 'object', 'x-translations': { et: 'odd' }, properties: { id: { type: 'string', 'x-translations': { et: null } } } };
    const catalog = await writtenCatalog(catalogDoc({ events: [event('orders.create', payload)] }));
    const translations = emitted(catalog).get('translations.json')!;
    expect(Object.keys(translations['et'])).toEqual(['events/orders.create.schema.json', 'bundle.schema.json']);
    expect(Object.keys(translations['et']['bundle.schema.json'])).toEqual(['', '/$defs/event:orders.create']);
  });

  it('leaves out `$anchor`, which ajv refuses, so that default ajv compiles every file', async () => {
    const payload = { type: 'object', properties: { id: { $anchor: 'id', type: 'string' } } };
    const catalog = await writtenCatalog(catalogDoc({ events: [event('orders.create', payload)] }));
    const files = emitted(catalog);
    expect(files.get('payloads/orders.create.schema.json')!['properties']).toEqual({ id: { type: 'string' } });
    const ajv = new Ajv2020();
    const schemas = [...files].filter(([file]) => file !== 'translations.json').map(([, schema]) => schema);
    for (const schema of schemas) ajv.addSchema(schema);
    for (const schema of schemas) expect(ajv.getSchema(schema['$id'] as string), schema['$id']).toBeTypeOf('function');
  });
});

describe('an OpenAPI schema', () => {
  it('keeps JSON Schema’s, OpenAPI’s and x- keywords at every node, and drops the others', () => {
    const schema = { type: 'object', example: {}, 'x-note': 1, tsType: 'Order', properties: { id: { type: 'string', nullable: true } } };
    expect(openApiSchema(schema)).toEqual({ type: 'object', example: {}, 'x-note': 1, properties: { id: { type: 'string' } } });
  });
});
