/**
 * Delivery shapes and nullable values, each a fixture catalog under test/fixtures/shapes/ with
 * goldens beside it (the pages included), checked by tools independent of hookcat: the TypeScript
 * compiler (strict, exactOptionalPropertyTypes), ajv in its default strict mode (with ajv-formats),
 * two OpenAPI validators, remark on the pages, and a receiver per shape that must narrow on the
 * event type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { generate } from '../../src/generate.js';
import { formatDiagnostics, typeCheck } from './typescript/compile.js';
import { exampleDelivery } from '../../src/emit/delivery-example.js';
import { printedByRemark } from './markdown/canonical-print.js';
import { allNodes, parseMarkdown } from './markdown/mdast.js';

const addFormats = addFormatsModule.default;
const SHAPES = path.resolve('test/fixtures/shapes');
const CASES = readdirSync(SHAPES).sort();

// biome-ignore lint/suspicious/noExplicitAny: parsed documents are walked freely in assertions
type Json = any;

/** A receiver per case: it must compile, and each `@ts-expect-error` line must be an error. */
const RECEIVERS: Record<string, string> = {
  'envelope-flat': `
import type { WebhookEvent } from './types.js';
export function receive(event: WebhookEvent): string {
  switch (event.event) {
    case 'message.sent': return event.text + event.channel + event.id + event.occurred_at;
    case 'message.deleted':
      // @ts-expect-error a deleted message has no text
      return event.text;
  }
}`,
  'bare-actions': `
import type { EventNames, EventOf, WebhookEvent } from './types.js';
/** Every action of \`issues\` together, narrowed further on the action. */
export function onIssues(event: EventOf<EventNames['issues']>): number {
  if (event.action === 'opened') return event.payload.issue.number;
  // @ts-expect-error the action is opened or closed, nothing else
  if (event.action === 'labeled') return 0;
  return event.payload.issue.state === 'closed' ? 1 : 2;
}
export function receive(event: WebhookEvent): string {
  switch (event.type) {
    case 'issues.opened':
    case 'issues.closed': return String(onIssues(event));
    case 'push': return event.payload.ref + String(event.action);
    case 'release.published':
      // @ts-expect-error a release has no ref
      return event.payload.ref;
  }
}`,
  'batch-envelope': `
import type { WebhookBatch } from './types.js';
export function receive(batch: WebhookBatch): string[] {
  return batch.events.map((event) => {
    if (event.type === 'message') return event.message.type + event.replyToken + event.mode;
    // @ts-expect-error a follow event has no message
    return event.message.id;
  });
}`,
  'batch-bare': `
import type { EventPayloads, WebhookBatch } from './types.js';
export function count(batch: WebhookBatch): number { return batch.length; }
export function bounced(payload: EventPayloads['bounced']): string { return payload.reason; }
// @ts-expect-error a delivered event has no reason
export function delivered(payload: EventPayloads['delivered']): string { return payload.reason; }`,
  nullable: `
import type { PaymentCanceledPayload } from './types.js';
export const none: PaymentCanceledPayload = { note: null, reason: null, capture: null, version: null, kind: null, card: null, level: null };
export const some: PaymentCanceledPayload = { note: 'x', reason: 'duplicate', capture: 'manual', version: 2, kind: 'payment', card: {}, level: 'high' };
// @ts-expect-error not one of the reasons
export const wrong: PaymentCanceledPayload = { ...some, reason: 'other' };`,
};

const scratch = path.resolve('.scratch');
let root: string;
beforeAll(async () => {
  await mkdir(scratch, { recursive: true });
  root = await mkdtemp(path.join(scratch, 'shapes-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe.each(CASES)('delivery shape case %s', (name) => {
  const catalogFolder = path.join(SHAPES, name, 'catalog');
  let out: string;
  let id: string;
  const read = (file: string): string => readFileSync(path.join(out, id, file), 'utf8');

  beforeAll(async () => {
    out = path.join(root, name);
    const result = await generate({ catalogs: catalogFolder, out, projectRoot: scratch });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    id = result.catalogs[0]!.id;
  });

  it('validates without warnings', async () => {
    expect((await loadCatalog(catalogFolder)).diagnostics).toEqual([]);
  });

  it('matches its goldens, every page included', async () => {
    const pages = readdirSync(path.join(out, id), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    expect(pages.length).toBeGreaterThan(0);
    for (const file of ['types.ts', 'schemas/bundle.schema.json', 'openapi.yaml', ...pages]) {
      await expect(read(file)).toMatchFileSnapshot(path.join(SHAPES, name, 'expected', file));
    }
  });

  it('has pages that remark prints back unchanged, and that show each example as the delivery it is', async () => {
    const catalog = (await loadCatalog(catalogFolder)).catalog!;
    for (const locale of catalog.locales) {
      for (const event of catalog.events) {
        const page = read(`${locale}/events/${event.key}.md`);
        expect(printedByRemark(page)).toBe(page);
        const blocks = allNodes(parseMarkdown(page)).flatMap((n) => (n.type === 'code' ? [n] : []));
        const expected = event.examples.flatMap((example) => {
          const { headers, body } = exampleDelivery(catalog, event, example);
          const lines = Object.entries(headers).map(([header, value]) => `${header}: ${value}`);
          return [...(lines.length === 0 ? [] : [{ lang: 'http', value: lines.join('\n') }]), { lang: 'json', value: body }];
        });
        expect(blocks.map((b) => ({ lang: b.lang, value: b.lang === 'json' ? JSON.parse(b.value) : b.value }))).toEqual(expected);
      }
      const overview = read(`${locale}/index.md`);
      expect(printedByRemark(overview)).toBe(overview);
    }
  });

  it('has types that compile under strict options, and a receiver that narrows', () => {
    const files = new Map([
      [path.join(out, id, 'types.ts'), read('types.ts')],
      [path.join(out, id, 'receiver.ts'), RECEIVERS[name]!],
    ]);
    expect(formatDiagnostics(typeCheck([...files.keys()], files))).toEqual([]);
    const withoutExpectations = new Map(files);
    withoutExpectations.set(path.join(out, id, 'receiver.ts'), RECEIVERS[name]!.replaceAll('// @ts-expect-error', '//'));
    const errors = typeCheck([...files.keys()], withoutExpectations).filter((d) => d.category === ts.DiagnosticCategory.Error);
    expect(errors.length).toBe(RECEIVERS[name]!.split('@ts-expect-error').length - 1);
  });

  it('has schema files that default ajv (strict, with ajv-formats) compiles', () => {
    const folder = path.join(out, id, 'schemas');
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json'))
      .map((entry) => JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as Json);
    const ajv = new Ajv2020();
    addFormats(ajv);
    for (const schema of files) if (!schema.$id.endsWith('/bundle.schema.json')) ajv.addSchema(schema);
    for (const schema of files) if (!schema.$id.endsWith('/bundle.schema.json')) expect(ajv.getSchema(schema.$id)).toBeTypeOf('function');
  });

  it('has an OpenAPI document both validators accept, whose every example delivery is valid', async () => {
    const document = JSON.parse(read('openapi.json')) as Json;
    await SwaggerParser.validate(structuredClone(document));
    const validation = await new Validator().validate(structuredClone(document));
    expect(validation.errors ?? []).toEqual([]);
    const bundle = new Ajv2020();
    addFormats(bundle);
    const validateBody = bundle.compile(JSON.parse(read('schemas/bundle.schema.json')) as Json);
    // The document's own schemas, as a 2020-12 schema whose $defs-like root holds the components.
    const components = new Ajv2020({ strict: false });
    addFormats(components);
    components.addSchema({ $id: 'https://openapi.invalid/doc', components: document.components }, 'doc');
    let examples = 0;
    for (const item of Object.values<Json>(document.webhooks)) {
      const media = item.post.requestBody.content['application/json'];
      const validateOwn = components.compile({ $ref: `https://openapi.invalid/doc${media.schema.$ref}` });
      for (const example of Object.values<Json>(media.examples ?? {})) {
        expect(validateBody(example.value), JSON.stringify(validateBody.errors)).toBe(true);
        expect(validateOwn(example.value), JSON.stringify(validateOwn.errors)).toBe(true);
        examples += 1;
      }
    }
    const catalog = (await loadCatalog(catalogFolder)).catalog!;
    expect(examples).toBe(catalog.events.reduce((n, event) => n + event.examples.length, 0));
  });
});

describe('nullable beside type, enum and const, through the loader', () => {
  it('accepts null wherever nullable is true, and only there', async () => {
    const { catalog } = await loadCatalog(path.join(SHAPES, 'nullable', 'catalog'));
    const properties = catalog!.events[0]!.payload['properties'] as Json;
    expect(properties.note).toEqual({ type: ['string', 'null'] });
    expect(properties.reason.enum).toEqual(['duplicate', 'fraudulent', 'requested_by_customer', null]);
    expect(properties.capture.enum).toEqual(['automatic', 'manual', null]);
    expect(properties.version).toEqual({ type: ['integer', 'null'], enum: [2, null] });
    expect(properties.kind).toEqual({ enum: ['payment', null] });
    expect(properties.card.anyOf[1]).toEqual({ type: 'null' });
    const ajv = new Ajv2020();
    const validate = ajv.compile({
      ...(catalog!.events[0]!.payload as Json),
      properties: { ...properties, card: { anyOf: [{ type: 'object' }, { type: 'null' }] } },
    });
    expect(validate({ note: null, reason: null, capture: null, version: null, kind: null, card: null, level: null })).toBe(true);
    expect(validate({ note: 1, reason: 'other', capture: null, version: 3, kind: 'x', card: null, level: null })).toBe(false);
  });
});
