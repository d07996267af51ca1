/** Asking for the component name of something the catalog does not have is a bug in the
 * emitter, reported with what was asked for. */
import { describe, expect, it } from 'vitest';
import { componentNames } from '../../../src/emit/openapi/component-names.js';
import { catalogDoc, writtenCatalog } from '../json-schema/written-catalog.js';

describe('componentNames', () => {
  it('names what the catalog has, and throws an internal error naming the kind and key of what it lacks', async () => {
    const names = componentNames(await writtenCatalog(catalogDoc()));
    expect([names.payload('orders.create'), names.event('orders.create')]).toEqual(['OrdersCreatePayload', 'OrdersCreateEvent']);
    expect(() => names.shared('Missing')).toThrow(new Error('internal error: no component name for shared schema Missing'));
    expect(() => names.payload('no.such')).toThrow(new Error('internal error: no component name for payload no.such'));
    expect(() => names.event('no.such')).toThrow(new Error('internal error: no component name for event no.such'));
  });
});
