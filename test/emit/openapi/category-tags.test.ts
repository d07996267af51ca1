/** Category tags list each subgroup's webhooks under `x-groups`, an empty list for a subgroup
 * (or a whole category) that no event is in. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { catalogDoc, event, type Json, writtenCatalog } from '../json-schema/written-catalog.js';

const text = (en: string): Json => ({ en, et: en });

describe('category tags', () => {
  it('list the webhooks of each subgroup, none for a subgroup without events', async () => {
    const catalog = await writtenCatalog(
      catalogDoc({
        categories: [
          {
            id: 'orders',
            title: text('Orders'),
            description: text('Orders.'),
            groups: [
              { id: 'new', title: text('New') },
              { id: 'old', title: text('Old') },
            ],
          },
          { id: 'empty', title: text('Empty'), description: text('Empty.'), groups: [{ id: 'none', title: text('None') }] },
        ],
        events: [{ ...event('orders.create', { type: 'object' }), group: 'new' }],
      }),
    );
    const webhooksOf = (tag: Json): unknown[] => tag['x-groups'].map((group: Json) => [group['id'], group['webhooks']]);
    const [orders, empty] = (openApiDocument(catalog) as Json)['tags'];
    expect(webhooksOf(orders)).toEqual([
      ['new', ['orders.create']],
      ['old', []],
    ]);
    expect(webhooksOf(empty)).toEqual([['none', []]]);
  });
});
