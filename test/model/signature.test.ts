/** `envelope.signature` in the catalog format: each scheme as data, the old form, and what is refused. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';

let root: string;
let original: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-signature-'));
  await cp('catalog/shop', root, { recursive: true });
  original = await readFile(path.join(root, 'catalog.yaml'), 'utf8');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Loads shop with its signature block replaced by `block` (YAML lines under `signature:`). */
async function withSignature(block: string) {
  const start = original.indexOf('  signature:\n');
  const end = original.indexOf('  responses:\n', start);
  const indented = block
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  await writeFile(path.join(root, 'catalog.yaml'), `${original.slice(0, start)}  signature:\n${indented}\n${original.slice(end)}`);
  return loadCatalog(root);
}

describe('signature schemes in the catalog format', () => {
  it('reads standard-webhooks with its default tolerance', async () => {
    const { catalog } = await withSignature('scheme: standard-webhooks');
    expect(catalog?.envelope.signature).toMatchObject({ kind: 'standard-webhooks', tolerance: 300 });
  });

  it("reads standard-webhooks' headers: the specification's names by default, Svix's with `headerPrefix: svix`", async () => {
    const standard = await withSignature('scheme: standard-webhooks');
    expect(standard.catalog?.envelope.signature).toMatchObject({
      headers: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
    });
    // Clerk, Resend and every provider that delivers through Svix send svix-id, svix-timestamp, svix-signature.
    const svix = await withSignature('scheme: standard-webhooks\nheaderPrefix: Svix');
    expect(svix.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(svix.catalog?.envelope.signature).toMatchObject({
      kind: 'standard-webhooks',
      headers: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
    });
    const bare = await withSignature('headerPrefix: svix');
    expect(bare.catalog?.envelope.signature).toMatchObject({ kind: 'standard-webhooks', headers: { signature: 'svix-signature' } });
  });

  it('reads a block without scheme or header as standard-webhooks, the default', async () => {
    const { catalog, diagnostics } = await withSignature('tolerance: 120\ndescription: { en: Signed., pl: Podpisane., fr: Signé. }');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalog?.envelope.signature).toMatchObject({ kind: 'standard-webhooks', tolerance: 120 });
  });

  it('reads hmac with algorithm, encoding and prefix', async () => {
    const { catalog } = await withSignature('scheme: hmac\nheader: X-Hub-Signature-256\nalgorithm: sha512\nencoding: base64\nprefix: "sha512="');
    expect(catalog?.envelope.signature).toMatchObject({
      kind: 'hmac',
      header: 'X-Hub-Signature-256',
      algorithm: 'sha512',
      encoding: 'base64',
      prefix: 'sha512=',
    });
  });

  it('reads the algorithm in any case, with or without `hmac-`', async () => {
    for (const [written, algorithm] of [
      ['HMAC-SHA512', 'sha512'],
      ['hmac-sha512', 'sha512'],
      ['Sha512', 'sha512'],
      ['HMAC-SHA256', 'sha256'],
    ]) {
      const { catalog } = await withSignature(`scheme: hmac\nheader: X-Sig\nalgorithm: ${written}`);
      expect(catalog?.envelope.signature, written).toMatchObject({ kind: 'hmac', algorithm });
    }
  });

  it("reads timestamped in Stripe's form and with a timestamp header", async () => {
    const stripe = await withSignature('scheme: timestamped\nheader: Stripe-Signature\ntolerance: 600');
    expect(stripe.catalog?.envelope.signature).toMatchObject({
      kind: 'timestamped',
      header: 'Stripe-Signature',
      timestampHeader: undefined,
      algorithm: 'sha256',
      encoding: 'hex',
      tolerance: 600,
      signedPayload: '{timestamp}.{body}',
      prefix: '',
      timestampKey: 't',
      signatureKey: 'v1',
      separator: ',',
    });
    const own = await withSignature('scheme: timestamped\nheader: X-Sig\ntimestampHeader: X-Time');
    expect(own.catalog?.envelope.signature).toMatchObject({
      kind: 'timestamped',
      header: 'X-Sig',
      timestampHeader: 'X-Time',
      signedPayload: '{timestamp}.{body}',
    });
  });

  it("reads Slack's and Zoom's v0 form and Paddle's header", async () => {
    const slack = await withSignature(
      'scheme: timestamped\nheader: X-Slack-Signature\ntimestampHeader: X-Slack-Request-Timestamp\nprefix: v0=\nsignedPayload: "v0:{timestamp}:{body}"',
    );
    expect(slack.catalog?.envelope.signature).toMatchObject({
      kind: 'timestamped',
      header: 'X-Slack-Signature',
      timestampHeader: 'X-Slack-Request-Timestamp',
      signedPayload: 'v0:{timestamp}:{body}',
      prefix: 'v0=',
    });
    const paddle = await withSignature(
      'scheme: timestamped\nheader: Paddle-Signature\nsignedPayload: "{timestamp}:{body}"\ntimestampKey: ts\nsignatureKey: h1\nseparator: ";"',
    );
    expect(paddle.catalog?.envelope.signature).toMatchObject({
      timestampHeader: undefined,
      signedPayload: '{timestamp}:{body}',
      prefix: '',
      timestampKey: 'ts',
      signatureKey: 'h1',
      separator: ';',
    });
  });

  it('keeps the old form: an HMAC-SHA256 of the body, hex, no prefix', async () => {
    const { catalog } = await withSignature('header: Shop-Signature\nalgorithm: hmac-sha256\ndescription: { en: Signed., pl: Podpisane., fr: Signé. }');
    expect(catalog?.envelope.signature).toMatchObject({ kind: 'hmac', header: 'Shop-Signature', algorithm: 'sha256', encoding: 'hex', prefix: '' });
    expect(catalog?.envelope.signature?.description['pl']?.text).toBe('Podpisane.');
  });

  it.each([
    ['a scheme it does not know', 'scheme: rsa'],
    ['hmac without its header', 'scheme: hmac'],
    ['standard-webhooks with a header of its own', 'scheme: standard-webhooks\nheader: X-Sig'],
    ["a prefix on the timestamped scheme's single header", 'scheme: timestamped\nheader: X-Sig\nprefix: "v1="'],
    ['a signed payload without {body}', 'scheme: timestamped\nheader: X-Sig\nsignedPayload: "v0:{timestamp}"'],
    ['a signed payload with {body} first', 'scheme: timestamped\nheader: X-Sig\nsignedPayload: "{body}:{timestamp}"'],
    ['header keys beside a timestamp header', 'scheme: timestamped\nheader: X-Sig\ntimestampHeader: X-Time\nsignatureKey: h1'],
    ['a signed payload on hmac', 'scheme: hmac\nheader: X-Sig\nsignedPayload: "{timestamp}.{body}"'],
    ['a separator on standard-webhooks', 'scheme: standard-webhooks\nseparator: ";"'],
    ['an algorithm that is no SHA-2 HMAC', 'scheme: hmac\nheader: X-Sig\nalgorithm: md5'],
    ['the old form without its algorithm', 'header: X-Sig\ndescription: { en: a, pl: b, fr: c }'],
    ['a tolerance of zero', 'scheme: standard-webhooks\ntolerance: 0'],
    ['an algorithm without header or scheme', 'algorithm: sha512'],
    ['a header prefix on hmac', 'scheme: hmac\nheader: X-Sig\nheaderPrefix: svix'],
    ['a header prefix on timestamped', 'scheme: timestamped\nheader: X-Sig\nheaderPrefix: svix'],
    ['a header prefix on the old form', 'header: X-Sig\nalgorithm: hmac-sha256\nheaderPrefix: svix\ndescription: { en: a, pl: b, fr: c }'],
    ['a header prefix that is no header name', 'scheme: standard-webhooks\nheaderPrefix: "svix-"'],
    ['a timestamp header on the old form', 'header: X-Sig\nalgorithm: hmac-sha256\ntimestampHeader: X-Time\ndescription: { en: a, pl: b, fr: c }'],
  ])('refuses %s with a format diagnostic', async (_, block) => {
    const { catalog, diagnostics } = await withSignature(block);
    expect(catalog).toBeUndefined();
    const codes = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => /^HC20[0-3]$/.test(code))).toBe(true);
  });
});
