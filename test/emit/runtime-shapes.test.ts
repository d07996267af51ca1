/**
 * The runtime in every delivery shape: catalogs of each shape (and the Stripe and GitHub provider
 * catalogs) get a runtime that type-checks strictly, parses each example as it is delivered (with
 * the header that names a bare event) and hands every event to the handler of its type.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { exampleDelivery } from '../../src/emit/delivery-example.js';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { typescriptEmitter } from '../../src/emit/typescript.js';
import { itemForm } from '../../src/model/query.js';
import { formatDiagnostics, typeCheck } from './typescript/compile.js';
import { runtimeOf } from './runtime/runtime-at.js';

const CATALOGS = ['shapes/bare-actions', 'shapes/batch-bare', 'shapes/batch-envelope', 'shapes/envelope-flat', 'providers/stripe', 'providers/github'];

describe.each(CATALOGS)('the runtime of %s', (folder) => {
  it('type-checks strictly, parses every example as delivered and dispatches each event by its type', async () => {
    const { catalog, diagnostics } = await loadCatalog(`test/fixtures/${folder}/catalog`);
    expect(catalog, diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')).toBeDefined();
    const files = new Map([...typescriptEmitter.emit(catalog!, {}), ...runtimeFiles(catalog!)].map((f) => [path.join('/virtual', f.path), f.contents]));
    expect(formatDiagnostics(typeCheck([`/virtual/${catalog!.id}/runtime.ts`], files))).toEqual([]);
    // Typed as the shop's runtime; a batch's parse gives { events, body } instead of one event.
    const runtime = await runtimeOf(catalog!);
    const batch = catalog!.envelope.shape === 'batch';
    let examples = 0;
    for (const event of catalog!.events) {
      for (const example of event.examples) {
        const { headers, body } = exampleDelivery(catalog!, event, example);
        const parsed = runtime.parse(JSON.stringify(body), headers) as unknown as { type?: string; events?: { type?: string }[] };
        const [one] = batch ? parsed.events! : [parsed];
        const typeField = itemForm(catalog!) === 'bare' ? 'type' : catalog!.envelope.typeField;
        expect((one as Record<string, unknown>)[typeField], `${event.key} ${example.name}`).toBe(event.key);
        if (itemForm(catalog!) === 'bare')
          expect(one).toMatchObject({
            name: event.deliveredAs.name,
            action: event.deliveredAs.action,
            payload: batch ? ((body as unknown[])[0] ?? (body as Record<string, unknown[]>)[catalog!.envelope.batch!.field!]![0]) : body,
          });
        const seen: string[] = [];
        const secret = catalog!.envelope.signature === undefined ? undefined : 'a-secret';
        const receive = runtime.createReceiver({
          secret,
          handlers: {},
          fallback: (e) => void seen.push(String((e as unknown as Record<string, unknown>)[typeField])),
        });
        const text = JSON.stringify(body);
        await receive(text, { ...headers, ...(secret === undefined ? {} : await runtime.sign(text, secret)) });
        expect(seen).toEqual([event.key]);
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(0);
  });
});

describe.each(CATALOGS.slice(0, 4))('the types a receiver of %s names through runtime.ts', (folder) => {
  it('are the event types of its shape, re-exported with the runtime', async () => {
    const { catalog } = await loadCatalog(`test/fixtures/${folder}/catalog`);
    const bare = itemForm(catalog!) === 'bare';
    const names = [
      ...(bare ? ['EventDeliveredAs', 'EventNames', 'ReceivedEvent'] : ['EventEnvelope']),
      ...(catalog!.envelope.shape === 'batch' ? ['WebhookBatch'] : []),
      ...['EventHandlers', 'EventOf', 'EventPayloads', 'EventType', 'WebhookEvent', 'RawBody', 'HeadersInput', 'Secrets', 'SignatureScheme'],
    ];
    const consumer = `/virtual/${catalog!.id}/consumer.ts`;
    const files = new Map([...typescriptEmitter.emit(catalog!, {}), ...runtimeFiles(catalog!)].map((f) => [path.join('/virtual', f.path), f.contents]));
    files.set(
      consumer,
      `import type { ${names.join(', ')} } from './runtime.js';\nexport type Named = [${names.map((n) => (/^Event(?:Envelope|Of)$|^ReceivedEvent$/.test(n) ? `${n}<EventType>` : n)).join(', ')}];\n`,
    );
    expect(formatDiagnostics(typeCheck([consumer], files))).toEqual([]);
  });
});

describe('provider signatures, as the providers make them', () => {
  it("Stripe: a header from Stripe's library verifies over a documented delivery, which parses", async () => {
    const { catalog } = await loadCatalog('test/fixtures/providers/stripe/catalog');
    const runtime = await runtimeOf(catalog!);
    const { default: Stripe } = await import('stripe');
    const secret = 'whsec_endpoint_secret';
    const { body } = JSON.parse(readFileSync('test/fixtures/providers/stripe/deliveries/event-object.json', 'utf8')) as { body: unknown };
    const text = JSON.stringify(body);
    const header = new Stripe('sk_test_offline').webhooks.generateTestHeaderString({ payload: text, secret });
    await expect(runtime.verify(text, { 'Stripe-Signature': header }, secret)).resolves.toBeUndefined();
    expect(runtime.parse(text)).toEqual(body);
  });

  it('GitHub: sha256=<hex HMAC of the body> in X-Hub-Signature-256, as GitHub documents it', async () => {
    const { catalog } = await loadCatalog('test/fixtures/providers/github/catalog');
    const runtime = await runtimeOf(catalog!);
    const text = '{"zen":"Keep it logically awesome."}';
    const signature = `sha256=${createHmac('sha256', "It's a Secret to Everybody").update(text).digest('hex')}`;
    await expect(runtime.verify(text, { 'X-Hub-Signature-256': signature }, "It's a Secret to Everybody")).resolves.toBeUndefined();
    await expect(runtime.verify(text, { 'X-Hub-Signature-256': signature.replace('sha256=', 'sha1=') }, "It's a Secret to Everybody")).rejects.toMatchObject({
      name: 'InvalidSignatureError',
    });
  });
});

describe('a bare catalog whose envelope also names a type field', () => {
  it('dispatches by `type`, the field the runtime gives a bare event, not by the named one', async () => {
    const { catalog: loaded } = await loadCatalog('test/fixtures/shapes/bare-actions/catalog');
    const catalog = { ...loaded!, envelope: { ...loaded!.envelope, typeField: 'kind' } };
    const runtime = await runtimeOf(catalog);
    const [first, second] = catalog.events;
    const handle = runtime.createHandler({ [first!.key]: () => 'its own' } as never, { fallback: () => 'the fallback' });
    for (const [event, expected] of [
      [first!, 'its own'],
      [second!, 'the fallback'],
    ] as const) {
      const { headers, body } = exampleDelivery(catalog, event, event.examples[0]!);
      expect(await handle(runtime.parse(JSON.stringify(body), headers) as never)).toBe(expected);
    }
  });
});
