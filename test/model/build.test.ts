/**
 * The model as `buildModel` makes it from catalogs read by the real loader: the defaults the
 * catalog format documents (envelope, batch, subscription API), what an event's `deprecated` and
 * `tags` become, the catalog's versions and their changes, `docsUrl` and `fallbackLocale`, and a
 * model frozen all the way down. Every emitter reads these fields; a wrong default here is a wrong
 * type, schema and page everywhere.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { buildModel } from '../../src/model/build.js';
import { createRunContext } from '../../src/run-context.js';
import type { Catalog } from '../../src/model/types.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** The model of a catalog made of `catalog.yaml` (the text given), loaded as `generate` loads it. */
async function modelOf(text: string): Promise<Catalog> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hookcat-model-'));
  folders.push(folder);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'catalog.yaml'), text);
  const { catalog, diagnostics } = await loadCatalog(folder);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return catalog!;
}

const EVENTS = `categories:
  - id: orders
    title: Orders
    description: Orders.
events:
  - key: order.created
    category: orders
    title: Created
    description: An order was created.
    payload: { type: object, properties: { id: { type: string } } }
  - key: order.paid
    category: orders
    title: Paid
    description: An order was paid.
    deprecated: true
    tags: [billing]
    payload: { type: object }
  - key: order.shipped
    category: orders
    title: Shipped
    description: An order was shipped.
    deprecated: false
    payload: { type: object }
  - key: order.cancelled
    category: orders
    title: Cancelled
    description: An order was cancelled.
    since: '1.1'
    deprecated: { since: '1.2', replacement: order.created, reason: Use order.created. }
    payload: { type: object }
`;

/** A text written in English only, as the model holds it. */
const en = (text: string): { en: { text: string; fallback: boolean } } => ({ en: { text, fallback: false } });

const metadata = (extra = ''): string => `catalog:
  id: shop
  version: '1.2'
  locales: [en]
  sourceLocale: en
  title: Shop
${extra}`;

describe('buildModel', () => {
  it('fills the envelope with the defaults the catalog format documents', async () => {
    const model = await modelOf(metadata() + EVENTS);
    expect(model.envelope).toMatchObject({
      shape: 'envelope',
      typeField: 'type',
      dataField: 'data',
      batch: undefined,
      properties: {},
      required: [],
      headers: [],
      responses: [],
    });
    expect(model.envelope.retries).toBeUndefined();
    expect(model.subscriptions).toBeUndefined();
    expect(model.versions).toEqual([]);
    expect(model).not.toHaveProperty('fallbackLocale');
    expect(model.docsUrl).toBeUndefined();
  });

  it('reads `dataField: null` as no data field, and a retries text', async () => {
    const model = await modelOf(`${metadata()}envelope:\n  dataField: null\n  retries: Three times.\n${EVENTS}`);
    expect(model.envelope.dataField).toBeUndefined();
    expect(model.envelope.retries).toEqual(en('Three times.'));
  });

  it("makes an event's deprecated and tags what the pages and types read", async () => {
    const model = await modelOf(metadata() + EVENTS);
    const byKey = new Map(model.events.map((event) => [event.key, event]));
    expect(byKey.get('order.created')).toMatchObject({ deprecated: undefined, tags: [] });
    expect(byKey.get('order.paid')).toMatchObject({ deprecated: { since: undefined, reason: undefined, replacement: undefined }, tags: ['billing'] });
    expect(byKey.get('order.shipped')!.deprecated).toBeUndefined();
    expect(byKey.get('order.cancelled')).toMatchObject({
      since: '1.1',
      deprecated: { since: '1.2', reason: en('Use order.created.'), replacement: 'order.created' },
    });
  });

  it('keeps fallbackLocale when set, and trims every slash at the end of docsUrl', async () => {
    const model = await modelOf(
      metadata('  locales: [en, et]\n  fallbackLocale: en\n  docsUrl: https://docs.example.com/webhooks///\n').replace('  locales: [en]\n', '') + EVENTS,
    );
    expect(model.fallbackLocale).toBe('en');
    expect(model.title).toEqual({ en: { text: 'Shop', fallback: false }, et: { text: 'Shop', fallback: true } });
    expect(model.docsUrl).toBe('https://docs.example.com/webhooks');
  });

  it('carries the versions and their changes, a change without a path getting an empty one', async () => {
    const versions = `  versions:
    - version: '1.2'
      date: '2026-11-30'
      notes: Cancelled orders.
      changes:
        - { level: safe, rule: event.added, subject: order.cancelled, message: Added. }
        - { level: breaking, rule: payload.property.removed, subject: order.created, path: /properties/total, message: Removed. }
    - version: '1.1'
      date: '2026-10-01'
`;
    const model = await modelOf(metadata(versions) + EVENTS);
    expect(model.versions).toEqual([
      {
        version: '1.2',
        date: '2026-11-30',
        notes: en('Cancelled orders.'),
        changes: [
          { level: 'safe', rule: 'event.added', subject: 'order.cancelled', path: '', message: 'Added.' },
          { level: 'breaking', rule: 'payload.property.removed', subject: 'order.created', path: '/properties/total', message: 'Removed.' },
        ],
      },
      { version: '1.1', date: '2026-10-01', notes: undefined, changes: [] },
    ]);
  });

  it('fills a batch with its defaults (validation refuses a batch block in another shape)', async () => {
    const model = await modelOf(`${metadata()}envelope:\n  shape: batch\n  batch:\n    field: events\n${EVENTS}`);
    expect(model.envelope.batch).toEqual({ field: 'events', item: 'envelope', description: en(''), properties: {}, required: [] });
    const withFields = await modelOf(
      `${metadata()}envelope:\n  shape: batch\n  typeHeader: X-Event\n  batch:\n    field: events\n    item: bare\n    properties:\n      sentAt: { type: string, format: date-time }\n    required: [sentAt]\n${EVENTS}`,
    );
    expect(withFields.envelope.batch).toMatchObject({ item: 'bare', properties: { sentAt: { type: 'string', format: 'date-time' } }, required: ['sentAt'] });
    expect(Object.keys(withFields.envelope.batch!.properties)).toEqual(['sentAt']);
  });

  it('fills the subscription API with its defaults', async () => {
    const subscriptions = `subscriptions:
  title: Webhooks
  description: Your webhooks.
  path: /accounts/{account}/webhooks
  pathParameters:
    - name: account
      description: The account.
  secret:
    description: Signs each delivery.
  fields:
    - name: label
      title: Label
      schema: { type: string }
`;
    const model = await modelOf(metadata() + subscriptions + EVENTS);
    const api = model.subscriptions!;
    expect(api.pathParameters).toEqual([{ name: 'account', description: en('The account.'), schema: { type: 'string' } }]);
    expect(api).toMatchObject({
      idField: 'id',
      idParameter: 'id',
      idSchema: { type: 'string' },
      eventsField: 'events',
      wildcards: { all: false, families: 'none' },
      targets: ['url'],
    });
    expect(api.operations.map((o) => o.name)).toEqual(['list', 'create', 'get', 'update', 'delete', 'test']);
    expect(api.secret).toEqual({ description: en('Signs each delivery.'), generatedBy: 'user', required: true, returned: 'always', minLength: undefined });
    expect(api.fields).toEqual([{ name: 'label', required: false, schema: { type: 'string' }, title: en('Label'), description: en('') }]);
  });

  it('freezes the model all the way down', async () => {
    const model = await modelOf(`${metadata()}envelope:\n  shape: batch\n  batch:\n    field: events\n${EVENTS}`);
    const unfrozen: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== 'object') return;
      if (!Object.isFrozen(value)) unfrozen.push(at);
      for (const [key, child] of Object.entries(value)) visit(child, `${at}/${key}`);
    };
    visit(model, '');
    expect(unfrozen).toEqual([]);
    expect(Object.isFrozen(model.events[0]!.tags)).toBe(true);
  });

  it('builds an unchanged events file again, in one run context, when the locales or the envelope change', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'hookcat-model-'));
    folders.push(folder);
    await mkdir(path.join(folder, 'events'));
    await writeFile(path.join(folder, 'events', 'orders.yaml'), EVENTS);
    const context = createRunContext();
    const load = async (catalog: string): Promise<Catalog> => {
      await writeFile(path.join(folder, 'catalog.yaml'), catalog);
      const { catalog: model, diagnostics } = await loadCatalog(folder, { context });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return model!;
    };
    const bare = (actionField: string): string => `envelope:\n  shape: bare\n  typeHeader: X-Event\n${actionField}`;
    expect((await load(metadata() + bare(''))).events[0]!.deliveredAs).toEqual({ name: 'order.created', action: undefined });
    expect((await load(metadata() + bare('  actionField: action\n'))).events[0]!.deliveredAs).toEqual({ name: 'order', action: 'created' });
    const twoLocales = metadata().replace('locales: [en]', 'locales: [en, et]');
    expect(Object.keys((await load(twoLocales + bare('  actionField: action\n'))).events[0]!.title)).toEqual(['en', 'et']);
  });

  it('refuses a catalog source without metadata, which validation reports first', () => {
    expect(() => buildModel({ metadata: undefined } as never)).toThrow('buildModel called on a catalog without metadata');
  });
});
