/** The manifest as read back: every way it can be damaged gets its reason, and only paths inside the output folder are owned. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemError } from '../../src/write/fs-error.js';
import { isOutputPath, MANIFEST_FILE, parseManifest, readManifest, recordsInputs, sealInputs, sortKeys } from '../../src/write/manifest.js';

const entry = { sha256: 'a'.repeat(64), catalog: 'shop', emitter: 'types' };
const manifest = (files: object, more: object = {}): string => JSON.stringify({ generator: 'hookcat', ...more, files }, null, 2);

describe('parseManifest', () => {
  it('reads a manifest', () => {
    expect(parseManifest(manifest({ 'shop/types.ts': entry }))).toEqual({
      kind: 'read',
      manifest: { generator: 'hookcat', files: { 'shop/types.ts': entry } },
    });
  });

  it.each([
    ['<<<<<<< HEAD', '<<<<<<<'],
    ['=======', '======='],
    ['>>>>>>> theirs', '>>>>>>>'],
  ])('finds the merge conflict marker %j at the start of a line, with its line number', (marker, found) => {
    const text = `{\n  "generator": "hookcat",\n${marker}\n  "files": {}\n}\n`;
    expect(parseManifest(text)).toEqual({ kind: 'unreadable', reason: `it holds a merge conflict (\`${found}\` on line 3)` });
  });

  it('takes neither a marker inside a line nor a shorter run of the same characters for a conflict', () => {
    expect(parseManifest(manifest({}, { code: 'x <<<<<<< y' })).kind).toBe('read');
    for (const text of ['= x\n', '> x\n', '< x\n', '<<<<<<<x\n'])
      expect(parseManifest(text)).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^it is not JSON \(/) });
  });

  it.each([
    ['null', 'null'],
    ['a list', '[]'],
    ['a string', '"hookcat"'],
    ['another generator', JSON.stringify({ generator: 'other', files: {} })],
    ['no files', JSON.stringify({ generator: 'hookcat' })],
    ['files null', JSON.stringify({ generator: 'hookcat', files: null })],
    ['files a string', JSON.stringify({ generator: 'hookcat', files: 'x' })],
  ])('refuses %s as not a hookcat manifest', (_, text) => {
    expect(parseManifest(text)).toEqual({ kind: 'unreadable', reason: 'it is not a hookcat manifest (no `generator: "hookcat"` and `files`)' });
  });

  it('refuses a path outside the output folder, and an entry without its hash', () => {
    expect(parseManifest(manifest({ '../x.ts': entry }))).toEqual({
      kind: 'unreadable',
      reason: 'it lists `../x.ts`, which is not a path inside the output folder',
    });
    for (const bad of [null, 'x', { catalog: 'shop' }, { sha256: 1 }]) {
      expect(parseManifest(manifest({ 'shop/types.ts': bad }))).toEqual({ kind: 'unreadable', reason: 'its entry for `shop/types.ts` has no sha256' });
    }
  });
});

describe('readManifest', () => {
  it('finds no manifest in a missing folder, and says what to fix when the manifest is a folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-manifest-'));
    try {
      expect(await readManifest(path.join(root, 'missing'))).toEqual({ kind: 'absent' });
      // An output folder below a file: nothing there yet (writing it will say what is in the way).
      await writeFile(path.join(root, 'a-file'), 'x');
      expect(await readManifest(path.join(root, 'a-file', 'out'))).toEqual({ kind: 'absent' });
      await mkdir(path.join(root, MANIFEST_FILE));
      const error = await readManifest(root).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileSystemError);
      expect(error).toMatchObject({
        code: 'EISDIR',
        message: expect.stringMatching(/^cannot read .+: a folder stands where hookcat writes a file; .+ \(EISDIR\)$/),
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('isOutputPath', () => {
  it.each(['shop/types.ts', 'shop/docs/en/events/order.created.md', 'a', 'shop/.hookcat-x', 'x..y/z', '.well-known/a'])('accepts %j', (relative) => {
    expect(isOutputPath(relative)).toBe(true);
  });

  it.each([
    '',
    '/etc/passwd',
    'shop\\types.ts',
    'shop/\0',
    'shop//types.ts',
    'shop/',
    './shop',
    'shop/./a',
    '..',
    'shop/../..',
    '.hookcat-staging/a',
    '.hookcat-journal.json',
  ])('refuses %j', (relative) => {
    expect(isOutputPath(relative)).toBe(false);
  });
});

describe('inputs sealed with the file list', () => {
  it('match the run that wrote them, and no longer once the list is edited', () => {
    const files = { 'shop/types.ts': entry };
    const sealed = { generator: 'hookcat' as const, inputs: sealInputs('inputs-1', files), files };
    expect(recordsInputs(sealed, 'inputs-1')).toBe(true);
    expect(recordsInputs(sealed, 'inputs-2')).toBe(false);
    expect(recordsInputs({ ...sealed, files: { 'shop/types.ts': { ...entry, sha256: 'b'.repeat(64) } } }, 'inputs-1')).toBe(false);
    expect(recordsInputs({ generator: 'hookcat', files }, 'inputs-1')).toBe(false);
  });
});

describe('sortKeys', () => {
  it('orders the keys', () => {
    expect(Object.keys(sortKeys({ b: 1, a: 2, c: 3 }))).toEqual(['a', 'b', 'c']);
  });
});
