/** The headers each signature scheme puts on a delivery, and the MAC's name, as the pages, OpenAPI and the runtime use them. */
import { describe, expect, it } from 'vitest';
import { standardWebhooksHeaders, TIMESTAMPED_DEFAULTS } from '../../src/model/signature.js';
import { signatureAlgorithmName, signatureHeaderOf, signatureHeadersOf } from '../../src/model/signature-headers.js';
import type { SignatureScheme } from '../../src/model/types.js';

const description = { en: { text: 'Signed.', fallback: false } };
const standard: SignatureScheme = {
  kind: 'standard-webhooks',
  tolerance: 300,
  headers: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
  description,
};
const hmac: SignatureScheme = { kind: 'hmac', header: 'X-Hub-Signature-256', algorithm: 'sha512', encoding: 'hex', prefix: 'sha256=', description };
const timestamped = (timestampHeader: string | undefined): SignatureScheme => ({
  kind: 'timestamped',
  header: 'X-Signature',
  timestampHeader,
  ...TIMESTAMPED_DEFAULTS,
  prefix: '',
  algorithm: 'sha256',
  encoding: 'base64',
  tolerance: 60,
  description,
});

describe('signature headers', () => {
  it('are the three Standard Webhooks headers, the signature last', () => {
    expect(signatureHeadersOf(standard)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(signatureHeaderOf(standard)).toBe('webhook-signature');
  });

  it('are the scheme’s own Standard Webhooks headers when it names them (Svix’s), for the pages, OpenAPI and `hookcat send`', () => {
    const svix: SignatureScheme = { ...standard, headers: standardWebhooksHeaders('svix') } as SignatureScheme;
    expect(signatureHeadersOf(svix)).toEqual(['svix-id', 'svix-timestamp', 'svix-signature']);
    expect(signatureHeaderOf(svix)).toBe('svix-signature');
  });

  it('are the one declared header of an HMAC scheme', () => {
    expect(signatureHeadersOf(hmac)).toEqual(['X-Hub-Signature-256']);
    expect(signatureHeaderOf(hmac)).toBe('X-Hub-Signature-256');
  });

  it('put a timestamped scheme’s timestamp header first, and leave it out when the timestamp is inside the signature header', () => {
    expect(signatureHeadersOf(timestamped('X-Timestamp'))).toEqual(['X-Timestamp', 'X-Signature']);
    expect(signatureHeadersOf(timestamped(undefined))).toEqual(['X-Signature']);
    expect(signatureHeaderOf(timestamped('X-Timestamp'))).toBe('X-Signature');
  });
});

describe('signatureAlgorithmName', () => {
  it('names the MAC: Standard Webhooks is always HMAC-SHA256, the others say theirs', () => {
    expect(signatureAlgorithmName(standard)).toBe('hmac-sha256');
    expect(signatureAlgorithmName(hmac)).toBe('hmac-sha512');
    expect(signatureAlgorithmName(timestamped(undefined))).toBe('hmac-sha256');
  });
});
