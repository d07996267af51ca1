import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashCatalogFiles, inputFingerprint } from '../src/fingerprint.js';
import { loadTemplates } from '../src/templates.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-fingerprint-'));
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'rich'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('input fingerprint', () => {
  it('is stable, and changes with any byte of a catalog file', async () => {
    const before = await hashCatalogFiles(root);
    expect(await hashCatalogFiles(root)).toBe(before);
    const file = path.join(root, 'rich', 'catalog.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')} `);
    expect(await hashCatalogFiles(root)).not.toBe(before);
  });

  it('changes with the templates', async () => {
    const catalogs = await hashCatalogFiles(root);
    const templates = await loadTemplates();
    const edited = { ...templates, pages: { ...templates.pages, event: `${templates.pages['event']}\n` } };
    const fingerprint = await inputFingerprint(catalogs, templates);
    expect(await inputFingerprint(catalogs, templates)).toBe(fingerprint);
    expect(await inputFingerprint(catalogs, edited)).not.toBe(fingerprint);
    expect(await inputFingerprint(catalogs, undefined)).not.toBe(fingerprint);
  });
});
