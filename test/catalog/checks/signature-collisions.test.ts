/**
 * HC313 for a timestamped signature that reads its timestamp and its digests from one place (two
 * equal item keys, or one header named twice), at the property that repeats the other, and
 * nothing for the schemes providers use (Stripe's defaults, Paddle's keys, Slack's headers).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-signature-collisions-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The HC313 diagnostics of a catalog whose envelope signs with `signature` (YAML lines under `signature:`), as `line:column`. */
async function collisions(name: string, signature: string[]): Promise<string[]> {
  const folder = path.join(root, name);
  const text = [
    'catalog: { id: fixture, version: "1.0", locales: [en], sourceLocale: en, title: Fixture }',
    'categories: [{ id: orders, title: Orders, description: Events about orders. }]',
    'envelope:',
    '  signature:',
    '    scheme: timestamped',
    ...signature.map((line) => `    ${line}`),
    'events:',
    '  - { key: order.created, category: orders, title: Created, description: An order was created., payload: { type: object } }',
    '',
  ].join('\n');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'catalog.yaml'), text);
  const { diagnostics } = await loadCatalog(folder);
  // Nothing but HC313 (the catalog is otherwise clean).
  expect(diagnostics.map((d) => d.code).filter((code) => code !== 'HC313')).toEqual([]);
  return diagnostics.map((d) => `${d.line}:${d.column}`);
}

describe('HC313 for a signature read from one place', () => {
  it("says nothing of Stripe's defaults, Paddle's keys and Slack's two headers", async () => {
    expect(await collisions('stripe', ['header: Stripe-Signature', 'algorithm: sha256'])).toEqual([]);
    expect(await collisions('paddle', ['header: Paddle-Signature', 'algorithm: sha256', 'timestampKey: ts', 'signatureKey: h1', "separator: ';'"])).toEqual([]);
    expect(await collisions('slack', ['header: X-Slack-Signature', 'timestampHeader: X-Slack-Request-Timestamp', 'algorithm: sha256', 'prefix: v0='])).toEqual(
      [],
    );
  });

  it('points at the key that repeats the other: timestampKey against the default v1, signatureKey against the default t, or both given', async () => {
    expect(await collisions('timestamp-key', ['header: X-Sig', 'algorithm: sha256', 'timestampKey: v1'])).toEqual(['8:19']);
    expect(await collisions('signature-key', ['header: X-Sig', 'algorithm: sha256', 'signatureKey: t'])).toEqual(['8:19']);
    expect(await collisions('both-keys', ['header: X-Sig', 'algorithm: sha256', 'timestampKey: k', 'signatureKey: k'])).toEqual(['9:19']);
  });

  it('points at timestampHeader when it names the signature header, in any case', async () => {
    expect(await collisions('same-header', ['header: X-Sig', 'timestampHeader: x-sig', 'algorithm: sha256'])).toEqual(['7:22']);
    expect(await collisions('other-header', ['header: X-Sig', 'timestampHeader: X-Sig-Time', 'algorithm: sha256'])).toEqual([]);
  });
});
