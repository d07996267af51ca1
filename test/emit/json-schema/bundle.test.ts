/**
 * The bundle of a batch catalog: the body's own fields stand under the bundle's `properties`,
 * so their references point at the bundle's `$defs` (shared schemas) or follow them there (local).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Catalog, JsonSchema } from '../../../src/model/types.js';
import { catalogDoc, emitted, writtenCatalog } from './written-catalog.js';

function batchDoc(destination: JsonSchema) {
  return catalogDoc({
    envelope: { shape: 'batch', dataField: null, batch: { field: 'events', properties: { destination }, required: ['destination'] } },
    schemas: { Channel: { type: 'string', minLength: 3 } },
  });
}

/** `catalog` with one more body field, built by hand: the loader takes only shared refs. */
function withBodyField(catalog: Catalog, name: string, schema: JsonSchema): Catalog {
  const batch = catalog.envelope.batch!;
  return { ...catalog, envelope: { ...catalog.envelope, batch: { ...batch, properties: { ...batch.properties, [name]: schema } } } };
}

describe('a body field of a batch in the bundle', () => {
  it('refers to a shared schema under the bundle’s $defs', async () => {
    const catalog = await writtenCatalog(batchDoc({ $ref: '#/schemas/Channel' }));
    const bundle = emitted(catalog).get('bundle.schema.json')!;
    expect(bundle['properties']['destination']).toEqual({ $ref: '#/$defs/Channel' });
    const validate = new Ajv2020().compile(bundle);
    expect(validate({ events: [], destination: 'abc' })).toBe(true);
    expect(validate({ events: [], destination: 'ab' })).toBe(false);
  });

  it('has its local refs follow it to its place under the bundle’s properties, the name escaped', async () => {
    const loaded = await writtenCatalog(batchDoc({ type: 'string' }));
    const catalog = withBodyField(loaded, 'note/a~b', { $defs: { Line: { type: 'string', minLength: 2 } }, $ref: '#/$defs/Line' });
    const bundle = emitted(catalog).get('bundle.schema.json')!;
    expect(bundle['properties']['note/a~b']['$ref']).toBe('#/properties/note~1a~0b/$defs/Line');
    const validate = new Ajv2020().compile(bundle);
    expect(validate({ events: [], destination: 'x', 'note/a~b': 'ok' })).toBe(true);
    expect(validate({ events: [], destination: 'x', 'note/a~b': 'o' })).toBe(false);
  });
});
