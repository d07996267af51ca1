import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmitOptions, Emitter } from '../../src/emit/emitter.js';
import { markdownEmitter } from '../../src/emit/markdown.js';
import { generate, type GenerateOptions } from '../../src/generate.js';

let root: string;
let options: GenerateOptions;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-reuse-'));
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'catalog', 'rich'), { recursive: true });
  options = { catalogs: path.join(root, 'catalog'), out: path.join(root, 'generated'), projectRoot: root };
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** Counts the pages the docs emitter took from the earlier run instead of normalizing them. */
function countReuse(): { hits: number; misses: number } {
  const counts = { hits: 0, misses: 0 };
  const emitEach = markdownEmitter.emitEach!.bind(markdownEmitter);
  vi.spyOn(markdownEmitter as Required<Emitter>, 'emitEach').mockImplementation((catalog, given: EmitOptions) => {
    const reuse = given.reuse;
    const counted = (source: string): string | undefined => {
      const found = reuse?.(source);
      if (found === undefined) counts.misses++;
      else counts.hits++;
      return found;
    };
    return emitEach(catalog, { ...given, reuse: counted });
  });
  return counts;
}

async function editFirstTitle(): Promise<void> {
  const file = path.join(root, 'catalog', 'rich', 'events', 'members.yaml');
  const text = await readFile(file, 'utf8');
  const edited = text.replace('en: Someone created an account.', 'en: Someone created an account (edited).');
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
}

describe('reusing normalized pages', () => {
  it('takes unchanged pages from the last run and renders the rest, with the bytes of a fresh run', async () => {
    await generate(options);
    await editFirstTitle();
    const counts = countReuse();
    const result = await generate(options);
    expect(result.ok).toBe(true);
    expect(counts.hits).toBeGreaterThan(0);
    expect(counts.misses).toBeGreaterThan(0);
    vi.restoreAllMocks();
    const fresh = { ...options, out: path.join(root, 'fresh') };
    await generate(fresh);
    expect(await snapshot(options.out!)).toEqual(await snapshot(fresh.out!));
  });

  it('does not reuse a page edited by hand, and repairs it', async () => {
    await generate(options);
    // A page the catalog edit below leaves alone, so that only the hand edit can make it differ.
    const pages = Object.keys(await snapshot(options.out!)).filter((p) => p.includes('/et/events/') && !p.includes('member.joined'));
    const page = path.join(options.out!, pages[0]!);
    const original = await readFile(page, 'utf8');
    await writeFile(page, `${original}edited by hand\n`);
    await editFirstTitle();
    await generate(options);
    const fresh = { ...options, out: path.join(root, 'fresh') };
    await generate(fresh);
    expect(await snapshot(options.out!)).toEqual(await snapshot(fresh.out!));
  });

  it('reuses nothing from a manifest written by other code', async () => {
    await generate(options);
    const manifestPath = path.join(options.out!, '.hookcat-manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { code?: string };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, code: 'another version' }));
    await editFirstTitle();
    const counts = countReuse();
    await generate(options);
    expect(counts.hits).toBe(0);
    expect(counts.misses).toBeGreaterThan(0);
  });
});
