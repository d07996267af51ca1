/** References in a payload schema, placed where each output keeps it. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { catalogDoc, emitted, writtenCatalog } from './written-catalog.js';

describe('a reference by a relative URI, not a JSON Pointer', () => {
  it('stays as written wherever the payload goes, and resolves in the bundle', async () => {
    const loaded = await writtenCatalog(catalogDoc());
    // The loader takes only shared refs: this one is in a model built by hand.
    const payload = { type: 'object', $defs: { Code: { $id: 'code.json', type: 'string' } }, properties: { id: { $ref: 'code.json' } } };
    const catalog = { ...loaded, events: loaded.events.map((e) => ({ ...e, payload })) };
    const files = emitted(catalog);
    expect(files.get('payloads/orders.create.schema.json')!['properties']['id']).toEqual({ $ref: 'code.json' });
    const bundle = files.get('bundle.schema.json')!;
    expect(bundle['$defs']['payload:orders.create']['properties']['id']).toEqual({ $ref: 'code.json' });
    const validate = new Ajv2020().compile(bundle);
    expect(validate({ type: 'orders.create', data: { id: 'x' } })).toBe(true);
    expect(validate({ type: 'orders.create', data: { id: 1 } })).toBe(false);
  });
});
