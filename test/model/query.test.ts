/** The model questions several emitters ask, on fixture catalogs loaded by the real loader. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { eventsIn, findEvent, itemForm, namingInput, referencedSchemas, secretOnlyOnCreate, subscribableEvents, textIn } from '../../src/model/query.js';
import type { Catalog } from '../../src/model/types.js';

async function load(folder: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(path.resolve(folder));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return catalog!;
}

// Loaded in beforeAll, not at import: `npm run mutate` switches a mutant on only once the file is imported.
let order: Catalog;
beforeAll(async () => {
  order = await load('test/fixtures/order/catalog');
});
const category = (id: string) => order.categories.find((c) => c.id === id)!;

describe('eventsIn', () => {
  it('gives a category’s events in catalog order, all subgroups together', () => {
    expect(eventsIn(order, category('billing')).map((e) => e.key)).toEqual([
      'invoice.created',
      'invoice.paid',
      'refund.created',
      'dispute.opened',
      'dispute.closed',
    ]);
    expect(eventsIn(order, category('accounts')).map((e) => e.key)).toEqual(['account.deleted', 'account.created']);
  });

  it('gives one subgroup’s events when a subgroup is named', () => {
    const support = category('support');
    const [tickets, chats] = support.groups;
    expect(eventsIn(order, support, tickets).map((e) => e.key)).toEqual(['ticket.opened', 'ticket.closed']);
    expect(eventsIn(order, support, chats).map((e) => e.key)).toEqual(['chat.started', 'chat.ended']);
    expect(eventsIn(order, category('billing'), chats)).toEqual([]);
  });
});

describe('findEvent', () => {
  it('finds an event by key, and nothing for an unknown key', () => {
    expect(findEvent(order, 'refund.created')?.key).toBe('refund.created');
    expect(findEvent(order, 'chat.ended')?.key).toBe('chat.ended');
    expect(findEvent(order, 'refund')).toBeUndefined();
  });
});

describe('textIn', () => {
  it('gives the text of a locale, and an empty string for a locale the text does not have', () => {
    expect(textIn(findEvent(order, 'chat.ended')!.title, order.sourceLocale)).toBe('Chat ended');
    expect(textIn(findEvent(order, 'chat.ended')!.title, 'xx')).toBe('');
  });
});

describe('itemForm', () => {
  it.each([
    ['test/fixtures/order/catalog', 'envelope'],
    ['test/fixtures/shapes/envelope-flat/catalog', 'envelope'],
    ['test/fixtures/shapes/bare-actions/catalog', 'bare'],
    ['test/fixtures/shapes/batch-bare/catalog', 'bare'],
    ['test/fixtures/shapes/batch-envelope/catalog', 'envelope'],
  ])('reads %s as %s', async (folder, form) => {
    expect(itemForm(await load(folder))).toBe(form);
  });
});

describe('subscribableEvents', () => {
  it('accepts the keys, each family in the form the API takes (not one that is a key), and * when it subscribes to all', async () => {
    const star = await load('test/fixtures/subscriptions/families-star/catalog');
    expect(subscribableEvents(star, star.subscriptions!)).toEqual({
      families: ['orders/*', 'products/*'],
      values: ['orders/create', 'orders/paid', 'products/delete', 'orders/*', 'products/*'],
    });
    const prefix = await load('test/fixtures/subscriptions/path-parameters/catalog');
    // `issues` is a family; `push` has none.
    expect(subscribableEvents(prefix, prefix.subscriptions!)).toEqual({
      families: ['issues'],
      values: ['issues.opened', 'issues.closed', 'push', 'issues', '*'],
    });
    const stripe = await load('test/fixtures/subscriptions/provider-secret/catalog');
    expect(subscribableEvents(stripe, stripe.subscriptions!)).toEqual({
      families: [],
      values: ['payment_intent.succeeded', 'payment_intent.canceled', '*'],
    });
  });

  it('leaves out a family that is itself a key', async () => {
    const prefix = await load('test/fixtures/subscriptions/path-parameters/catalog');
    const withFamilyKey = { ...prefix, events: [...prefix.events, { ...prefix.events[0]!, key: 'issues' }] };
    expect(subscribableEvents(withFamilyKey, prefix.subscriptions!).families).toEqual([]);
  });
});

describe('secretOnlyOnCreate and namingInput', () => {
  it('knows a secret the provider makes and returns only on create', async () => {
    const stripe = await load('test/fixtures/subscriptions/provider-secret/catalog');
    expect(secretOnlyOnCreate(stripe.subscriptions!)).toBe(true);
    const star = await load('test/fixtures/subscriptions/families-star/catalog');
    // The provider makes it, and returns it always.
    expect(secretOnlyOnCreate(star.subscriptions!)).toBe(false);
    const user = await load('test/fixtures/subscriptions/path-parameters/catalog');
    expect(secretOnlyOnCreate(user.subscriptions!)).toBe(false);
  });

  it('gives what the names depend on: ids, keys, schemas, the batch shape and the subscription operations', async () => {
    const stripe = await load('test/fixtures/subscriptions/provider-secret/catalog');
    expect(namingInput(stripe)).toEqual({
      catalogId: stripe.id,
      keys: ['payment_intent.succeeded', 'payment_intent.canceled'],
      schemas: stripe.schemas.map((s) => s.name),
      batch: false,
      subscription: { operations: ['list', 'create', 'get', 'update', 'delete'], createdResponse: true },
    });
    const batch = await load('test/fixtures/shapes/batch-envelope/catalog');
    expect(namingInput(batch)).toMatchObject({ batch: true, subscription: undefined });
  });
});

describe('referencedSchemas', () => {
  it('names the shared schemas a schema refers to, in first-seen order, once each', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/schemas/Money' }, b: { items: { $ref: '#/schemas/Address' } }, c: { $ref: '#/schemas/Money' } },
    };
    expect(referencedSchemas(schema)).toEqual(['Money', 'Address']);
  });
});
