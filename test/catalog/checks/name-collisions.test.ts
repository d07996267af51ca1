/** HC341: generated names another owner has first. `checkNameCollisions` on one parsed file: the
 * owner reported, where, and the names the outputs give it. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkNameCollisions } from '../../../src/catalog/checks/name-collisions.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

const HEAD = `catalog: { id: shop, version: '1.0', locales: [en], sourceLocale: en, title: Shop }
categories:
  - { id: orders, title: Orders, description: Orders. }
  - { id: carts, title: Carts, description: Carts. }
`;

const HINT = 'rename one of them, or keep the numbered names; a key already public can be marked `published: true`';

/** An event line of category `category`. */
const event = (key: string, category = 'orders', extra = ''): string =>
  `  - { key: ${key}, category: ${category}, title: T, description: D., payload: { type: object }${extra} }\n`;

/** `code line:column message` for each finding on a catalog of HEAD and `rest`; the hint is checked once. */
function checked(rest: string): string[] {
  const { file, diagnostics } = parseCatalogFile(`${HEAD}${rest}`, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  return checkNameCollisions(assembleCatalog('memory', [file], true).source, new CheckMemory()).map((d) => {
    expect([d.severity, d.hint]).toEqual(['warning', HINT]);
    return `${d.code} ${d.line}:${d.column} ${d.message}`;
  });
}

describe('checkNameCollisions', () => {
  it('reports the later of two keys in catalog order (category order, not declaration order), at its key', () => {
    expect(checked(`events:\n${event('order.created', 'carts')}${event('order_created')}`)).toEqual([
      'HC341 6:12 `order.created` gets numbered names, since `order_created` makes the same ones: TypeScript type `OrderCreatedPayload2`; OpenAPI components `OrderCreatedPayload2`, `OrderCreatedEvent2`; OpenAPI operation id `orderCreated2`',
    ]);
  });

  it('is quiet for a key marked `published: true`', () => {
    expect(checked(`events:\n${event('order.created')}${event('order_created', 'orders', ', published: true')}`)).toEqual([]);
  });

  it('names every holder, and says "make" for more than one', () => {
    expect(checked(`schemas:\n  OrderCreatedPayload: { type: object }\nevents:\n${event('order.created')}${event('order_created')}`)).toEqual([
      'HC341 8:12 `order.created` gets numbered names, since the shared schema `OrderCreatedPayload` makes the same ones: TypeScript type `OrderCreatedPayload2`; OpenAPI component `OrderCreatedPayload2`',
      'HC341 9:12 `order_created` gets numbered names, since the shared schema `OrderCreatedPayload` and `order.created` make the same ones: TypeScript type `OrderCreatedPayload3`; OpenAPI components `OrderCreatedPayload3`, `OrderCreatedEvent2`; OpenAPI operation id `orderCreated2`',
    ]);
  });

  it('leaves names that clash as file names to HC340 (two keys, two shared schemas)', () => {
    expect(checked(`events:\n${event('order.created')}${event('Order.Created')}`)).toEqual([]);
    expect(checked('schemas:\n  OrderItem: { type: object }\n  orderItem: { type: object }\n')).toEqual([]);
  });

  it('reports a key given twice once', () => {
    expect(checked(`events:\n${event('order.created')}${event('order_created')}${event('order_created')}`)).toHaveLength(1);
  });

  it('reports a shared schema declared in two files once', () => {
    const files = ['a.yaml', 'b.yaml'].map((name) => {
      const { file, diagnostics } = parseCatalogFile('schemas:\n  WebhookBatch: { type: object }\n', name, name);
      expect(diagnostics).toEqual([]);
      return file;
    });
    const found = checkNameCollisions(assembleCatalog('memory', files, true).source, new CheckMemory());
    expect(found.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['HC341 a.yaml:2:3']);
  });

  it("meets hookcat's own names: the batch body only for batches, every subscription operation when none are listed", () => {
    const schema = 'schemas:\n  WebhookBatch: { type: object }\n';
    expect(checked(schema)).toEqual([
      "HC341 6:3 the shared schema `WebhookBatch` gets numbered names, since hookcat's own `WebhookBatch` makes the same ones: TypeScript type `WebhookBatch2`",
    ]);
    expect(checked(`envelope: { shape: batch, batch: { item: bare } }\n${schema}`)).toEqual([
      "HC341 7:3 the shared schema `WebhookBatch` gets numbered names, since hookcat's own `WebhookBatch` makes the same ones: TypeScript type `WebhookBatch2`; OpenAPI component `WebhookBatch2`",
    ]);
    const api = 'subscriptions: { title: Hooks, description: Endpoints., path: /v1/hooks }\n';
    expect(checked(`${api}events:\n${event('delete.subscription')}`)).toEqual([
      "HC341 7:12 `delete.subscription` gets numbered names, since hookcat's own `deleteSubscription` makes the same ones: OpenAPI operation id `deleteSubscription2`",
    ]);
  });

  it('knows the response to create only when the provider returns the secret on create', () => {
    const api = (returned: string): string =>
      `subscriptions: { title: Hooks, description: Endpoints., path: /v1/hooks, secret: { description: Signs., generatedBy: provider, returned: ${returned} } }\nschemas:\n  WebhookSubscriptionCreated: { type: object }\n`;
    expect(checked(api('create'))).toEqual([
      "HC341 7:3 the shared schema `WebhookSubscriptionCreated` gets numbered names, since hookcat's own `WebhookSubscriptionCreated` makes the same ones: OpenAPI component `WebhookSubscriptionCreated2`",
    ]);
    expect(checked(api('always'))).toEqual([]);
  });
});
