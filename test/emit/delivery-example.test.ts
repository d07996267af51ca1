/**
 * An example as delivered, in each delivery shape: the payload in its envelope, bare (with the
 * header that names the event), or as the one item of a batch, with made-up envelope values
 * that depend on the catalog, event and example only.
 */
import { describe, expect, it } from 'vitest';
import { deliveryBody, exampleDelivery, uuidFrom } from '../../src/emit/delivery-example.js';
import type { Batch, Catalog, Envelope, EventType, Example } from '../../src/model/types.js';

const ENVELOPE: Envelope = {
  shape: 'envelope',
  typeField: 'type',
  dataField: 'data',
  typeHeader: 'X-Event',
  actionField: undefined,
  batch: undefined,
  properties: {
    type: { type: 'string' },
    data: { type: 'object' },
    id: { type: 'string', format: 'uuid' },
    createdAt: { type: 'string', format: 'date-time' },
    note: {},
  },
  required: ['id', 'createdAt'],
  description: {},
  headers: [],
  signature: undefined,
  responses: [],
  retries: undefined,
};

const EVENT = {
  key: 'order.created',
  deliveredAs: { name: 'OrderCreated', action: undefined },
} as unknown as EventType;

const EXAMPLE: Example = { name: 'first', summary: undefined, payload: { orderId: 7, total: 'x' } };

/** Only `id`, `schemas` and `envelope` of a catalog are read. */
function catalogWith(envelope: Partial<Envelope>): Catalog {
  return { id: 'shop', schemas: [], envelope: { ...ENVELOPE, ...envelope } } as unknown as Catalog;
}

function batch(fields: Partial<Batch>): Batch {
  return { field: 'events', item: 'envelope', description: {}, properties: {}, required: [], ...fields };
}

const SEED = 'shop/order.created/first';

describe('exampleDelivery', () => {
  it('puts the payload in the data field of an envelope, with made-up envelope fields and no header', () => {
    expect(exampleDelivery(catalogWith({}), EVENT, EXAMPLE)).toEqual({
      headers: {},
      body: { type: 'order.created', id: uuidFrom(`${SEED}/id`), createdAt: '2026-01-01T12:00:00Z', note: null, data: { orderId: 7, total: 'x' } },
    });
    // The order of the fields: the type, the envelope's own fields, then the data field.
    expect(Object.keys(deliveryBody(catalogWith({}), EVENT, EXAMPLE) as object)).toEqual(['type', 'id', 'createdAt', 'note', 'data']);
  });

  it('seeds the made-up values from the catalog, the event and the example', () => {
    const id = (catalog: Catalog, event: EventType, example: Example) => (deliveryBody(catalog, event, example) as { id: string }).id;
    expect(id(catalogWith({}), EVENT, EXAMPLE)).toBe(uuidFrom(`${SEED}/id`));
    expect(id({ ...catalogWith({}), id: 'other' }, EVENT, EXAMPLE)).toBe(uuidFrom('other/order.created/first/id'));
    expect(id(catalogWith({}), { ...EVENT, key: 'order.paid' }, EXAMPLE)).toBe(uuidFrom('shop/order.paid/first/id'));
    expect(id(catalogWith({}), EVENT, { ...EXAMPLE, name: 'second' })).toBe(uuidFrom('shop/order.created/second/id'));
  });

  it('spreads an object payload beside the envelope fields when there is no data field', () => {
    const catalog = catalogWith({ dataField: undefined, properties: { id: { type: 'string', format: 'uuid' }, orderId: { type: 'integer' } } });
    expect(deliveryBody(catalog, EVENT, EXAMPLE)).toEqual({ type: 'order.created', id: uuidFrom(`${SEED}/id`), orderId: 7, total: 'x' });
    // A payload that is not an object adds nothing.
    for (const payload of [null, [1, 2], 'text', 3]) {
      expect(deliveryBody(catalog, EVENT, { ...EXAMPLE, payload })).toEqual({ type: 'order.created', id: uuidFrom(`${SEED}/id`), orderId: 1 });
    }
    const proto = deliveryBody(catalog, EVENT, { ...EXAMPLE, payload: JSON.parse('{"__proto__": {"polluted": true}}') }) as object;
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('sends a bare payload with the header that names the event', () => {
    const bare = catalogWith({ shape: 'bare', dataField: undefined });
    expect(exampleDelivery(bare, EVENT, EXAMPLE)).toEqual({ headers: { 'X-Event': 'OrderCreated' }, body: { orderId: 7, total: 'x' } });
    expect(exampleDelivery({ ...bare, envelope: { ...bare.envelope, typeHeader: undefined } }, EVENT, EXAMPLE)).toEqual({
      headers: {},
      body: { orderId: 7, total: 'x' },
    });
  });

  it('puts one envelope in the field of a batch, beside the batch fields', () => {
    const catalog = catalogWith({
      shape: 'batch',
      batch: batch({ properties: { events: { type: 'array' }, batchId: { type: 'string', format: 'uuid' }, count: { type: 'integer', minimum: 1 } } }),
    });
    const inner = { type: 'order.created', id: uuidFrom(`${SEED}/id`), createdAt: '2026-01-01T12:00:00Z', note: null, data: { orderId: 7, total: 'x' } };
    expect(exampleDelivery(catalog, EVENT, EXAMPLE)).toEqual({ headers: {}, body: { batchId: uuidFrom(`${SEED}/batch/batchId`), count: 1, events: [inner] } });
    expect(Object.keys(deliveryBody(catalog, EVENT, EXAMPLE) as object)).toEqual(['batchId', 'count', 'events']);
  });

  it('sends a batch without a field as a JSON array, and bare items with the naming header', () => {
    const catalog = catalogWith({ shape: 'batch', batch: batch({ field: undefined, item: 'bare' }) });
    expect(exampleDelivery(catalog, EVENT, EXAMPLE)).toEqual({ headers: { 'X-Event': 'OrderCreated' }, body: [{ orderId: 7, total: 'x' }] });
  });

  it('sends one item when a batch shape has no batch, and ignores a batch on another shape', () => {
    expect(deliveryBody(catalogWith({ shape: 'batch', batch: undefined }), EVENT, EXAMPLE)).toMatchObject({ type: 'order.created' });
    expect(deliveryBody(catalogWith({ batch: batch({ field: undefined }) }), EVENT, EXAMPLE)).toMatchObject({ type: 'order.created' });
  });
});
