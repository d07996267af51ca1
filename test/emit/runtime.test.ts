/** The generated runtime: it compiles strictly, imports only its own files, and verifies, parses and dispatches. */
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { typescriptEmitter } from '../../src/emit/typescript.js';
import { TIMESTAMPED_DEFAULTS } from '../../src/model/signature.js';
import type { Catalog, SignatureScheme } from '../../src/model/types.js';
import { formatDiagnostics, typeCheck } from './typescript/compile.js';
import { runtimeOf, runtimeWithoutNodeCrypto, SCHEMES, seedCatalog, withScheme, type Runtime } from './runtime/runtime-at.js';

const SEEDS = ['shop', 'sezzle', 'wink'];

describe('the generated runtime', () => {
  it.each(SEEDS)('of %s type-checks under strict options, with only the ES2022 library and no ambient types', async (id) => {
    const catalog = await seedCatalog(id);
    const files = new Map([...typescriptEmitter.emit(catalog, {}), ...runtimeFiles(catalog)].map((f) => [path.join('/virtual', f.path), f.contents]));
    const roots = [...files.keys()].filter((file) => file.endsWith('.ts'));
    expect(roots.length).toBeGreaterThanOrEqual(10);
    expect(formatDiagnostics(typeCheck(roots, files))).toEqual([]);
  });

  it.each(SEEDS)('of %s imports nothing but its own files', async (id) => {
    const catalog = await seedCatalog(id);
    for (const file of runtimeFiles(catalog)) {
      const specifiers = [...file.contents.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, file.path).toMatch(/^\.\.?\//);
      expect(file.contents, file.path).not.toMatch(/\brequire\(|\bimport\(/);
    }
    const validators = runtimeFiles(catalog).find((f) => f.path.endsWith('validators.js'))!;
    expect(validators.contents).not.toMatch(/^import /m);
  });
});

/**
 * The scheme as `runtime.ts` writes it: no description, and none of the fields the runtime
 * defaults itself (Standard Webhooks' `webhook-*` headers; Stripe's signed content and header
 * form), so that a catalog that sets none of them keeps its runtime as it was.
 */
function literalOf(scheme: SignatureScheme): object {
  const { description: _, ...declared } = scheme;
  if (declared.kind === 'standard-webhooks') {
    const { headers, ...rest } = declared;
    return headers.id === 'webhook-id' && headers.timestamp === 'webhook-timestamp' && headers.signature === 'webhook-signature' ? rest : declared;
  }
  if (declared.kind === 'hmac') return declared;
  const defaults: Record<string, string> = { ...TIMESTAMPED_DEFAULTS, prefix: '' };
  return Object.fromEntries(Object.entries(declared).filter(([name, value]) => !(Object.hasOwn(defaults, name) && defaults[name] === value)));
}

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER = 'whsec_dGhlIG90aGVyIHNlY3JldCBvZiB0aGUgZW5kcG9pbnQ=';

describe.each(Object.keys(SCHEMES))('signature scheme %s', (name) => {
  const scheme = SCHEMES[name]!;
  let node: Runtime;
  let web: Runtime;
  let body: string;
  beforeAll(async () => {
    const shop = withScheme(await seedCatalog('shop'), scheme);
    [node, web] = [await runtimeOf(shop), await runtimeWithoutNodeCrypto(shop)];
    const event = shop.events[0]!;
    body = JSON.stringify(deliveryBody(shop, event, event.examples[0]!));
  });
  const timed = scheme.kind !== 'hmac';

  it('exports the scheme it verifies with, as the catalog declares it, less what holds its default', async () => {
    const runtime = await runtimeOf(withScheme(await seedCatalog('shop'), scheme));
    expect(runtime.SIGNATURE_SCHEME).toStrictEqual(literalOf(scheme));
  });

  it('verifies what it signs, on Node crypto and on Web Crypto, across the two', async () => {
    for (const [signer, verifier] of [
      [node, node],
      [web, web],
      [node, web],
      [web, node],
    ] as const) {
      const headers = await signer.sign(body, SECRET);
      await expect(verifier.verify(body, headers, SECRET)).resolves.toBeUndefined();
      await expect(verifier.verify(new TextEncoder().encode(body), new Headers(headers), SECRET)).resolves.toBeUndefined();
    }
  });

  it('reads what plain JavaScript may pass as it reads the typed forms: an ArrayBuffer body, a number as a header value, text with a byte order mark', async () => {
    const bytes = new TextEncoder().encode(body);
    for (const runtime of [node, web]) {
      const headers = await runtime.sign(body, SECRET);
      await expect(runtime.verify(bytes.slice().buffer as unknown as Uint8Array, headers, SECRET)).resolves.toBeUndefined();
      // A timestamp header made a number by hand (the others stay text).
      const withNumbers = Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [name, /^[0-9]+$/.test(value) ? (Number(value) as unknown as string) : value]),
      );
      await expect(runtime.verify(body, withNumbers, SECRET)).resolves.toBeUndefined();
    }
    expect(node.parse(`\uFEFF${body}`)).toEqual(node.parse(new TextEncoder().encode(`\uFEFF${body}`)));
  });

  it('signs with Web Crypto only where node:crypto is not to be had', async () => {
    const subtleSign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    try {
      await node.sign(body, SECRET);
      expect(subtleSign).not.toHaveBeenCalled();
      await web.sign(body, SECRET);
      expect(subtleSign).toHaveBeenCalledTimes(1);
    } finally {
      subtleSign.mockRestore();
    }
  });

  it('refuses a changed body and a wrong secret with InvalidSignatureError', async () => {
    for (const runtime of [node, web]) {
      const headers = await runtime.sign(body, SECRET);
      await expect(runtime.verify(`${body} `, headers, SECRET)).rejects.toMatchObject({
        name: 'InvalidSignatureError',
        code: 'invalid_signature',
        status: 401,
      });
      await expect(runtime.verify(body, headers, OTHER)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    }
  });

  it('accepts any of several secrets while one is rotated', async () => {
    const headers = await node.sign(body, OTHER);
    await expect(node.verify(body, headers, [SECRET, OTHER])).resolves.toBeUndefined();
    await expect(web.verify(body, headers, [OTHER, SECRET])).resolves.toBeUndefined();
    await expect(node.verify(body, headers, [SECRET])).rejects.toBeInstanceOf(node.InvalidSignatureError);
    if (scheme.kind === 'standard-webhooks' || (scheme.kind === 'timestamped' && scheme.timestampHeader === undefined)) {
      // The sender signs with both secrets; a receiver that knows only one of them accepts the delivery.
      const both = await node.sign(body, [SECRET, OTHER]);
      await expect(node.verify(body, both, OTHER)).resolves.toBeUndefined();
      await expect(web.verify(body, both, SECRET)).resolves.toBeUndefined();
    }
  });

  it('names a missing header', async () => {
    const headers = await node.sign(body, SECRET);
    for (const header of Object.keys(headers)) {
      const without = Object.fromEntries(Object.entries(headers).filter(([h]) => h !== header));
      await expect(node.verify(body, without, SECRET)).rejects.toMatchObject({ name: 'MissingHeaderError', header });
    }
  });

  it.runIf(timed)('refuses a timestamp outside the tolerance with TimestampError, and honours the tolerance option', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await node.sign(body, SECRET, { timestamp: now - 301 });
    await expect(node.verify(body, old, SECRET)).rejects.toMatchObject({ name: 'TimestampError', code: 'invalid_timestamp', timestamp: now - 301 });
    await expect(web.verify(body, await node.sign(body, SECRET, { timestamp: now + 400 }), SECRET)).rejects.toBeInstanceOf(web.TimestampError);
    await expect(node.verify(body, old, SECRET, { tolerance: 600 })).resolves.toBeUndefined();
    await expect(node.verify(body, await node.sign(body, SECRET, { timestamp: 1_000 }), SECRET, { now: 1_100 })).resolves.toBeUndefined();
  });

  it.runIf(timed)('refuses a tolerance or a clock that is not a number (a setting read badly) rather than accept any timestamp', async () => {
    const ancient = await node.sign(body, SECRET, { timestamp: 1_000 });
    // Text from a config file: '300' >= 0 holds, and now + '300' would join the digits.
    const fromText = { tolerance: '300' as unknown as number };
    for (const options of [{ tolerance: Number.NaN }, { tolerance: -1 }, fromText, { now: Number.NaN }, { now: '1000' as unknown as number }]) {
      await expect(node.verify(body, ancient, SECRET, options), JSON.stringify(options)).rejects.toBeInstanceOf(TypeError);
    }
    // The receiver refuses such a setting when it is made, not at the first delivery (as a 500 from an adapter).
    expect(() => node.createReceiver({ secret: SECRET, handlers: {}, tolerance: Number('five minutes') })).toThrow(
      'the tolerance must be a number of seconds, 0 or more, not NaN',
    );
    expect(() => node.createReceiver({ secret: SECRET, handlers: {}, ...fromText })).toThrow(TypeError);
    // So is a secret no delivery could be verified with: an empty one of a rotation (\`OLD=\` in a .env file), or none at all.
    expect(() => node.createReceiver({ secret: [SECRET, ''], handlers: {} })).toThrow("an empty secret signs nothing: pass the endpoint's secret");
    expect(() => node.createReceiver({ secret: [], handlers: {} })).toThrow("no secret: pass the endpoint's secret");
    await expect(node.verify(body, ancient, SECRET, { tolerance: Number.POSITIVE_INFINITY })).resolves.toBeUndefined();
    await expect(node.verify(body, ancient, SECRET, { tolerance: 0, now: 1_000 })).resolves.toBeUndefined();
    await expect(node.verify(body, ancient, SECRET, { tolerance: 0, now: 1_001 })).rejects.toBeInstanceOf(node.TimestampError);
  });
});

describe('a type field that is not an identifier', () => {
  it('type-checks, and dispatches by it', async () => {
    const shop = await seedCatalog('shop');
    const catalog = { ...shop, envelope: { ...shop.envelope, typeField: 'event-type' } };
    const files = new Map([...typescriptEmitter.emit(catalog, {}), ...runtimeFiles(catalog)].map((f) => [path.join('/virtual', f.path), f.contents]));
    expect(formatDiagnostics(typeCheck(['/virtual/shop/runtime.ts'], files))).toEqual([]);
    const runtime = await runtimeOf(catalog);
    const [first, second] = catalog.events;
    const handle = runtime.createHandler({ [first!.key]: () => 'its own' }, { fallback: () => 'the fallback' });
    for (const [event, expected] of [
      [first!, 'its own'],
      [second!, 'the fallback'],
    ] as const) {
      const body = JSON.stringify(deliveryBody(catalog, event, event.examples[0]!));
      expect(body).toContain(`"event-type":"${event.key}"`);
      expect(await handle(runtime.parse(body))).toBe(expected);
    }
  });
});

describe('a catalog that does not sign', () => {
  it('refuses to verify or sign, refuses a secret, and receives without one', async () => {
    const shop = withScheme(await seedCatalog('shop'), undefined);
    const runtime = await runtimeOf(shop);
    const event = shop.events[0]!;
    const body = JSON.stringify(deliveryBody(shop, event, event.examples[0]!));
    expect(runtime.SIGNATURE_SCHEME).toBeUndefined();
    const unsigned = { name: 'WebhookVerificationError', code: 'unsigned', status: 401, message: 'catalog shop declares no signature scheme' };
    await expect(runtime.verify(body, {}, 'secret')).rejects.toMatchObject(unsigned);
    await expect(runtime.sign(body, 'secret')).rejects.toMatchObject(unsigned);
    // A secret for a catalog that signs nothing is a mistake found when the receiver is made, not a 401 at every delivery.
    expect(() => runtime.createReceiver({ secret: 'secret', handlers: {} })).toThrow(
      new TypeError('catalog shop declares no signature scheme, so no delivery can be verified: leave out the secret'),
    );
    const receive = runtime.createReceiver({ secret: undefined, handlers: { [event.key]: (e: { type: string }) => `got ${e.type}` } });
    expect(await receive(body, {})).toBe(`got ${event.key}`);
  });
});

describe('parse and dispatch', () => {
  let shop: Catalog;
  let runtime: Runtime;
  beforeAll(async () => {
    shop = await seedCatalog('shop');
    runtime = await runtimeOf(shop);
  });
  const delivery = (key: string, example = 0): Record<string, unknown> => {
    const event = shop.events.find((e) => e.key === key)!;
    return deliveryBody(shop, event, event.examples[example]!) as Record<string, unknown>;
  };

  it('returns every example of the catalog as its event', () => {
    let count = 0;
    for (const event of shop.events) {
      for (const [i, example] of event.examples.entries()) {
        const body = delivery(event.key, i);
        expect(runtime.parse(JSON.stringify(body)), `${event.key} ${example.name}`).toEqual(body);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(shop.events.length);
  });

  it('names what is wrong: not JSON, an unknown type, a body that breaks its schema (with the JSON pointer)', () => {
    expect(() => runtime.parse('{"type":')).toThrow(runtime.InvalidJsonError);
    for (const type of ['order.exploded', 'constructor', '__proto__', 'toString']) {
      expect(() => runtime.parse(JSON.stringify({ ...delivery('order.created'), type }))).toThrow(
        expect.objectContaining({ name: 'UnknownEventError', eventType: type }),
      );
    }
    const body = delivery('order.created');
    const data = body['data'] as Record<string, unknown>;
    const broken = { ...body, data: { ...data, customer: { ...(data['customer'] as object), email: 42 } } };
    expect(() => runtime.parse(JSON.stringify(broken))).toThrow(
      expect.objectContaining({ name: 'InvalidEventError', pointer: '/data/customer/email', keyword: 'type' }),
    );
    expect(() => runtime.parse(JSON.stringify({ ...body, id: 'not-a-uuid' }))).toThrow(expect.objectContaining({ pointer: '/id', keyword: 'format' }));
    expect(() => runtime.parse(JSON.stringify([body]))).toThrow(expect.objectContaining({ name: 'InvalidEventError', pointer: '' }));
    expect(() => runtime.parse(JSON.stringify({ data: {} }))).toThrow(expect.objectContaining({ name: 'InvalidEventError', pointer: '/type' }));
  });

  it('hands each event to its own handler, others to the fallback, unknown types to `unknown`', async () => {
    const seen: string[] = [];
    const handle = runtime.createHandler<string>(
      { 'order.created': (event) => `created ${event.data.number}`, 'refund.issued': (event) => `refund ${event.type}` },
      { fallback: (event) => `other ${event.type}` },
    );
    expect(await handle(runtime.parse(JSON.stringify(delivery('order.created'))))).toBe('created KR-004211');
    expect(await handle(runtime.parse(JSON.stringify(delivery('payment.captured'))))).toBe('other payment.captured');
    const receive = runtime.createReceiver<string>({
      secret: 'sekret',
      handlers: { 'payment.captured': (event) => `captured ${event.type}` },
      unknown: (error) => `unknown ${String(error.eventType)}`,
    });
    const sent = async (body: unknown): Promise<string | undefined> => {
      const text = JSON.stringify(body);
      return receive(text, await runtime.sign(text, 'sekret'));
    };
    seen.push(String(await sent(delivery('payment.captured'))), String(await sent({ ...delivery('payment.captured'), type: 'payment.teleported' })));
    expect(seen).toEqual(['captured payment.captured', 'unknown payment.teleported']);
    expect(() => runtime.createReceiver({ secret: undefined, handlers: {} })).toThrow(TypeError);
  });
});
