/** A schema walk rewrites subschemas only, never instance data such as `examples`. */
import { describe, expect, it } from 'vitest';
import { catalogDoc, emitted, event, writtenCatalog } from './written-catalog.js';

describe('instance data in a payload schema', () => {
  it('is published as written, objects in a list included', async () => {
    const payload = { type: 'object', properties: { id: { type: 'string' } }, examples: [{ id: 'a1', 'x-kind': 'test' }] };
    const catalog = await writtenCatalog(catalogDoc({ events: [event('orders.create', payload)] }));
    expect(emitted(catalog).get('payloads/orders.create.schema.json')!['examples']).toEqual([{ id: 'a1', 'x-kind': 'test' }]);
  });
});
