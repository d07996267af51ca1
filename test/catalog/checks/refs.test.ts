/**
 * Each refused `$ref` is refused for its own reason: HC303 and HC304 cover several, and the
 * diagnostic's `data.ref` says which, so a test cannot pass on a ref refused for another one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-refs-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Code and data of the HC303 and HC304 diagnostics of a catalog whose one payload property is
 * `{ $ref: ref }` (a ref that is no text is an invalid schema too, HC310). */
async function refusal(ref: unknown): Promise<unknown[]> {
  const folder = await mkdtemp(path.join(root, 'case-'));
  const catalog = {
    catalog: { id: 'refs', version: '1', locales: ['en'], sourceLocale: 'en', title: 'Refs' },
    categories: [{ id: 'things', title: 'Things', description: 'Things.' }],
    schemas: { Money: { type: 'integer' } },
    events: [
      { key: 'thing.created', category: 'things', title: 'Created', description: 'Created.', payload: { type: 'object', properties: { x: { $ref: ref } } } },
    ],
  };
  await writeFile(path.join(folder, 'catalog.yaml'), JSON.stringify(catalog));
  const { diagnostics } = await loadCatalog(folder);
  return diagnostics.filter((d) => d.code === 'HC303' || d.code === 'HC304').map((d) => [d.code, d.data]);
}

describe('a refused $ref says why', () => {
  it.each([
    ['https://example.com/money.json', 'HC304', 'remote'],
    ['file:///etc/passwd', 'HC304', 'remote'],
    ['urn:example:money', 'HC304', 'remote'],
    ['money.yaml#/Money', 'HC304', 'file'],
    ['/etc/passwd', 'HC304', 'file'],
    ['../money.yaml', 'HC304', 'file'],
    ['C:\\schemas\\money.json', 'HC304', 'file'],
    ['#/definitions/Money', 'HC303', 'not-shared'],
    ['#/schemas/Money/properties', 'HC303', 'not-shared'],
    ['#/schemas/Cash', 'HC303', 'unresolved'],
    [5, 'HC303', 'not-text'],
  ])('%j: %s %s', async (ref, code, kind) => {
    expect(await refusal(ref)).toEqual([[code, { ref: kind }]]);
  });

  it('accepts a shared schema', async () => {
    expect(await refusal('#/schemas/Money')).toEqual([]);
  });
});
