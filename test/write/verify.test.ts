/**
 * `--check` and `generate` with the inputs of the last run verify the files the manifest lists,
 * without emitting (`src/write/verify.ts`): a missing file is one to add, other bytes one to
 * change, files out of scope are not looked at, and a file the run context recorded as unchanged
 * on disk is trusted without reading it.
 */
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnownFiles } from '../../src/write/known-files.js';
import { hashOf, type Manifest } from '../../src/write/manifest.js';
import { verifyManifestFiles } from '../../src/write/verify.js';

let dir = '';
const texts: Record<string, string> = { 'shop/types.ts': 'export type A = 1;\n', 'shop/en/index.md': '# Shop\n', 'bank/types.ts': 'export type B = 2;\n' };
const manifest: Manifest = {
  generator: 'hookcat',
  files: Object.fromEntries(
    Object.entries(texts).map(([file, text]) => [
      file,
      { sha256: hashOf(text), catalog: file.split('/')[0]!, emitter: file.includes('/en/') ? 'docs' : 'types' },
    ]),
  ),
};
const everything = (): boolean => true;
/** Whole seconds: a time set again is then exactly the same. */
const WHEN = 1_700_000_000;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-verify-'));
  for (const [file, text] of Object.entries(texts)) {
    await writeFile(path.join(dir, file.replaceAll('/', '_')), text);
    await utimes(path.join(dir, file.replaceAll('/', '_')), WHEN, WHEN);
  }
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The manifest's files live flat in `dir` here: the manifest's paths, `/` written as `_`. */
const flat = (m: Manifest): Manifest => ({
  ...m,
  files: Object.fromEntries(Object.entries(m.files).map(([file, entry]) => [file.replaceAll('/', '_'), entry])),
});

describe('verifyManifestFiles', () => {
  it('counts every file with its recorded bytes as unchanged, and records each in the run context', () => {
    const known = new KnownFiles();
    expect(verifyManifestFiles(dir, flat(manifest), everything, known)).toEqual({ changes: [], unchanged: 3 });
    expect(known.get('shop_types.ts')?.sha256).toBe(hashOf(texts['shop/types.ts']!));
  });

  it('reports a missing file as one to add and a file with other bytes as one to change', async () => {
    await rm(path.join(dir, 'shop_en_index.md'));
    await writeFile(path.join(dir, 'bank_types.ts'), 'export type B = 3;\n');
    const known = new KnownFiles();
    expect(verifyManifestFiles(dir, flat(manifest), everything, known)).toEqual({
      changes: [
        { path: 'shop_en_index.md', kind: 'added' },
        { path: 'bank_types.ts', kind: 'changed' },
      ],
      unchanged: 1,
    });
    expect(known.get('bank_types.ts')).toBeUndefined();
  });

  it('looks only at the files in scope (an --only or --catalog run)', async () => {
    await rm(path.join(dir, 'shop_en_index.md'));
    const typesOnly = (_: string, entry: { emitter: string }): boolean => entry.emitter === 'types';
    expect(verifyManifestFiles(dir, flat(manifest), typesOnly, new KnownFiles())).toEqual({ changes: [], unchanged: 2 });
    const bankOnly = (_: string, entry: { catalog: string }): boolean => entry.catalog === 'bank';
    expect(verifyManifestFiles(dir, flat(manifest), bankOnly, new KnownFiles())).toEqual({ changes: [], unchanged: 1 });
  });

  it('trusts a file the run context recorded, while its size, mtime and inode are the same', async () => {
    const file = path.join(dir, 'shop_types.ts');
    const known = new KnownFiles();
    verifyManifestFiles(dir, flat(manifest), everything, known);
    // Other bytes of the same length, the mtime put back: only reading the file would tell.
    await writeFile(file, texts['shop/types.ts']!.replace('1', '9'));
    await utimes(file, WHEN, WHEN);
    expect(verifyManifestFiles(dir, flat(manifest), everything, known)).toEqual({ changes: [], unchanged: 3 });
    expect(verifyManifestFiles(dir, flat(manifest), everything, new KnownFiles()).changes).toEqual([{ path: 'shop_types.ts', kind: 'changed' }]);
  });

  it('reads a recorded file again when the manifest expects other bytes than the record', () => {
    const known = new KnownFiles();
    verifyManifestFiles(dir, flat(manifest), everything, known);
    const expectsOther: Manifest = {
      ...manifest,
      files: { ...manifest.files, 'shop/types.ts': { ...manifest.files['shop/types.ts']!, sha256: hashOf('other') } },
    };
    expect(verifyManifestFiles(dir, flat(expectsOther), everything, known).changes).toEqual([{ path: 'shop_types.ts', kind: 'changed' }]);
  });
});
