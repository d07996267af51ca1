/**
 * Interoperability of the runtime's signatures with the official libraries: Standard Webhooks'
 * reference implementation (both directions, and the vectors its specification's libraries test
 * with) and Stripe's (both directions, on Stripe's timestamped form); Slack's, Zoom's and Paddle's
 * forms against the providers' published vectors and their documented computation.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import type { SignatureScheme } from '../../src/model/types.js';
import { PADDLE_VECTORS, paddleHeaders, SLACK_VECTOR, slackHeaders, zoomHeaders } from './runtime/provider-signatures.js';
import { runtimeOf, runtimeWithoutNodeCrypto, SCHEMES, seedCatalog, withScheme, type Runtime } from './runtime/runtime-at.js';

interface VerifyCase {
  readonly name: string;
  readonly valid: boolean;
  readonly secret?: string;
  readonly verifySecret?: string;
  readonly remove?: string;
  readonly set?: Record<string, string>;
  readonly truncateSignature?: number;
  readonly offsetSeconds?: number;
  readonly signatureList?: string[];
}

const VECTORS = JSON.parse(readFileSync('test/fixtures/standard-webhooks/vectors.json', 'utf8')) as {
  sign: { name: string; secret: string; id: string; timestamp: number; payload: string; signature: string }[];
  verify: { id: string; payload: string; secret: string; toleranceSeconds: number; cases: VerifyCase[] };
};

let body: string;
let runtimes: Record<'node crypto' | 'Web Crypto', Runtime>;
let stripeRuntimes: Record<'node crypto' | 'Web Crypto', Runtime>;
beforeAll(async () => {
  const shop = await seedCatalog('shop');
  const event = shop.events[0]!;
  body = JSON.stringify(deliveryBody(shop, event, event.examples[0]!));
  const standard = withScheme(shop, SCHEMES['standard-webhooks']);
  runtimes = { 'node crypto': await runtimeOf(standard), 'Web Crypto': await runtimeWithoutNodeCrypto(standard) };
  const stripe = withScheme(shop, SCHEMES['timestamped (Stripe)']);
  stripeRuntimes = { 'node crypto': await runtimeOf(stripe), 'Web Crypto': await runtimeWithoutNodeCrypto(stripe) };
});

const BACKENDS = ['node crypto', 'Web Crypto'] as const;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe.each(BACKENDS)('Standard Webhooks through Svix (`headerPrefix: svix`), runtime on %s', (backend) => {
  it("verifies the reference library's signature under svix-id, svix-timestamp, svix-signature, and signs with those headers", async () => {
    const svix = withScheme(await seedCatalog('shop'), {
      ...SCHEMES['standard-webhooks']!,
      headers: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
    } as SignatureScheme);
    const runtime = backend === 'node crypto' ? await runtimeOf(svix) : await runtimeWithoutNodeCrypto(svix);
    const library = new Webhook(SECRET);
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = library.sign(id, now, body);
    await expect(runtime.verify(body, { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature }, SECRET)).resolves.toBeUndefined();
    await expect(runtime.verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }, SECRET)).rejects.toBeInstanceOf(
      runtime.MissingHeaderError,
    );
    const headers = await runtime.sign(body, SECRET, { id });
    expect(Object.keys(headers).sort()).toEqual(['svix-id', 'svix-signature', 'svix-timestamp']);
    expect(
      library.verify(body, {
        'webhook-id': headers['svix-id']!,
        'webhook-timestamp': headers['svix-timestamp']!,
        'webhook-signature': headers['svix-signature']!,
      }),
    ).toEqual(JSON.parse(body));
  });
});

describe.each(BACKENDS)('Standard Webhooks, runtime on %s', (backend) => {
  it("signs what the reference library verifies, and verifies the library's signatures", async () => {
    const runtime = runtimes[backend];
    const library = new Webhook(SECRET);
    const headers = await runtime.sign(body, SECRET);
    expect(library.verify(body, headers)).toEqual(JSON.parse(body));
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const now = new Date();
    const theirs = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': library.sign(id, now, body) };
    await expect(runtime.verify(body, theirs, SECRET)).resolves.toBeUndefined();
    await expect(runtime.verify(`${body}\n`, theirs, SECRET)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    expect(() => library.verify(`${body}\n`, headers)).toThrow();
  });

  it('matches the signing vectors of the specification', async () => {
    for (const vector of VECTORS.sign) {
      const headers = await runtimes[backend].sign(vector.payload, vector.secret, { id: vector.id, timestamp: vector.timestamp });
      expect(headers['webhook-signature'], vector.name).toBe(vector.signature);
      await expect(runtimes[backend].verify(vector.payload, headers, vector.secret, { now: vector.timestamp })).resolves.toBeUndefined();
    }
  });

  it.each(VECTORS.verify.cases.map((c) => [c.name, c] as const))('decides the verification vector "%s" as the specification does', async (_, vector) => {
    const { id, payload } = VECTORS.verify;
    const now = Math.floor(Date.now() / 1000);
    const timestamp = now + (vector.offsetSeconds ?? 0);
    // The valid signature comes from the reference library, then the vector changes the headers.
    const valid = new Webhook(vector.secret ?? VECTORS.verify.secret).sign(id, new Date(timestamp * 1000), payload);
    const headers: Record<string, string> = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': valid };
    if (vector.signatureList) headers['webhook-signature'] = vector.signatureList.map((s) => (s === '<valid>' ? valid : s)).join(' ');
    if (vector.truncateSignature !== undefined) headers['webhook-signature'] = valid.slice(0, vector.truncateSignature);
    Object.assign(headers, vector.set ?? {});
    if (vector.remove !== undefined) delete headers[vector.remove];
    const secret = vector.verifySecret ?? VECTORS.verify.secret;
    const libraryAccepts = ((): boolean => {
      try {
        new Webhook(secret).verify(payload, headers);
        return true;
      } catch {
        return false;
      }
    })();
    expect(libraryAccepts, 'the reference library decides the vector as written').toBe(vector.valid);
    const verdict = runtimes[backend].verify(payload, headers, secret);
    if (vector.valid) await expect(verdict).resolves.toBeUndefined();
    else await expect(verdict).rejects.toBeInstanceOf(runtimes[backend].WebhookVerificationError);
  });
});

describe.each(BACKENDS)("Stripe's timestamped form, runtime on %s", (backend) => {
  const stripe = new Stripe('sk_test_not_used_offline');
  const secret = 'whsec_test_secret_of_an_endpoint';

  it('verifies a header from stripe.webhooks.generateTestHeaderString, and refuses it for another body', async () => {
    const runtime = stripeRuntimes[backend];
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    await expect(runtime.verify(body, { 'Stripe-Signature': header }, secret)).resolves.toBeUndefined();
    await expect(runtime.verify(body.replace('order', 'ordre'), { 'stripe-signature': header }, secret)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    const old = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(Date.now() / 1000) - 600 });
    await expect(runtime.verify(body, { 'Stripe-Signature': old }, secret)).rejects.toBeInstanceOf(runtime.TimestampError);
  });

  it('signs what stripe.webhooks.constructEvent accepts', async () => {
    const headers = await stripeRuntimes[backend].sign(body, secret);
    const header = headers['Stripe-Signature']!;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(stripe.webhooks.constructEvent(body, header, secret)).toEqual(JSON.parse(body));
    expect(() => stripe.webhooks.constructEvent(body, header, 'whsec_another')).toThrow();
  });
});

/**
 * Slack's, Zoom's and Paddle's forms of the timestamped scheme (`signedPayload`, `prefix`, the keys
 * and separator of one header), judged by the providers' published vectors and by their
 * computation done with node:crypto in `provider-signatures.ts`, not by the runtime's own signing.
 */
describe.each(BACKENDS)('Slack, Zoom and Paddle, runtime on %s', (backend) => {
  const runtimeFor = async (name: string): Promise<Runtime> => {
    const catalog = withScheme(await seedCatalog('shop'), SCHEMES[name]);
    return backend === 'node crypto' ? runtimeOf(catalog) : runtimeWithoutNodeCrypto(catalog);
  };
  const now = () => Math.floor(Date.now() / 1000);

  it("the independent computations reproduce the providers' vectors", () => {
    const { secret, timestamp, body: slackBody, signature } = SLACK_VECTOR;
    expect(slackHeaders(secret, timestamp, slackBody)['X-Slack-Signature']).toBe(signature);
    expect(paddleHeaders([PADDLE_VECTORS.secret], PADDLE_VECTORS.timestamp, PADDLE_VECTORS.valid.body)['Paddle-Signature']).toBe(PADDLE_VECTORS.valid.header);
    const [, h1] = PADDLE_VECTORS.multiple.header.split(';');
    expect(paddleHeaders([PADDLE_VECTORS.secret], PADDLE_VECTORS.timestamp, PADDLE_VECTORS.multiple.body)['Paddle-Signature']).toBe(`ts=1698796800;${h1}`);
  });

  it("Slack: verifies Slack's documented request and signs it as Slack does; refuses a changed body, another secret, an old timestamp", async () => {
    const runtime = await runtimeFor('timestamped (Slack)');
    const { secret, timestamp, body: slackBody, signature } = SLACK_VECTOR;
    const headers = { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
    await expect(runtime.verify(slackBody, headers, secret, { now: timestamp })).resolves.toBeUndefined();
    expect(await runtime.sign(slackBody, secret, { timestamp })).toEqual({ 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature });
    await expect(runtime.verify(`${slackBody}&x=1`, headers, secret, { now: timestamp })).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(runtime.verify(slackBody, headers, `${secret}0`, { now: timestamp })).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(runtime.verify(slackBody, headers, secret, { now: timestamp + 301 })).rejects.toBeInstanceOf(runtime.TimestampError);
    await expect(runtime.verify(slackBody, headers, secret)).rejects.toBeInstanceOf(runtime.TimestampError);
    // The digest without Slack's `v0=` is not Slack's header.
    await expect(runtime.verify(slackBody, { ...headers, 'x-slack-signature': signature.slice(3) }, secret, { now: timestamp })).rejects.toBeInstanceOf(
      runtime.InvalidSignatureError,
    );
    // Today's delivery, signed by the independent computation.
    await expect(runtime.verify(body, slackHeaders(secret, now(), body), secret)).resolves.toBeUndefined();
  });

  it('Zoom: verifies what Zoom computes and signs the same headers; refuses a changed body, another secret, an old timestamp', async () => {
    const runtime = await runtimeFor('timestamped (Zoom)');
    const secret = 'zoom-webhook-secret-token';
    const timestamp = now();
    const zoom = zoomHeaders(secret, timestamp, body);
    await expect(runtime.verify(body, zoom, secret)).resolves.toBeUndefined();
    expect(await runtime.sign(body, secret, { timestamp })).toEqual(zoom);
    await expect(runtime.verify(body.replace('order', 'ordre'), zoom, secret)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(runtime.verify(body, zoom, 'another-secret-token')).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    const old = zoomHeaders(secret, timestamp - 600, body);
    await expect(runtime.verify(body, old, secret)).rejects.toBeInstanceOf(runtime.TimestampError);
    // Signed as Stripe signs (`<ts>.<body>`) it is not Zoom's signature.
    const stripeLike = { ...zoom, 'x-zm-signature': `v0=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` };
    await expect(runtime.verify(body, stripeLike, secret)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
  });

  it("Paddle: decides the SDK's vectors as the SDK does, signs as Paddle does, with one h1 per secret", async () => {
    const runtime = await runtimeFor('timestamped (Paddle)');
    const { secret, timestamp, valid, multiple } = PADDLE_VECTORS;
    const verify = (rawBody: string, header: string, key: string | string[] = secret, at: number = timestamp) =>
      runtime.verify(rawBody, { 'paddle-signature': header }, key, { now: at });
    await expect(verify(valid.body, valid.header)).resolves.toBeUndefined();
    await expect(verify(multiple.body, multiple.header)).resolves.toBeUndefined();
    await expect(verify(valid.body, valid.header, PADDLE_VECTORS.otherSecret)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(verify(PADDLE_VECTORS.spacedBody, valid.header)).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(verify(valid.body, valid.header.replace('ts=1698796800', 'ts=9876'))).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    await expect(verify(valid.body, valid.header, secret, timestamp + 301)).rejects.toBeInstanceOf(runtime.TimestampError);
    await expect(verify(valid.body, 'h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9')).rejects.toBeInstanceOf(
      runtime.InvalidSignatureError,
    );
    // Stripe's keys and separator are not Paddle's.
    await expect(verify(valid.body, valid.header.replace('ts=', 't=').replace(';h1=', ',v1='))).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
    expect(await runtime.sign(valid.body, secret, { timestamp })).toEqual({ 'Paddle-Signature': valid.header });
    // Rotation: the sender signs with both secrets, the receiver knows one.
    const both = await runtime.sign(body, ['old-secret', 'new-secret'], { timestamp: now() });
    expect(both).toEqual(paddleHeaders(['old-secret', 'new-secret'], Number(both['Paddle-Signature']!.slice(3, 13)), body));
    await expect(runtime.verify(body, both, 'new-secret')).resolves.toBeUndefined();
    await expect(runtime.verify(body, paddleHeaders(['x', 'new-secret'], now(), body), ['old-secret', 'new-secret'])).resolves.toBeUndefined();
  });
});
