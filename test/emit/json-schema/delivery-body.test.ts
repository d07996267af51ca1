/** The body of a batch delivery: the list under the batch field, beside the body's own fields. */
import { describe, expect, it } from 'vitest';
import { catalogDoc, emitted, writtenCatalog } from './written-catalog.js';

describe('the body of a batch with a field of its own', () => {
  it('keeps the list under the batch field even when the field is also declared, and requires only the required fields', async () => {
    const catalog = await writtenCatalog(
      catalogDoc({
        envelope: {
          shape: 'batch',
          dataField: null,
          batch: {
            field: 'events',
            properties: { events: { type: 'string' }, destination: { type: 'string' }, mode: { type: 'string' } },
            required: ['destination'],
          },
        },
      }),
    );
    const bundle = emitted(catalog).get('bundle.schema.json')!;
    expect(bundle['required']).toEqual(['events', 'destination']);
    expect(bundle['properties']).toEqual({
      events: { type: 'array', items: { oneOf: [{ $ref: '#/$defs/event:orders.create' }] } },
      destination: { type: 'string' },
      mode: { type: 'string' },
    });
  });
});
