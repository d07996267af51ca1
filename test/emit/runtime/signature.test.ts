/**
 * The runtime's signature library (`runtime/signature.ts`, `bytes.ts`, `headers.ts`, `hmac.ts`,
 * as generated; the same text in every catalog, see `src/emit/runtime/library/`), imported in this
 * process and checked against signatures made here with `node:crypto`, not with the library:
 * each scheme's signed content and key, several signatures and secrets, the tolerance at its
 * edges, headers and secrets it must refuse. `runtime.test.ts` and `runtime-interop.test.ts` run
 * the same code written afresh per scheme; this file is what a mutation of the shipped text reaches.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { equalBytes, fromBase64, fromHex, toBase64, toHex } from '../../../generated/shop/runtime/bytes.js';
import { headerValue } from '../../../generated/shop/runtime/headers.js';
import { type SignatureScheme, signatureHeaders, verifySignature } from '../../../generated/shop/runtime/signature.js';
import type { SignatureScheme as CatalogScheme } from '../../../src/model/types.js';
import { PADDLE_VECTORS, paddleHeaders, SLACK_VECTOR, zoomHeaders } from './provider-signatures.js';
import { SCHEMES } from './runtime-at.js';

const STANDARD: SignatureScheme = { kind: 'standard-webhooks', tolerance: 300 };
const GITHUB: SignatureScheme = { kind: 'hmac', header: 'X-Hub-Signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' };
const PLAIN: SignatureScheme = { kind: 'hmac', header: 'X-Signature', algorithm: 'sha512', encoding: 'base64', prefix: '' };
/** The catalog's form of Stripe's scheme, less its description (which the runtime does not carry). */
const { description: _, ...STRIPE } = SCHEMES['timestamped (Stripe)'] as Extract<CatalogScheme, { kind: 'timestamped' }>;
const OWN: SignatureScheme = {
  kind: 'timestamped',
  header: 'Kramik-Signature',
  timestampHeader: 'Kramik-Timestamp',
  algorithm: 'sha512',
  encoding: 'base64',
  tolerance: 60,
};

/** Slack's form, as a catalog's runtime literal writes it (Zoom's differs in its header names only). */
const SLACK: SignatureScheme = {
  kind: 'timestamped',
  header: 'X-Slack-Signature',
  timestampHeader: 'X-Slack-Request-Timestamp',
  algorithm: 'sha256',
  encoding: 'hex',
  tolerance: 300,
  signedPayload: 'v0:{timestamp}:{body}',
  prefix: 'v0=',
};
const ZOOM: SignatureScheme = { ...SLACK, header: 'x-zm-signature', timestampHeader: 'x-zm-request-timestamp' };
/** Paddle's: `ts=<ts>;h1=<hex>[;h1=<hex>]` over `<ts>:<body>`. */
const PADDLE: SignatureScheme = {
  kind: 'timestamped',
  header: 'Paddle-Signature',
  timestampHeader: undefined,
  algorithm: 'sha256',
  encoding: 'hex',
  tolerance: 300,
  signedPayload: '{timestamp}:{body}',
  timestampKey: 'ts',
  signatureKey: 'h1',
  separator: ';',
};

/** A Standard Webhooks secret: `whsec_` and the base64 of the key. */
const KEY = Buffer.from('the endpoint key, 32 bytes long!');
const SECRET = `whsec_${KEY.toString('base64')}`;
const OTHER = `whsec_${Buffer.from('another key of the same endpoint').toString('base64')}`;
const BODY = '{"type":"order.created","data":{"number":"KR-1"}}';
const NOW = 1_700_000_000;
const ID = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

const mac = (algorithm: string, key: string | Buffer, content: string): Buffer => createHmac(algorithm, key).update(content).digest();

/** Standard Webhooks headers made with node:crypto: `v1,` + base64 of HMAC-SHA256(id.timestamp.body). */
function standardHeaders(timestamp: number | string, signatures: string[] = [`v1,${mac('sha256', KEY, `${ID}.${timestamp}.${BODY}`).toString('base64')}`]) {
  return { 'webhook-id': ID, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') };
}

/** Stripe's digest: hex HMAC-SHA256 of `timestamp.body`, keyed with the secret's text, `whsec_` included. */
const stripeDigest = (timestamp: number | string, secret = SECRET, body = BODY): string => mac('sha256', secret, `${timestamp}.${body}`).toString('hex');

const rejectsWith = (promise: Promise<unknown>, name: string, fields: Record<string, unknown> = {}) =>
  expect(promise).rejects.toMatchObject({ name, ...fields });

describe('standard-webhooks', () => {
  const verify = (headers: Record<string, string>, secrets: Parameters<typeof verifySignature>[3] = SECRET, now = NOW, tolerance?: number) =>
    verifySignature(STANDARD, BODY, headers, secrets, tolerance === undefined ? { now } : { now, tolerance });

  it('accepts HMAC-SHA256 of id.timestamp.body under the base64 key, with or without whsec_, or as bytes', async () => {
    await expect(verify(standardHeaders(NOW))).resolves.toBeUndefined();
    await expect(verify(standardHeaders(NOW), KEY.toString('base64'))).resolves.toBeUndefined();
    await expect(verify(standardHeaders(NOW), new Uint8Array(KEY))).resolves.toBeUndefined();
    await expect(verifySignature(STANDARD, new TextEncoder().encode(BODY), standardHeaders(NOW), SECRET, { now: NOW })).resolves.toBeUndefined();
  });

  it('refuses another body, another secret, another id and a signature one byte short', async () => {
    await rejectsWith(verifySignature(STANDARD, `${BODY} `, standardHeaders(NOW), SECRET, { now: NOW }), 'InvalidSignatureError', {
      code: 'invalid_signature',
      status: 401,
      message: 'no signature matches the body',
    });
    await rejectsWith(verify(standardHeaders(NOW), OTHER), 'InvalidSignatureError');
    await rejectsWith(verify({ ...standardHeaders(NOW), 'webhook-id': 'msg_other' }), 'InvalidSignatureError');
    const digest = mac('sha256', KEY, `${ID}.${NOW}.${BODY}`);
    await rejectsWith(verify(standardHeaders(NOW, [`v1,${digest.subarray(0, 31).toString('base64')}`])), 'InvalidSignatureError');
    const last = Buffer.from(digest);
    last[31] = last[31]! ^ 1;
    await rejectsWith(verify(standardHeaders(NOW, [`v1,${last.toString('base64')}`])), 'InvalidSignatureError');
  });

  it('reads every v1 signature of the header and only those', async () => {
    const good = mac('sha256', KEY, `${ID}.${NOW}.${BODY}`).toString('base64');
    const bad = mac('sha256', KEY, 'something else').toString('base64');
    await expect(verify(standardHeaders(NOW, [`v1,${bad}`, `v1,${good}`]))).resolves.toBeUndefined();
    await expect(verify(standardHeaders(NOW, [`v1,${good}`, `v1,${bad}`]))).resolves.toBeUndefined();
    await expect(verify(standardHeaders(NOW, [`v1a,${bad}`, 'v1,not base64!', `v1,${good}`]))).resolves.toBeUndefined();
    for (const only of [`v2,${good}`, `v1a,${good}`, `,${good}`, `v1${good}`, `v1;${good}`, good]) {
      await rejectsWith(verify(standardHeaders(NOW, [only])), 'InvalidSignatureError');
    }
  });

  it('accepts a delivery signed with any of several secrets, and none signed with none of them', async () => {
    await expect(verify(standardHeaders(NOW), [OTHER, SECRET])).resolves.toBeUndefined();
    await expect(verify(standardHeaders(NOW), [SECRET, OTHER])).resolves.toBeUndefined();
    await rejectsWith(verify(standardHeaders(NOW), [OTHER]), 'InvalidSignatureError');
    await rejectsWith(verify(standardHeaders(NOW), []), 'InvalidSignatureError');
  });

  it('refuses a secret that is empty or not base64, as a TypeError', async () => {
    for (const secret of ['', new Uint8Array()])
      await expect(verify(standardHeaders(NOW), secret)).rejects.toThrow(new TypeError("an empty secret signs nothing: pass the endpoint's secret"));
    for (const secret of ['whsec_', 'whsec_not*base64']) {
      await expect(verify(standardHeaders(NOW), secret)).rejects.toThrow(new TypeError('a standard-webhooks secret is whsec_ followed by base64'));
    }
  });

  it('accepts a timestamp at most the tolerance away from now, either way, and says how far it is', async () => {
    for (const age of [-300, 0, 300]) await expect(verify(standardHeaders(NOW - age))).resolves.toBeUndefined();
    await rejectsWith(verify(standardHeaders(NOW - 301)), 'TimestampError', {
      code: 'invalid_timestamp',
      timestamp: NOW - 301,
      message: 'the signed timestamp is 301 s old; at most 300 s are allowed',
    });
    await rejectsWith(verify(standardHeaders(NOW + 301)), 'TimestampError', {
      timestamp: NOW + 301,
      message: 'the signed timestamp is 301 s ahead; at most 300 s are allowed',
    });
    await expect(verify(standardHeaders(NOW - 301), SECRET, NOW, 301)).resolves.toBeUndefined();
    await rejectsWith(verify(standardHeaders(NOW - 11), SECRET, NOW, 10), 'TimestampError');
    await rejectsWith(verify(standardHeaders(NOW + 11), SECRET, NOW, 10), 'TimestampError');
  });

  it('takes now from the clock when not given', async () => {
    vi.useFakeTimers({ now: NOW * 1000 + 999, toFake: ['Date'] });
    try {
      await expect(verifySignature(STANDARD, BODY, standardHeaders(NOW - 300), SECRET)).resolves.toBeUndefined();
      await rejectsWith(verifySignature(STANDARD, BODY, standardHeaders(NOW - 301), SECRET), 'TimestampError');
      await rejectsWith(verifySignature(STANDARD, BODY, standardHeaders(NOW + 301), SECRET), 'TimestampError');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a signed timestamp that is not whole seconds in digits', async () => {
    for (const timestamp of [`${NOW}.5`, `+${NOW}`, ` ${NOW}`, `${NOW}x`, '1e9', '0x65', '1234567890123456']) {
      await rejectsWith(verify(standardHeaders(timestamp)), 'TimestampError', { message: 'the signed timestamp is not a number of seconds' });
    }
  });

  it('names each missing or empty header', async () => {
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const without = Object.fromEntries(Object.entries(standardHeaders(NOW)).filter(([name]) => name !== header));
      await rejectsWith(verify(without), 'MissingHeaderError', { header, code: 'missing_header', message: `the delivery has no ${header} header` });
      await rejectsWith(verify({ ...standardHeaders(NOW), [header]: '' }), 'MissingHeaderError', { header });
    }
  });

  it('signs as node:crypto does, one v1 signature per secret, with the id and time given or made', async () => {
    const headers = await signatureHeaders(STANDARD, BODY, [SECRET, OTHER], { timestamp: NOW, id: ID });
    const other = Buffer.from(OTHER.slice(6), 'base64');
    expect(headers).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': String(NOW),
      'webhook-signature': `v1,${mac('sha256', KEY, `${ID}.${NOW}.${BODY}`).toString('base64')} v1,${mac('sha256', other, `${ID}.${NOW}.${BODY}`).toString('base64')}`,
    });
    vi.useFakeTimers({ now: NOW * 1000 + 999, toFake: ['Date'] });
    try {
      const made = await signatureHeaders(STANDARD, BODY, SECRET);
      expect(made['webhook-timestamp']).toBe(String(NOW));
      expect(made['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
      expect((await signatureHeaders(STANDARD, BODY, SECRET))['webhook-id']).not.toBe(made['webhook-id']);
    } finally {
      vi.useRealTimers();
    }
    await expect(signatureHeaders(STANDARD, BODY, [])).rejects.toThrow(new TypeError('no secret to sign with'));
  });
});

describe('hmac', () => {
  const github = (body = BODY, secret = 'gh-secret'): string => `sha256=${mac('sha256', secret, body).toString('hex')}`;

  it('accepts the prefixed hex HMAC of the body keyed with the secret text, at any age', async () => {
    await expect(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': github() }, 'gh-secret', { now: NOW })).resolves.toBeUndefined();
    await expect(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': github(BODY, SECRET) }, SECRET)).resolves.toBeUndefined();
    await expect(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': `sha256=${github().slice(7).toUpperCase()}` }, 'gh-secret')).resolves.toBeUndefined();
    const plain = mac('sha512', 'plain', BODY).toString('base64');
    await expect(verifySignature(PLAIN, BODY, new Headers({ 'X-Signature': plain }), 'plain')).resolves.toBeUndefined();
  });

  it('refuses a missing prefix, another body or secret, a digest that is not hex, and another algorithm', async () => {
    await rejectsWith(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': github().slice(7) }, 'gh-secret'), 'InvalidSignatureError', {
      message: 'the X-Hub-Signature-256 header does not start with sha256=',
    });
    await rejectsWith(verifySignature(GITHUB, `${BODY}\n`, { 'x-hub-signature-256': github() }, 'gh-secret'), 'InvalidSignatureError');
    await rejectsWith(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': github() }, 'other'), 'InvalidSignatureError');
    await rejectsWith(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': `${github().slice(0, -1)}g` }, 'gh-secret'), 'InvalidSignatureError');
    const sha512 = `sha256=${mac('sha512', 'gh-secret', BODY).toString('hex')}`;
    await rejectsWith(verifySignature(GITHUB, BODY, { 'x-hub-signature-256': sha512 }, 'gh-secret'), 'InvalidSignatureError');
    await rejectsWith(verifySignature(GITHUB, BODY, {}, 'gh-secret'), 'MissingHeaderError', { header: 'X-Hub-Signature-256' });
  });

  it('signs as node:crypto does, with the first secret', async () => {
    expect(await signatureHeaders(GITHUB, BODY, ['gh-secret', 'other'])).toEqual({ 'X-Hub-Signature-256': github() });
    expect(await signatureHeaders(PLAIN, BODY, 'plain')).toEqual({ 'X-Signature': mac('sha512', 'plain', BODY).toString('base64') });
  });
});

describe('timestamped, with its own timestamp header', () => {
  const own = (timestamp: number | string, secret = 'kramik') => ({
    'Kramik-Timestamp': String(timestamp),
    'Kramik-Signature': mac('sha512', secret, `${timestamp}.${BODY}`).toString('base64'),
  });

  it('accepts the digest of timestamp.body within the tolerance, and refuses one outside it', async () => {
    await expect(verifySignature(OWN, BODY, own(NOW - 60), 'kramik', { now: NOW })).resolves.toBeUndefined();
    await expect(verifySignature(OWN, BODY, own(NOW + 60), 'kramik', { now: NOW })).resolves.toBeUndefined();
    await rejectsWith(verifySignature(OWN, BODY, own(NOW - 61), 'kramik', { now: NOW }), 'TimestampError');
    await rejectsWith(verifySignature(OWN, BODY, own(NOW + 61), 'kramik', { now: NOW }), 'TimestampError');
    await rejectsWith(verifySignature(OWN, BODY, { ...own(NOW), 'Kramik-Timestamp': String(NOW + 1) }, 'kramik', { now: NOW }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(OWN, BODY, own(NOW), 'other', { now: NOW }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(OWN, BODY, { ...own(NOW), 'Kramik-Signature': 'not base64!' }, 'kramik', { now: NOW }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(OWN, BODY, { 'Kramik-Signature': own(NOW)['Kramik-Signature'] }, 'kramik', { now: NOW }), 'MissingHeaderError', {
      header: 'Kramik-Timestamp',
    });
  });

  it('signs as node:crypto does', async () => {
    expect(await signatureHeaders(OWN, BODY, 'kramik', { timestamp: NOW })).toEqual(own(NOW));
  });
});

describe("timestamped, Stripe's form", () => {
  const verify = (header: string, secrets: Parameters<typeof verifySignature>[3] = SECRET, body = BODY) =>
    verifySignature(STRIPE, body, { 'stripe-signature': header }, secrets, { now: NOW });

  it('accepts t=<timestamp>,v1=<hex>, keyed with the whole secret text, whsec_ included', async () => {
    await expect(verify(`t=${NOW},v1=${stripeDigest(NOW)}`)).resolves.toBeUndefined();
    await expect(verify(`v1=${stripeDigest(NOW)},t=${NOW}`)).resolves.toBeUndefined();
    await expect(verify(` t = ${NOW} , v1 = ${stripeDigest(NOW)} `)).resolves.toBeUndefined();
    const keyedWithoutPrefix = mac('sha256', SECRET.slice(6), `${NOW}.${BODY}`).toString('hex');
    await rejectsWith(verify(`t=${NOW},v1=${keyedWithoutPrefix}`), 'InvalidSignatureError');
  });

  it('reads every v1 signature and ignores other versions', async () => {
    const wrong = stripeDigest(NOW, OTHER);
    await expect(verify(`t=${NOW},v1=${wrong},v1=${stripeDigest(NOW)}`)).resolves.toBeUndefined();
    await expect(verify(`t=${NOW},v1=${stripeDigest(NOW)},v1=${wrong}`)).resolves.toBeUndefined();
    await expect(verify(`t=${NOW},v0=zz,v1=${stripeDigest(NOW)}`)).resolves.toBeUndefined();
    await rejectsWith(verify(`t=${NOW},v0=${stripeDigest(NOW)}`), 'InvalidSignatureError');
    await rejectsWith(verify(`t=${NOW},v1=${wrong}`), 'InvalidSignatureError');
    await rejectsWith(verify(`t=${NOW},v1${stripeDigest(NOW)}`), 'InvalidSignatureError');
  });

  it('refuses a header without t=, a changed t= and a t= outside the tolerance', async () => {
    await rejectsWith(verify(`v1=${stripeDigest(NOW)}`), 'InvalidSignatureError', { message: 'the Stripe-Signature header has no t=<timestamp>' });
    await rejectsWith(verify(`t${NOW},v1=${stripeDigest(NOW)}`), 'InvalidSignatureError', { message: 'the Stripe-Signature header has no t=<timestamp>' });
    await rejectsWith(verify(`t=${NOW + 1},v1=${stripeDigest(NOW)}`), 'InvalidSignatureError');
    await rejectsWith(verify(`t=${NOW - 301},v1=${stripeDigest(NOW - 301)}`), 'TimestampError');
    await expect(verify(`t=${NOW - 300},v1=${stripeDigest(NOW - 300)}`)).resolves.toBeUndefined();
  });

  it("reads the last of several t=, and no key in an item without =, as Stripe's libraries do", async () => {
    await expect(verify(`t=${NOW - 1000},t=${NOW},v1=${stripeDigest(NOW)}`)).resolves.toBeUndefined();
    await rejectsWith(verify(`t=${NOW},v1=${stripeDigest(NOW)},t=${NOW + 1}`), 'InvalidSignatureError');
    await expect(verify(`t=${NOW},v1=${stripeDigest(NOW)},tt`)).resolves.toBeUndefined();
    await expect(verify(`tt,t=${NOW},v1x,v1=${stripeDigest(NOW)}`)).resolves.toBeUndefined();
  });

  it('signs t= and one v1= per secret, as node:crypto does', async () => {
    expect(await signatureHeaders(STRIPE, BODY, [SECRET, OTHER], { timestamp: NOW })).toEqual({
      'Stripe-Signature': `t=${NOW},v1=${stripeDigest(NOW)},v1=${stripeDigest(NOW, OTHER)}`,
    });
  });
});

describe("timestamped, what is signed and how the header writes it: Slack's, Zoom's and Paddle's forms", () => {
  it("Slack: accepts Slack's documented example and signs it to the byte; refuses another body, secret or age, and a digest without v0=", async () => {
    const { secret, timestamp, body, signature } = SLACK_VECTOR;
    const headers = { 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature };
    await expect(verifySignature(SLACK, body, headers, secret, { now: timestamp })).resolves.toBeUndefined();
    await expect(verifySignature(SLACK, body, headers, ['another', secret], { now: timestamp + 300 })).resolves.toBeUndefined();
    expect(await signatureHeaders(SLACK, body, secret, { timestamp })).toEqual(headers);
    await rejectsWith(verifySignature(SLACK, `${body} `, headers, secret, { now: timestamp }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(SLACK, body, headers, 'another', { now: timestamp }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(SLACK, body, headers, secret, { now: timestamp - 301 }), 'TimestampError');
    await rejectsWith(
      verifySignature(SLACK, body, { ...headers, 'X-Slack-Signature': signature.slice(3) }, secret, { now: timestamp }),
      'InvalidSignatureError',
      {
        message: 'the X-Slack-Signature header does not start with v0=',
      },
    );
    // `<ts>.<body>` (the default) is not what Slack signs.
    const stripeLike = `v0=${mac('sha256', secret, `${timestamp}.${body}`).toString('hex')}`;
    await rejectsWith(verifySignature(SLACK, body, { ...headers, 'X-Slack-Signature': stripeLike }, secret, { now: timestamp }), 'InvalidSignatureError');
  });

  it('Zoom: accepts and signs what Zoom computes, v0: and the timestamp before the body', async () => {
    const zoom = zoomHeaders('zoom-token', NOW, BODY);
    await expect(verifySignature(ZOOM, BODY, zoom, 'zoom-token', { now: NOW })).resolves.toBeUndefined();
    expect(await signatureHeaders(ZOOM, BODY, 'zoom-token', { timestamp: NOW })).toEqual(zoom);
    await rejectsWith(verifySignature(ZOOM, BODY, { ...zoom, 'x-zm-request-timestamp': String(NOW + 1) }, 'zoom-token', { now: NOW }), 'InvalidSignatureError');
    await rejectsWith(verifySignature(ZOOM, BODY, { 'x-zm-signature': zoom['x-zm-signature']! }, 'zoom-token'), 'MissingHeaderError', {
      header: 'x-zm-request-timestamp',
    });
  });

  it("Paddle: decides the SDK's vectors as the SDK does: several h1, other keys ignored, ts= required", async () => {
    const { secret, timestamp, valid, multiple } = PADDLE_VECTORS;
    const verify = (body: string, header: string, key: string = secret) =>
      verifySignature(PADDLE, body, { 'paddle-signature': header }, key, { now: timestamp });
    await expect(verify(valid.body, valid.header)).resolves.toBeUndefined();
    await expect(verify(multiple.body, multiple.header)).resolves.toBeUndefined();
    await rejectsWith(verify(valid.body, valid.header, PADDLE_VECTORS.otherSecret), 'InvalidSignatureError');
    await rejectsWith(verify(PADDLE_VECTORS.spacedBody, valid.header), 'InvalidSignatureError');
    await rejectsWith(verify(valid.body, valid.header.replace(';h1=', ';h2=')), 'InvalidSignatureError');
    await rejectsWith(verify(valid.body, valid.header.replace(';', ',')), 'InvalidSignatureError');
    await rejectsWith(verify(valid.body, valid.header.replace('ts=', 't=')), 'InvalidSignatureError', {
      message: 'the Paddle-Signature header has no ts=<timestamp>',
    });
    await rejectsWith(verifySignature(PADDLE, valid.body, { 'paddle-signature': valid.header }, secret, { now: timestamp + 301 }), 'TimestampError');
  });

  it('Paddle: signs ts= and one h1= per secret, as node:crypto does', async () => {
    const { secret, timestamp, valid } = PADDLE_VECTORS;
    expect(await signatureHeaders(PADDLE, valid.body, secret, { timestamp })).toEqual({ 'Paddle-Signature': valid.header });
    expect(await signatureHeaders(PADDLE, BODY, ['one', 'two'], { timestamp: NOW })).toEqual(paddleHeaders(['one', 'two'], NOW, BODY));
  });

  it('signs the text around {timestamp} as written, $ patterns included, and refuses a template it cannot read', async () => {
    const odd: SignatureScheme = { ...SLACK, signedPayload: "$&$`$'$$:{timestamp}:{body}" };
    const digest = (timestamp: string) => `v0=${mac('sha256', 's', `$&$\`$'$$:${timestamp}:${BODY}`).toString('hex')}`;
    expect(await signatureHeaders(odd, BODY, 's', { timestamp: NOW })).toEqual({
      'X-Slack-Request-Timestamp': String(NOW),
      'X-Slack-Signature': digest(String(NOW)),
    });
    // A timestamp header with `$&` in it is signed as that text, then refused as no number of seconds.
    await rejectsWith(verifySignature(odd, BODY, { 'X-Slack-Request-Timestamp': '$&', 'X-Slack-Signature': digest('$&') }, 's'), 'TimestampError');
    for (const signedPayload of ['{body}{timestamp}', '{timestamp}', '{timestamp}:{body}:', 'v{0}:{timestamp}:{body}', '{timestamp}{timestamp}{body}']) {
      await expect(signatureHeaders({ ...SLACK, signedPayload }, BODY, 's')).rejects.toThrow(TypeError);
      await expect(
        verifySignature({ ...SLACK, signedPayload }, BODY, { 'X-Slack-Request-Timestamp': String(NOW), 'X-Slack-Signature': 'v0=00' }, 's'),
      ).rejects.toThrow(`signedPayload must hold {timestamp}, then {body} at its end, not ${signedPayload}`);
    }
  });
});

describe('the bytes the signatures are read with', () => {
  it('reads hex of either case and refuses odd lengths and every character beside the digits and a-f', () => {
    expect(toHex(new Uint8Array([0, 9, 10, 15, 16, 255]))).toBe('00090a0f10ff');
    expect(fromHex('00090a0F10fF')).toEqual(new Uint8Array([0, 9, 10, 15, 16, 255]));
    expect(fromHex('')).toEqual(new Uint8Array());
    for (const text of ['0', '000', '/0', '0:', '@0', '0G', '`0', '0g', '0 ']) expect(fromHex(text), text).toBeUndefined();
  });

  it('reads standard base64 only', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1]);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    const long = new Uint8Array(0x8000 * 2 + 5).map((_, i) => i % 251);
    expect(toBase64(long)).toBe(Buffer.from(long).toString('base64'));
    // atob forgives white space; a signature is read only as written.
    for (const text of ['-_8', 'a b=', 'abc===', 'a', '=abc', 'YW Jj', 'YWJj\n', ' YWJj']) expect(fromBase64(text), JSON.stringify(text)).toBeUndefined();
  });

  it('compares bytes whole: length, first and last byte', () => {
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(equalBytes(new Uint8Array([0, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });
});

describe('headers', () => {
  it('finds a header in fetch Headers, and in a plain object under any case, joining repeated values', () => {
    expect(headerValue(new Headers({ 'Webhook-Id': 'a' }), 'webhook-id')).toBe('a');
    expect(headerValue(new Headers(), 'webhook-id')).toBeUndefined();
    expect(headerValue({ 'webhook-id': 'a' }, 'Webhook-Id')).toBe('a');
    expect(headerValue({ 'Webhook-Id': 'b' }, 'webhook-id')).toBe('b');
    expect(headerValue({ 'webhook-id': ['a', 'b'] }, 'webhook-id')).toBe('a, b');
    expect(headerValue({ 'webhook-id': undefined, 'Webhook-Id': 'c' }, 'webhook-id')).toBe('c');
    expect(headerValue({}, 'webhook-id')).toBeUndefined();
  });

  it('reads no inherited property as a header', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(headerValue({}, name), name).toBeUndefined();
  });
});

describe('on Web Crypto, where node:crypto is not to be had', () => {
  type Library = typeof import('../../../generated/shop/runtime/signature.js');
  let web: Library;
  beforeAll(async () => {
    const host = process as { getBuiltinModule?: unknown };
    const saved = host.getBuiltinModule;
    delete host.getBuiltinModule;
    vi.resetModules();
    try {
      web = await import('../../../generated/shop/runtime/signature.js');
    } finally {
      host.getBuiltinModule = saved;
    }
  });

  it('verifies and signs every scheme and algorithm as node:crypto does, and only then calls Web Crypto', async () => {
    const subtleSign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    try {
      await expect(verifySignature(STANDARD, BODY, standardHeaders(NOW), SECRET, { now: NOW })).resolves.toBeUndefined();
      expect(subtleSign).not.toHaveBeenCalled();
      await expect(web.verifySignature(STANDARD, BODY, standardHeaders(NOW), SECRET, { now: NOW })).resolves.toBeUndefined();
      expect(subtleSign).toHaveBeenCalledTimes(1);
    } finally {
      subtleSign.mockRestore();
    }
    await expect(web.verifySignature(STANDARD, `${BODY} `, standardHeaders(NOW), SECRET, { now: NOW })).rejects.toMatchObject({
      name: 'InvalidSignatureError',
    });
    const github = `sha256=${mac('sha256', 'gh', BODY).toString('hex')}`;
    await expect(web.verifySignature(GITHUB, new TextEncoder().encode(BODY), { 'x-hub-signature-256': github }, 'gh')).resolves.toBeUndefined();
    await expect(web.verifySignature(PLAIN, BODY, { 'x-signature': mac('sha512', 'plain', BODY).toString('base64') }, 'plain')).resolves.toBeUndefined();
    await expect(web.verifySignature(STRIPE, BODY, { 'stripe-signature': `t=${NOW},v1=${stripeDigest(NOW)}` }, SECRET, { now: NOW })).resolves.toBeUndefined();
    expect(await web.signatureHeaders(OWN, BODY, 'kramik', { timestamp: NOW })).toEqual(await signatureHeaders(OWN, BODY, 'kramik', { timestamp: NOW }));
    const slack = { 'x-slack-request-timestamp': String(SLACK_VECTOR.timestamp), 'x-slack-signature': SLACK_VECTOR.signature };
    await expect(web.verifySignature(SLACK, SLACK_VECTOR.body, slack, SLACK_VECTOR.secret, { now: SLACK_VECTOR.timestamp })).resolves.toBeUndefined();
    await expect(web.verifySignature(ZOOM, BODY, zoomHeaders('z', NOW, BODY), 'z', { now: NOW })).resolves.toBeUndefined();
    const paddle = PADDLE_VECTORS;
    await expect(
      web.verifySignature(PADDLE, paddle.multiple.body, { 'paddle-signature': paddle.multiple.header }, paddle.secret, { now: paddle.timestamp }),
    ).resolves.toBeUndefined();
    expect(await web.signatureHeaders(PADDLE, paddle.valid.body, paddle.secret, { timestamp: paddle.timestamp })).toEqual({
      'Paddle-Signature': paddle.valid.header,
    });
    expect(await web.signatureHeaders(STANDARD, BODY, [SECRET, OTHER], { timestamp: NOW, id: ID })).toEqual(
      await signatureHeaders(STANDARD, BODY, [SECRET, OTHER], { timestamp: NOW, id: ID }),
    );
  });

  it('says so when the platform has neither', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      await expect(web.verifySignature(GITHUB, BODY, { 'x-hub-signature-256': 'sha256=00' }, 'gh')).rejects.toThrow(
        'neither node:crypto nor Web Crypto is available',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
