import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheFolder, readOutputCache, writeOutputCache } from '../../src/write/output-cache.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-cache-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const ENTRIES: [string, string][] = [
  ['key-1', 'text one'],
  ['key-2', 'text two\n'],
];

describe('the output cache on disk', () => {
  it('gives back what was written by the same code, and nothing to other code', async () => {
    const folder = path.join(root, 'same', 'deeper');
    expect(await writeOutputCache(folder, 'code-a', ENTRIES)).toBe(true);
    expect(await readOutputCache(folder, 'code-a')).toEqual(ENTRIES);
    expect(await readOutputCache(folder, 'code-b')).toEqual([]);
    expect(await readdir(folder)).toEqual(['outputs.cache']);
  });

  it('removes the file an earlier version of hookcat kept (outputs.json)', async () => {
    const folder = path.join(root, 'former');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'outputs.json'), '{"format":"hookcat output cache 2","code":"code"}\n');
    await writeOutputCache(folder, 'code', ENTRIES);
    expect(await readdir(folder)).toEqual(['outputs.cache']);
  });

  it('replaces the file whole', async () => {
    const folder = path.join(root, 'replaced');
    await writeOutputCache(folder, 'code', ENTRIES);
    await writeOutputCache(folder, 'code', [['key-3', 'three']]);
    expect(await readOutputCache(folder, 'code')).toEqual([['key-3', 'three']]);
  });

  it('reads a missing, damaged or foreign file as empty', async () => {
    expect(await readOutputCache(path.join(root, 'missing'), 'code')).toEqual([]);
    const folder = path.join(root, 'damaged');
    await writeOutputCache(folder, 'code', ENTRIES);
    const file = path.join(folder, 'outputs.cache');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 3));
    expect(await readOutputCache(folder, 'code')).toEqual([]);
    await writeFile(file, `${JSON.stringify({ format: 'something else', code: 'code' })}\n${JSON.stringify(['a', 1])}\nA\n`);
    expect(await readOutputCache(folder, 'code')).toEqual([]);
    const header = JSON.stringify({ format: 'hookcat output cache 3', code: 'code' });
    await writeFile(file, `${header}\n${JSON.stringify(['c', 3])}\nC\nD\n`);
    expect(await readOutputCache(folder, 'code')).toEqual([['c', 'C\nD']]);
    for (const damaged of [
      `${JSON.stringify(['c', 2])}\nC\nD\n`,
      `${JSON.stringify(['c', 4])}\nC\nD\n`,
      `${JSON.stringify(['c', -1])}\n\n`,
      `${JSON.stringify(['c', 1.5])}\nC\n`,
      `${JSON.stringify([1, 1])}\nC\n`,
      `${JSON.stringify(['c', 1, 2])}\nC\n`,
      `"c"\nC\n`,
      `${JSON.stringify(['c', 1])}`,
    ]) {
      await writeFile(file, `${header}\n${JSON.stringify(['a', 1])}\nA\n${damaged}`);
      expect(await readOutputCache(folder, 'code'), damaged).toEqual([]);
    }
  });

  it('gives back texts of any characters, by their UTF-8 length, and leaves out lone surrogates', async () => {
    const folder = path.join(root, 'characters');
    const texts: [string, string][] = [
      ['empty', ''],
      ['lines', '\n\n["x", 3]\n'],
      ['wide', 'é 日本 😀 \u2028'],
      ['key "quoted"\n\u0000', '{"a":1}'],
    ];
    await writeOutputCache(folder, 'code', [...texts, ['lone', 'a\ud800b'], ['after', 'kept']]);
    expect(await readOutputCache(folder, 'code')).toEqual([...texts, ['after', 'kept']]);
  });

  it('reports a folder it cannot write to as false, and leaves no temporary file', async () => {
    const blocked = path.join(root, 'blocked');
    await writeFile(blocked, 'a file where the folder should be');
    expect(await writeOutputCache(path.join(blocked, 'cache'), 'code', ENTRIES)).toBe(false);
    const folder = path.join(root, 'folder-as-file');
    await mkdir(path.join(folder, 'outputs.cache'), { recursive: true });
    expect(await writeOutputCache(folder, 'code', ENTRIES)).toBe(false);
    expect(await readdir(folder)).toEqual(['outputs.cache']);
  });

  it('is under node_modules/.cache by default, when the project has node_modules', async () => {
    const project = path.join(root, 'project');
    await mkdir(project);
    expect(defaultCacheFolder(project)).toBeUndefined();
    await mkdir(path.join(project, 'node_modules'));
    expect(defaultCacheFolder(project)).toBe(path.join(project, 'node_modules', '.cache', 'hookcat'));
  });
});
