/** Names under the bundle's `$defs` and the references to them, escaped as JSON Pointer tokens. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { defRef } from '../../../src/emit/json-schema/bundle-defs.js';
import { catalogDoc, emitted, event, writtenCatalog } from './written-catalog.js';

describe('a reference to a bundle member', () => {
  it('escapes the `/` of an event key, so the bundle resolves it and validates deliveries', async () => {
    const catalog = await writtenCatalog(
      catalogDoc({ events: [event('orders/create', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } })] }),
    );
    const bundle = emitted(catalog).get('bundle.schema.json')!;
    expect(bundle['oneOf']).toEqual([{ $ref: '#/$defs/event:orders~1create' }]);
    expect(bundle['$defs']['event:orders/create'].properties.data).toEqual({ $ref: '#/$defs/payload:orders~1create' });
    const validate = new Ajv2020().compile(bundle);
    expect(validate({ type: 'orders/create', data: { id: 'a' } })).toBe(true);
    expect(validate({ type: 'orders/create', data: { id: 1 } })).toBe(false);
  });

  it('escapes `~` before `/` (RFC 6901)', () => {
    expect(defRef('a~/b')).toBe('#/$defs/a~0~1b');
  });
});
