import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeFingerprint, hashCatalogFiles, inputFingerprint } from '../src/fingerprint.js';
import { loadCatalogs } from '../src/load.js';
import { loadTemplates } from '../src/templates.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-fingerprint-'));
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'rich'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The catalog files' hash, from what the loader read. */
async function catalogsHash(): Promise<string> {
  return hashCatalogFiles(root, (await loadCatalogs([root])).read);
}

describe('input fingerprint', () => {
  it('is stable, and changes with any byte of a catalog file', async () => {
    const before = await catalogsHash();
    expect(await catalogsHash()).toBe(before);
    const file = path.join(root, 'rich', 'catalog.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')} `);
    expect(await catalogsHash()).not.toBe(before);
  });

  it('changes when a file is added, even one that fails to load, and back when it is removed', async () => {
    const before = await catalogsHash();
    const file = path.join(root, 'rich', 'events', 'broken.yaml');
    await writeFile(file, 'events: [');
    const broken = await catalogsHash();
    expect(broken).not.toBe(before);
    await rm(file);
    expect(await catalogsHash()).toBe(before);
  });

  it('changes with the templates and the code', async () => {
    const catalogs = await catalogsHash();
    const code = await codeFingerprint();
    const templates = await loadTemplates();
    const edited = { ...templates, pages: { ...templates.pages, event: `${templates.pages['event']}\n` } };
    const fingerprint = inputFingerprint(code, catalogs, templates);
    expect(inputFingerprint(code, catalogs, templates)).toBe(fingerprint);
    expect(inputFingerprint(code, catalogs, edited)).not.toBe(fingerprint);
    expect(inputFingerprint(code, catalogs, undefined)).not.toBe(fingerprint);
    expect(inputFingerprint(`${code}x`, catalogs, templates)).not.toBe(fingerprint);
  });
});
