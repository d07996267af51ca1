/** A small hand-built model for the receiver example: three order events and a shared schema. */
import type { Catalog, EventType, JsonSchema, Localized } from '../../src/model/types.js';

const text = (value: string): Localized => ({ en: { text: value, fallback: false } });

function event(key: string, title: string, payload: JsonSchema, since = '1.0'): EventType {
  return {
    key,
    category: 'orders',
    group: undefined,
    title: text(title),
    description: text(`${title}.`),
    payload,
    examples: [],
    since,
    deprecated: undefined,
    tags: [],
    deliveredAs: { name: key, action: undefined },
    source: { file: 'events.yaml', line: 1, column: 1 },
  };
}

export const ordersCatalog: Catalog = {
  id: 'orders',
  version: '1.0',
  title: text('Orders'),
  description: text('Order events.'),
  locales: ['en'],
  sourceLocale: 'en',
  docsUrl: undefined,
  categories: [{ id: 'orders', title: text('Orders'), description: text('Orders.'), groups: [] }],
  events: [
    event('order.created', 'Order created', {
      type: 'object',
      required: ['orderId', 'total', 'lines'],
      properties: {
        orderId: { type: 'string' },
        total: { $ref: '#/schemas/Money' },
        lines: {
          type: 'array',
          items: { type: 'object', required: ['sku', 'quantity'], properties: { sku: { type: 'string' }, quantity: { type: 'integer' } } },
        },
      },
    }),
    event('order.cancelled', 'Order cancelled', {
      type: 'object',
      required: ['orderId', 'reason'],
      properties: { orderId: { type: 'string' }, reason: { type: ['string', 'null'] } },
    }),
    event(
      'refund.issued',
      'Refund issued',
      {
        type: 'object',
        required: ['refundId', 'amount'],
        properties: { refundId: { type: 'string' }, amount: { $ref: '#/schemas/Money' } },
      },
      '1.1',
    ),
  ],
  schemas: [
    {
      name: 'Money',
      title: text('Money'),
      description: undefined,
      schema: { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
    },
  ],
  envelope: {
    shape: 'envelope',
    typeField: 'type',
    typeHeader: undefined,
    actionField: undefined,
    batch: undefined,
    dataField: 'data',
    properties: { id: { type: 'string' }, created: { type: 'string', format: 'date-time' } },
    required: ['id', 'created'],
    description: text('One delivery.'),
    headers: [],
    signature: undefined,
    responses: [],
    retries: undefined,
  },
  subscriptions: undefined,
};
