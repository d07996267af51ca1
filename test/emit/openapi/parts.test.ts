/**
 * Parts of the OpenAPI emitter, called directly: unique names for headers, responses and tags,
 * and the header parameters of a delivery under each signature scheme, with the signature header
 * marked by its algorithm whether the scheme adds it or the catalog lists it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliveryHeaderParameters } from '../../../src/emit/openapi/delivery-headers.js';
import { uniqueNamer } from '../../../src/emit/openapi/naming.js';
import { loadCatalog } from '../../../src/load.js';
import type { Catalog, SignatureScheme } from '../../../src/model/types.js';

async function provider(name: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(path.resolve('test/fixtures/providers', name, 'catalog'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return catalog!;
}

describe('uniqueNamer', () => {
  it('hands out identifiers once, ignoring case, with the first free number from 2', () => {
    const unique = uniqueNamer();
    expect(['Sig', 'sig', 'SIG', 'Sig2', 'Other'].map(unique)).toEqual(['Sig', 'sig2', 'SIG3', 'Sig22', 'Other']);
  });

  it('numbers labels people read in parentheses', () => {
    const unique = uniqueNamer('label');
    expect(['Orders', 'orders', 'Orders', 'Orders (2)'].map(unique)).toEqual(['Orders', 'orders (2)', 'Orders (3)', 'Orders (2) (2)']);
  });

  it('keeps separate namers apart', () => {
    const a = uniqueNamer();
    const b = uniqueNamer();
    expect([a('X'), b('X'), a('X')]).toEqual(['X', 'X', 'X2']);
  });
});

describe('the header parameters of a delivery', () => {
  it('list the catalog’s headers, then the scheme’s, each once, the signature marked with its algorithm', async () => {
    const github = await provider('github');
    const { components, refs } = deliveryHeaderParameters(github);
    const names = refs.map((r) => String(r['$ref']).replace('#/components/parameters/', ''));
    expect(names.at(-1)).toBe('XHubSignature256');
    expect(components['XHubSignature256']).toMatchObject({ name: 'X-Hub-Signature-256', in: 'header', required: true, 'x-signature-algorithm': 'hmac-sha256' });
    expect(components['XGitHubDelivery']).toMatchObject({ name: 'X-GitHub-Delivery', example: '72d3162e-cc78-11e3-81ab-4c9367dc0958' });
    expect(components['XGitHubDelivery']).not.toHaveProperty('x-signature-algorithm');
    expect(new Set(names).size).toBe(names.length);
  });

  it('mark a signature header the catalog lists itself, keeping its description, and do not add it again', async () => {
    const stripe = await provider('stripe');
    const { components, refs } = deliveryHeaderParameters(stripe);
    expect(refs).toEqual([{ $ref: '#/components/parameters/StripeSignature' }, { $ref: '#/components/parameters/UserAgent' }]);
    expect(components['StripeSignature']).toMatchObject({
      name: 'Stripe-Signature',
      'x-signature-algorithm': 'hmac-sha256',
      example: expect.stringMatching(/^t=/),
    });
    expect(String((components['StripeSignature'] as { description?: unknown }).description)).toMatch(/^The timestamp and one or more signatures/);
    expect(components['UserAgent']).not.toHaveProperty('x-signature-algorithm');
  });

  it('add Standard Webhooks’ three headers, only the signature described and marked', async () => {
    const line = await provider('line');
    const standard: SignatureScheme = {
      kind: 'standard-webhooks',
      tolerance: 300,
      headers: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
      description: { en: { text: 'Signed as Standard Webhooks says.', fallback: false } },
    } as SignatureScheme;
    const catalog = { ...line, envelope: { ...line.envelope, headers: [], signature: standard } } as Catalog;
    const { components, refs } = deliveryHeaderParameters(catalog);
    expect(refs.map((r) => r['$ref'])).toEqual([
      '#/components/parameters/WebhookId',
      '#/components/parameters/WebhookTimestamp',
      '#/components/parameters/WebhookSignature',
    ]);
    expect(components['WebhookId']).toEqual({ name: 'webhook-id', in: 'header', required: true, schema: { type: 'string' } });
    expect(components['WebhookTimestamp']).toEqual({ name: 'webhook-timestamp', in: 'header', required: true, schema: { type: 'string' } });
    expect(components['WebhookSignature']).toEqual({
      name: 'webhook-signature',
      in: 'header',
      required: true,
      description: 'Signed as Standard Webhooks says.',
      schema: { type: 'string' },
      'x-signature-algorithm': 'hmac-sha256',
    });
  });

  it('are none for a catalog without headers or signature, and name a header without letters Header', async () => {
    const line = await provider('line');
    expect(deliveryHeaderParameters({ ...line, envelope: { ...line.envelope, headers: [], signature: undefined } } as Catalog)).toEqual({
      components: {},
      refs: [],
    });
    const odd = {
      ...line,
      envelope: {
        ...line.envelope,
        headers: [
          { name: '---', required: false },
          { name: '...', required: true },
        ],
        signature: undefined,
      },
    } as unknown as Catalog;
    expect(deliveryHeaderParameters(odd).refs).toEqual([{ $ref: '#/components/parameters/Header' }, { $ref: '#/components/parameters/Header2' }]);
  });
});
