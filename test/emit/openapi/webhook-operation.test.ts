/**
 * Webhook operations of small written catalogs: the type header only for bare deliveries, and
 * the one batch webhook with the delivery headers and each event's examples.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { catalogDoc, event, type Json, writtenCatalog } from '../json-schema/written-catalog.js';

const BATCH: Json = { shape: 'batch', batch: { field: 'events' } };

async function webhooksOf(over: Json): Promise<Json> {
  return (openApiDocument(await writtenCatalog(catalogDoc(over))) as Json)['webhooks'];
}

describe('a webhook operation', () => {
  it('has no type header parameter when deliveries are envelopes, even with a typeHeader', async () => {
    const webhooks = await webhooksOf({ envelope: { typeHeader: 'X-Type' } });
    expect(webhooks['orders.create']['post']).not.toHaveProperty('parameters');
  });

  it('lists only the deprecation facts the catalog gives', async () => {
    const webhooks = await webhooksOf({ events: [{ ...event('orders.create', { type: 'object' }), deprecated: { since: '1.0' } }] });
    expect(webhooks['orders.create']['post']['x-deprecation']).toStrictEqual({ since: '1.0' });
  });
});

describe('the batch webhook', () => {
  it('carries the delivery headers and each event’s examples, keyed <event>/<example>, with their summaries', async () => {
    const examples = [
      { name: 'one', summary: { en: 'One', et: 'Üks' }, payload: { id: 'a' } },
      { name: 'two', payload: { id: 'b' } },
    ];
    const webhooks = await webhooksOf({
      envelope: { ...BATCH, headers: [{ name: 'X-Delivery', description: { en: 'Id.', et: 'Id.' } }] },
      events: [{ ...event('orders.create', { type: 'object', properties: { id: { type: 'string' } } }), examples }],
    });
    const post = webhooks['shop']['post'];
    expect(post['parameters']).toEqual([{ $ref: '#/components/parameters/XDelivery' }]);
    expect(post['requestBody']['content']['application/json']['examples']).toStrictEqual({
      'orders.create/one': { summary: 'One', 'x-translations': { et: { summary: 'Üks' } }, value: { events: [{ type: 'orders.create', data: { id: 'a' } }] } },
      'orders.create/two': { value: { events: [{ type: 'orders.create', data: { id: 'b' } }] } },
    });
  });

  it('has neither parameters nor examples when the catalog gives none', async () => {
    const webhooks = await webhooksOf({ envelope: BATCH });
    expect(Object.keys(webhooks)).toEqual(['shop']);
    expect(webhooks['shop']['post']).not.toHaveProperty('parameters');
    expect(webhooks['shop']['post']['requestBody']['content']['application/json']).toStrictEqual({ schema: { $ref: '#/components/schemas/WebhookBatch' } });
  });
});
