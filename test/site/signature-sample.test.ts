/**
 * The signature check the site shows is real code that works: for every scheme (and the variants
 * of each), the sample type-checks strictly, and run in Node it accepts a delivery signed by
 * `hookcat send`'s signer (and, for Standard Webhooks, by the specification's reference library),
 * and refuses a changed body, a wrong secret and, where the scheme has one, an old timestamp.
 * Catalog values with quotes, backslashes and `${` in a prefix stay data.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TIMESTAMPED_DEFAULTS } from '../../src/model/signature.js';
import type { SignatureScheme } from '../../src/model/types.js';
import { signDelivery } from '../../src/send/sign.js';
import { signatureSample } from '../../src/site/signature-sample.js';
import { PADDLE_VECTORS, SLACK_VECTOR } from '../emit/runtime/provider-signatures.js';

const description = {};
const SCHEMES: { readonly [name: string]: SignatureScheme } = {
  'standard-webhooks': {
    kind: 'standard-webhooks',
    tolerance: 300,
    headers: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
    description,
  },
  'hmac, sha256, hex, prefix': { kind: 'hmac', header: 'X-Hub-Signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', description },
  'hmac, sha512, base64': { kind: 'hmac', header: 'X-Signature', algorithm: 'sha512', encoding: 'base64', prefix: '', description },
  'hmac, hostile prefix': { kind: 'hmac', header: 'X-Sig', algorithm: 'sha256', encoding: 'hex', prefix: '"\\\'`${x}*/=', description },
  "timestamped, Stripe's form": {
    kind: 'timestamped',
    header: 'Stripe-Signature',
    timestampHeader: undefined,
    ...TIMESTAMPED_DEFAULTS,
    prefix: '',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description,
  },
  "timestamped, Slack's form": {
    kind: 'timestamped',
    header: 'X-Slack-Signature',
    timestampHeader: 'X-Slack-Request-Timestamp',
    ...TIMESTAMPED_DEFAULTS,
    signedPayload: 'v0:{timestamp}:{body}',
    prefix: 'v0=',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description,
  },
  "timestamped, Paddle's form": {
    kind: 'timestamped',
    header: 'Paddle-Signature',
    timestampHeader: undefined,
    signedPayload: '{timestamp}:{body}',
    prefix: '',
    timestampKey: 'ts',
    signatureKey: 'h1',
    separator: ';',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description,
  },
  'timestamped, hostile signed text and prefix': {
    kind: 'timestamped',
    header: 'X-Sig',
    timestampHeader: 'X-Time',
    ...TIMESTAMPED_DEFAULTS,
    signedPayload: '"\\\'`$x*/\n:{timestamp}$`{body}',
    prefix: '"\\\'`${x}*/=',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description,
  },
  'timestamped, timestamp header, base64': {
    kind: 'timestamped',
    header: 'X-Signature',
    timestampHeader: 'X-Timestamp',
    ...TIMESTAMPED_DEFAULTS,
    prefix: '',
    algorithm: 'sha512',
    encoding: 'base64',
    tolerance: 60,
    description,
  },
};

type Verify = (rawBody: string, headers: Record<string, string | undefined>, secret: string) => boolean;

let dir: string;
const verifiers = new Map<string, Verify>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-signature-sample-'));
  const files = Object.keys(SCHEMES).map((_, index) => path.join(dir, `sample${index}.ts`));
  for (const [index, scheme] of Object.values(SCHEMES).entries()) await writeFile(files[index]!, signatureSample(scheme));
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    typeRoots: [path.resolve('node_modules/@types')],
    outDir: dir,
    rewriteRelativeImportExtensions: false,
  };
  const program = ts.createProgram(files, options);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length > 0) throw new Error(`the samples do not type-check:\n${problems.join('\n')}`);
  for (const [index, name] of Object.keys(SCHEMES).entries()) {
    const { outputText } = ts.transpileModule(signatureSample(SCHEMES[name]!), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const file = path.join(dir, `sample${index}.mjs`);
    await writeFile(file, outputText);
    verifiers.set(name, ((await import(pathToFileURL(file).href)) as { verifyWebhook: Verify }).verifyWebhook);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Headers as Node's http hands them over: names in lower case. */
function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

const BODY = '{"type":"order.created","data":{"orderId":"6f1c3b0e","total":{"amount":1999,"currency":"EUR"}},"note":"ünïcödé"}';

describe('the signature sample', () => {
  for (const [name, scheme] of Object.entries(SCHEMES)) {
    const secret = scheme.kind === 'standard-webhooks' ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' : 'a-secret-of-32-characters-or-so!';
    const now = Math.floor(Date.now() / 1000);
    it(`checks ${name}`, () => {
      const verify = verifiers.get(name)!;
      const headers = lowerCase(signDelivery(scheme, BODY, { secret, timestamp: now, id: 'msg_1' }));
      expect(verify(BODY, headers, secret)).toBe(true);
      expect(verify(`${BODY} `, headers, secret)).toBe(false);
      expect(verify(BODY, headers, scheme.kind === 'standard-webhooks' ? 'whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldA==' : `${secret}x`)).toBe(false);
      expect(verify(BODY, {}, secret)).toBe(false);
      if (scheme.kind !== 'hmac') {
        const old = lowerCase(signDelivery(scheme, BODY, { secret, timestamp: now - scheme.tolerance - 60, id: 'msg_1' }));
        expect(verify(BODY, old, secret)).toBe(false);
      }
    });
  }

  it("accepts Slack's documented example and Paddle's SDK vectors, at their time, and refuses them another secret", () => {
    vi.useFakeTimers({ now: SLACK_VECTOR.timestamp * 1000, toFake: ['Date'] });
    try {
      const slack = { 'x-slack-request-timestamp': String(SLACK_VECTOR.timestamp), 'x-slack-signature': SLACK_VECTOR.signature };
      expect(verifiers.get("timestamped, Slack's form")!(SLACK_VECTOR.body, slack, SLACK_VECTOR.secret)).toBe(true);
      expect(verifiers.get("timestamped, Slack's form")!(SLACK_VECTOR.body, slack, 'another')).toBe(false);
      vi.setSystemTime(PADDLE_VECTORS.timestamp * 1000);
      const paddle = verifiers.get("timestamped, Paddle's form")!;
      for (const { body, header } of [PADDLE_VECTORS.valid, PADDLE_VECTORS.multiple]) {
        expect(paddle(body, { 'paddle-signature': header }, PADDLE_VECTORS.secret)).toBe(true);
        expect(paddle(body, { 'paddle-signature': header }, PADDLE_VECTORS.otherSecret)).toBe(false);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads the last of several timestamps, and no key in an item without =, as the runtime and Stripe's libraries do", () => {
    const scheme = SCHEMES["timestamped, Stripe's form"]!;
    const verify = verifiers.get("timestamped, Stripe's form")!;
    const secret = 'a-secret-of-32-characters-or-so!';
    const now = Math.floor(Date.now() / 1000);
    const signed = signDelivery(scheme, BODY, { secret, timestamp: now, id: 'msg_1' })['Stripe-Signature']!;
    const digest = signed.slice(signed.indexOf('v1='));
    expect(verify(BODY, { 'stripe-signature': `t=${now - 1000},t=${now},${digest}` }, secret)).toBe(true);
    expect(verify(BODY, { 'stripe-signature': `t=${now},${digest},t=${now + 1}` }, secret)).toBe(false);
    expect(verify(BODY, { 'stripe-signature': `t=${now},${digest},tt` }, secret)).toBe(true);
    expect(verify(BODY, { 'stripe-signature': `tt,t=${now},${digest}` }, secret)).toBe(true);
  });

  it('accepts what the Standard Webhooks reference library signs, and refuses another secret', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const timestamp = new Date();
    const signature = new Webhook(secret).sign('msg_2', timestamp, BODY);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': `v1,other ${signature}`,
    };
    const verify = verifiers.get('standard-webhooks')!;
    expect(verify(BODY, headers, secret)).toBe(true);
    expect(verify(BODY, headers, 'whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldA==')).toBe(false);
  });
});
