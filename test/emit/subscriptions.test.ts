/**
 * Subscription APIs as real providers have them, each a fixture catalog under
 * test/fixtures/subscriptions/ with goldens beside it: path parameters and integer ids (GitHub's
 * `/repos/{owner}/{repo}/hooks/{hook_id}`), another name for the events field (Stripe's
 * `enabled_events`), `*` and event families, and a secret the user or the provider makes. Checked by
 * tools independent of hookcat: two OpenAPI validators, ajv on the document's own schemas, and
 * openapi-typescript, whose types a client must be able to use and misuse as the API allows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { loadCatalog } from '../../src/load.js';
import { openApiSchemaValidator } from './openapi-ajv.js';
import { formatDiagnostics, typeCheck } from './typescript/compile.js';
import { SCRATCH, scratchFolder } from '../support/scratch.js';

const FIXTURES = path.resolve('test/fixtures/subscriptions');

// biome-ignore lint/suspicious/noExplicitAny: parsed documents are walked freely in assertions
type Json = any;

interface Case {
  readonly paths: readonly string[];
  readonly eventsField: string;
  /** Every value the events field accepts, in order. */
  readonly accepted: readonly string[];
  readonly refused: readonly string[];
  /** An id as the API gives it, one the schema refuses, and one of another type. */
  readonly id: { readonly good: unknown; readonly bad: unknown; readonly otherType: unknown };
  /** `user`: create sends it; `provider`: every response has it; `provider-once`: only create's. */
  readonly secret: 'user' | 'provider' | 'provider-once';
}

const CASES: Record<string, Case> = {
  'path-parameters': {
    paths: ['/repos/{owner}/{repo}/hooks', '/repos/{owner}/{repo}/hooks/{hook_id}'],
    eventsField: 'events',
    accepted: ['issues.opened', 'issues.closed', 'push', 'issues', '*'],
    refused: ['issues.*', 'push.*', 'nope'],
    id: { good: 12345678, bad: '12345678', otherType: '12345678' },
    secret: 'user',
  },
  'provider-secret': {
    paths: ['/v1/webhook_endpoints', '/v1/webhook_endpoints/{webhook_endpoint}'],
    eventsField: 'enabled_events',
    accepted: ['payment_intent.succeeded', 'payment_intent.canceled', '*'],
    refused: ['payment_intent', 'payment_intent.*', 'charge.succeeded'],
    id: { good: 'we_1Mr5jULkdIwHu7ixAv8Pm4tN', bad: 'evt_1', otherType: 42 },
    secret: 'provider-once',
  },
  'families-star': {
    paths: ['/admin/shops/{shop_id}/webhooks', '/admin/shops/{shop_id}/webhooks/{id}', '/admin/shops/{shop_id}/webhooks/{id}/test'],
    eventsField: 'topics',
    accepted: ['orders/create', 'orders/paid', 'products/delete', 'orders/*', 'products/*'],
    refused: ['*', 'orders', 'orders.*'],
    id: { good: '3f0e2a1c-8f4e-4c1a-9b7d-2d7c5a1e9f00', bad: 'not-a-uuid', otherType: 42 },
    secret: 'provider',
  },
};

const root = scratchFolder('subscriptions-');

describe.each(Object.keys(CASES))('subscription API case %s', (name) => {
  const expected = CASES[name]!;
  const catalogFolder = path.join(FIXTURES, name, 'catalog');
  let out: string;
  let id: string;
  let document: Json;
  const read = (file: string): string => readFileSync(path.join(out, id, file), 'utf8');
  const schema = (ref: string) => openApiSchemaValidator(document)(`#/components/schemas/${ref}`);

  beforeAll(async () => {
    out = path.join(root(), name);
    const result = await generate({ catalogs: catalogFolder, out, only: ['openapi', 'docs'], projectRoot: SCRATCH });
    expect(result.diagnostics).toEqual([]);
    id = result.catalogs[0]!.id;
    document = JSON.parse(read('openapi.json'));
  });

  it('validates without warnings', async () => {
    expect((await loadCatalog(catalogFolder)).diagnostics).toEqual([]);
  });

  it('matches its goldens: the OpenAPI document and the subscriptions page', async () => {
    for (const file of ['openapi.yaml', 'en/subscriptions.md']) await expect(read(file)).toMatchFileSnapshot(path.join(FIXTURES, name, 'expected', file));
  });

  it('is valid OpenAPI 3.1 for both validators', async () => {
    const validation = await new Validator().validate(structuredClone(document));
    expect(validation.errors ?? []).toEqual([]);
    await SwaggerParser.validate(structuredClone(document));
  });

  it('has its paths, each declaring every parameter it names', () => {
    expect(Object.keys(document.paths)).toEqual(expected.paths);
    for (const [route, item] of Object.entries<Json>(document.paths)) {
      const named = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const parameters: Json[] = item.parameters ?? [];
      expect(parameters.map((p) => p.name)).toEqual(named);
      for (const parameter of parameters) expect(parameter).toMatchObject({ in: 'path', required: true });
    }
  });

  it('accepts exactly the keys, the families and `*` it declares in the events field', () => {
    const create = schema('WebhookSubscriptionCreate');
    const body = (events: string[]): Json => ({ url: 'https://example.com/hook', [expected.eventsField]: events });
    expect(create(body([...expected.accepted])), JSON.stringify(create.errors)).toBe(true);
    for (const value of expected.accepted) expect(create(body([value])), value).toBe(true);
    for (const value of expected.refused) expect(create(body([value])), value).toBe(false);
    expect(create(body([])), 'at least one').toBe(false);
    expect(document.components.schemas.WebhookSubscriptionCreate.properties[expected.eventsField].items.enum).toEqual(expected.accepted);
  });

  it('types the id as the API gives it', () => {
    const resource = schema('WebhookSubscription');
    const sample = (subscriptionId: unknown): Json => ({
      id: subscriptionId,
      url: 'https://example.com/hook',
      [expected.eventsField]: [expected.accepted[0]],
      ...(expected.secret === 'user' ? { secretSet: true } : expected.secret === 'provider' ? { secret: 'x'.repeat(32) } : {}),
    });
    expect(resource(sample(expected.id.good)), JSON.stringify(resource.errors)).toBe(true);
    expect(resource(sample(expected.id.bad))).toBe(false);
  });

  it('puts the secret where its maker sends or returns it', () => {
    const { WebhookSubscription, WebhookSubscriptionCreate, WebhookSubscriptionUpdate, WebhookSubscriptionCreated } = document.components.schemas;
    const created = document.paths[expected.paths[0]!].post.responses['201'].content['application/json'].schema.$ref;
    if (expected.secret === 'user') {
      expect(WebhookSubscriptionCreate.properties.secret).toMatchObject({ type: 'string', writeOnly: true });
      expect(WebhookSubscriptionUpdate.properties.secret).toMatchObject({ writeOnly: true });
      expect(WebhookSubscription.properties.secret).toBeUndefined();
      expect(WebhookSubscription.properties.secretSet).toMatchObject({ type: 'boolean', readOnly: true });
      expect(created).toBe('#/components/schemas/WebhookSubscription');
    } else {
      expect(WebhookSubscriptionCreate.properties.secret).toBeUndefined();
      expect(WebhookSubscriptionUpdate.properties.secret).toBeUndefined();
      expect(WebhookSubscription.properties.secretSet).toBeUndefined();
    }
    if (expected.secret === 'provider') {
      expect(WebhookSubscription.properties.secret).toMatchObject({ type: 'string', readOnly: true });
      expect(WebhookSubscription.required).toContain('secret');
      expect(created).toBe('#/components/schemas/WebhookSubscription');
    }
    if (expected.secret === 'provider-once') {
      expect(WebhookSubscription.properties.secret).toBeUndefined();
      expect(created).toBe('#/components/schemas/WebhookSubscriptionCreated');
      const validate = schema('WebhookSubscriptionCreated');
      const answer = { id: expected.id.good, url: 'https://example.com/hook', [expected.eventsField]: ['*'], secret: 'whsec_1' };
      expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...answer, secret: undefined })).toBe(false);
      expect(WebhookSubscriptionCreated.allOf[1].properties.secret).toMatchObject({ readOnly: true });
    } else {
      expect(WebhookSubscriptionCreated).toBeUndefined();
    }
  });

  it('gives openapi-typescript types a client uses as the API allows, and no other way', async () => {
    const types = astToString(await openapiTS(structuredClone(document), { silent: true }));
    const [first] = expected.paths;
    const item = expected.paths[1]!;
    const params = [...item.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const goodPath = params.map((p, i) => `${p}: ${JSON.stringify(i === params.length - 1 ? expected.id.good : p === 'shop_id' ? 7 : 'x')}`).join(', ');
    const badPath = params.map((p, i) => `${p}: ${JSON.stringify(i === params.length - 1 ? expected.id.otherType : p === 'shop_id' ? 7 : 'x')}`).join(', ');
    const client = [
      "import type { components, paths } from './openapi.js';",
      "type Create = components['schemas']['WebhookSubscriptionCreate'];",
      `export const events: Create['${expected.eventsField}'] = ${JSON.stringify(expected.accepted)};`,
      '// @ts-expect-error not a value the events field takes',
      `export const wrong: Create['${expected.eventsField}'] = ${JSON.stringify([expected.refused[0]])};`,
      `export const route: paths['${item}']['get']['parameters']['path'] = { ${goodPath} };`,
      '// @ts-expect-error the id has another type',
      `export const badRoute: paths['${item}']['get']['parameters']['path'] = { ${badPath} };`,
      expected.secret === 'user'
        ? "export const secret: Create['secret'] = 'chosen by the user';"
        : "// @ts-expect-error the provider makes the secret\nexport const secret: Create['secret'] = 'x';",
      expected.secret === 'provider-once'
        ? `export const made = (answer: paths['${first}']['post']['responses'][201]['content']['application/json']): string => answer.secret;`
        : '',
    ].join('\n');
    const files = new Map([
      [`/virtual/${name}/openapi.ts`, types],
      [`/virtual/${name}/client.ts`, client],
    ]);
    expect(formatDiagnostics(typeCheck([...files.keys()], files))).toEqual([]);
    const unexcused = new Map(files).set(`/virtual/${name}/client.ts`, client.replaceAll('// @ts-expect-error', '// expected:'));
    expect(typeCheck([...unexcused.keys()], unexcused).length).toBe(client.split('@ts-expect-error').length - 1);
  });
});
