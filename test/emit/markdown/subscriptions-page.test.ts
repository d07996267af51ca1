/**
 * The subscriptions page of one catalog in its variants, read back with remark: the route of
 * each operation, the default title and help of an operation without its own, what the page says
 * about choosing events (`*`, event families), who makes the secret and when it is returned, which
 * target field is required, the path parameters and the fields of a subscription, and the labels
 * of the texts that fell back.
 */
import type { Nodes } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Localized, SubscriptionApi } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown, plain, tableCells } from './mdast.js';

const descriptions = createDescriptionFormat();
let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

/** English text; Estonian falls back to it. */
const en = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });
const both = (text: string): Localized => ({ en: { text, fallback: false }, et: { text: `ET ${text}`, fallback: false } });
const blank: Localized = { en: { text: '', fallback: false }, et: { text: '', fallback: false } };

const api: SubscriptionApi = {
  title: both('Hooks'),
  description: both('Manage hooks.'),
  path: '/accounts/{account}/hooks',
  pathParameters: [{ name: 'account', description: en('The account.'), schema: { type: 'string', minLength: 3 } }],
  idField: 'hookId',
  idParameter: 'hook',
  idSchema: { type: 'integer', minimum: 1 },
  eventsField: 'enabled_events',
  wildcards: { all: false, families: 'star' },
  targets: ['url'],
  operations: [
    { name: 'list', summary: blank, description: blank },
    { name: 'create', summary: blank, description: blank },
    { name: 'get', summary: blank, description: blank },
    { name: 'update', summary: both('Change a hook'), description: blank },
    { name: 'delete', summary: blank, description: en('Gone for good.') },
    { name: 'test', summary: blank, description: blank },
  ],
  secret: { description: blank, generatedBy: 'provider', required: false, returned: 'always', minLength: undefined },
  fields: [
    { name: 'label', required: true, schema: { type: 'string', maxLength: 40 }, title: en('Label'), description: en('A name for people.') },
    { name: 'paused', required: false, schema: { type: 'boolean' }, title: both('Paused'), description: both('No deliveries while true.') },
    { name: 'owner', required: false, schema: { $ref: '#/schemas/Owner' }, title: both('Owner'), description: both('Who made it.') },
  ],
};

/** Events whose keys make four families (`a.*` to `d.*`). */
function withSubscriptions(subscriptions: SubscriptionApi): Catalog {
  const base = hostileCatalog();
  const event = base.events[0]!;
  const events = ['a', 'b', 'c', 'd'].map((family) => ({ ...event, key: `${family}.made`, deliveredAs: { name: `${family}.made`, action: undefined } }));
  const owner = { type: 'object', properties: { id: { type: 'string' } } };
  return { ...base, events, subscriptions, schemas: [{ name: 'Owner', title: undefined, description: undefined, schema: owner }] };
}

function page(subscriptions: SubscriptionApi, locale = 'en'): string {
  const files = markdownEmitter.emit(withSubscriptions(subscriptions), { templates, descriptions });
  const file = files.find((f) => f.path === `hostile/${locale}/subscriptions.md`);
  if (file === undefined) throw new Error('no subscriptions page');
  return file.contents;
}

/** Each `##` section of the page: its heading, and the text of each block under it (a table as its rows' cells). */
function sections(markdown: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const node of parseMarkdown(markdown).children as Nodes[]) {
    if (node.type === 'heading' && node.depth === 2) result.set(plain(node), (current = []));
    else if (node.type === 'table') current.push(...tableCells(node).map((row) => row.join(' | ')));
    else if (node.type === 'list') current.push(...node.children.map((item) => plain(item)));
    else if (node.type !== 'yaml' && node.type !== 'heading') current.push(plain(node));
  }
  return result;
}

describe('the subscriptions page', () => {
  it('gives each operation its route, its summary or the default title, and its description or the default help', () => {
    const found = sections(page(api));
    expect([...found.keys()]).toEqual([
      'Delivery targets',
      'Path parameters',
      'List subscriptions',
      'Create a subscription',
      'Subscription details',
      'Change a hook',
      'Delete a subscription',
      'Test a subscription',
      'Choosing events',
      'Secret',
      'Fields of a subscription',
    ]);
    expect(found.get('List subscriptions')).toEqual(['GET /accounts/{account}/hooks', 'Lists every subscription with its target and events.']);
    expect(found.get('Create a subscription')).toEqual([
      'POST /accounts/{account}/hooks',
      'Choose the target and the events to receive; the response holds the secret that signs deliveries.',
    ]);
    expect(found.get('Subscription details')).toEqual(['GET /accounts/{account}/hooks/{hook}', 'Shows every detail of one subscription.']);
    expect(found.get('Change a hook')).toEqual([
      'PATCH /accounts/{account}/hooks/{hook}',
      'Changes the target, the events or the other fields of a subscription.',
    ]);
    expect(found.get('Delete a subscription')).toEqual(['DELETE /accounts/{account}/hooks/{hook}', 'Gone for good.']);
    expect(found.get('Test a subscription')).toEqual([
      'POST /accounts/{account}/hooks/{hook}/test',
      'Sends a test event to a URL subscription, to check that your endpoint answers.',
    ]);
  });

  it('names the path parameters and the fields, with their types, and requires the one target field', () => {
    const found = sections(page(api));
    expect(found.get('Path parameters')).toEqual(['Parameter | Type | Description', 'account | string minLength: 3 | The account.']);
    expect(found.get('Delivery targets')).toEqual(['URL: each event is sent as an HTTP POST request to your endpoint.']);
    expect(found.get('Fields of a subscription')).toEqual([
      'Field | Type | Required | Description',
      'hookId | integer minimum: 1 | Yes | Identifier of the subscription, given by the provider.',
      'url | string format: uri | Yes | The endpoint URL that receives the events.',
      'enabled_events | string[] | Yes | Keys of the events to receive; see Event reference.',
      'secret | string | No | Secret used to sign deliveries, made by the provider.',
      'label | string maxLength: 40 | Yes | Label — A name for people.',
      'paused | boolean | No | Paused — No deliveries while true.',
      'owner | Owner | No | Owner — Who made it.',
    ]);
    // A field that is a shared schema links its page.
    const owner = parseMarkdown(page(api))
      .children.flatMap((node) => (node.type === 'table' ? node.children : []))
      .find((row) => plain(row).startsWith('owner'));
    expect(owner?.children[1]?.children[0]).toMatchObject({ type: 'link', url: './schemas/Owner.md' });
  });

  it('says how to choose events: three families as examples, `*` when it is accepted, nothing when neither is', () => {
    expect(sections(page(api)).get('Choosing events')).toEqual(['An event family subscribes to every event in it: a.*, b.*, c.*.']);
    expect(sections(page({ ...api, wildcards: { all: true, families: 'none' } })).get('Choosing events')).toEqual([
      '* subscribes to every event, also to events added later.',
    ]);
    expect(sections(page({ ...api, wildcards: { all: true, families: 'star' } })).get('Choosing events')).toHaveLength(2);
    expect(sections(page({ ...api, wildcards: { all: false, families: 'none' } })).has('Choosing events')).toBe(false);
  });

  it('says who makes the secret and when it is returned, and what create sends', () => {
    const secret = api.secret!;
    expect(sections(page(api)).get('Secret')).toEqual(['The provider makes the secret; every response about the subscription returns it.']);
    const once = sections(page({ ...api, secret: { ...secret, returned: 'create', minLength: 32, description: en('Signs deliveries.') } }));
    expect(once.get('Secret')).toEqual([
      'Signs deliveries.',
      'The provider makes the secret and returns it only in the response to create: store it then.',
      'The secret has at least 32 characters.',
    ]);
    const user = { ...api, secret: { ...secret, generatedBy: 'user' as const, required: true } };
    const byUser = sections(page(user));
    expect(byUser.get('Secret')).toEqual([]);
    expect(byUser.get('Create a subscription')).toEqual([
      'POST /accounts/{account}/hooks',
      'Choose the target, the events to receive and a secret for signatures.',
    ]);
    expect(byUser.get('Fields of a subscription')).toContain('secret | string | Yes | Secret used to sign deliveries; it is never shown again.');
    const optional = sections(page({ ...api, secret: { ...secret, generatedBy: 'user', required: false } }));
    expect(optional.get('Fields of a subscription')).toContain('secret | string | No | Secret used to sign deliveries; it is never shown again.');
    const none = sections(page({ ...api, secret: undefined }));
    expect(none.has('Secret')).toBe(false);
    expect(none.get('Create a subscription')).toEqual([
      'POST /accounts/{account}/hooks',
      'Choose the target, the events to receive and a secret for signatures.',
    ]);
    expect(none.get('Fields of a subscription')!.some((row) => row.startsWith('secret '))).toBe(false);
  });

  it('requires neither target field when there are two, and lists both targets', () => {
    const found = sections(page({ ...api, targets: ['url', 'email'] }));
    expect(found.get('Delivery targets')).toHaveLength(2);
    const rows = found.get('Fields of a subscription')!;
    expect(rows.filter((row) => /^(url|email) /.test(row)).map((row) => row.split(' | ')[2])).toEqual(['No', 'No']);
    const email = sections(page({ ...api, targets: ['email'] })).get('Fields of a subscription')!;
    expect(email.filter((row) => /^(url|email) /.test(row)).map((row) => row.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'email | string format: email | Yes',
    ]);
  });

  it('lists the labels of the texts that fell back in the front matter', () => {
    const fm = frontMatterOf(parseMarkdown(page(api, 'et')));
    expect(fm['fallbacks']).toEqual([
      'subscriptions/pathParameters/account/description',
      'subscriptions/operations/delete/description',
      'subscriptions/fields/label/title',
      'subscriptions/fields/label/description',
    ]);
    const [list, ...others] = api.operations;
    const secret = { ...api.secret!, description: en('Signs deliveries.') };
    const english = { ...api, title: en('Hooks'), description: en('Manage hooks.'), operations: [{ ...list!, summary: en('All hooks') }, ...others], secret };
    expect(frontMatterOf(parseMarkdown(page(english, 'et')))['fallbacks']).toEqual([
      'subscriptions/title',
      'subscriptions/description',
      'subscriptions/pathParameters/account/description',
      'subscriptions/operations/list/summary',
      'subscriptions/operations/delete/description',
      'subscriptions/secret',
      'subscriptions/fields/label/title',
      'subscriptions/fields/label/description',
    ]);
  });
});
