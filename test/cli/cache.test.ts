/**
 * The CLI keeps rendered output in `node_modules/.cache/hookcat` when the project has
 * `node_modules/`, or where `--cache` or the config says; `--no-cache` and `cache: false` keep
 * none. A run after an edit writes what a run without the cache writes.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTree, treeDifferences } from '../hostile/support/tree.js';
import { runCliIn } from '../support/cli-run.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-cli-cache-'));
  await cp('catalog/shop', path.join(dir, 'catalog', 'shop'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const DEFAULT = ['node_modules', '.cache', 'hookcat', 'outputs.cache'];

async function generate(...flags: string[]): Promise<void> {
  const run = await runCliIn(dir, 'generate', '--quiet', ...flags);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

describe('the cache of rendered output', () => {
  it('is in node_modules/.cache/hookcat when the project has node_modules, and a run after an edit writes what a run without it writes', async () => {
    await generate();
    expect(existsSync(path.join(dir, ...DEFAULT))).toBe(false);
    await mkdir(path.join(dir, 'node_modules'));
    await generate('--force');
    const cache = path.join(dir, ...DEFAULT);
    expect((await readFile(cache, 'utf8')).trimEnd().split('\n').length).toBeGreaterThan(10);
    const file = path.join(dir, 'catalog', 'shop', 'events', 'orders.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/title:\n(\s+)en: ([^\n]+)/, 'title:\n$1en: $2 (edited)');
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    await generate();
    await generate('--no-cache', '--out', 'uncached');
    expect(treeDifferences(await readTree(path.join(dir, 'generated')), await readTree(path.join(dir, 'uncached')))).toEqual([]);
  });

  it('goes where --cache or the config says, and nowhere with --no-cache or cache: false', async () => {
    await mkdir(path.join(dir, 'node_modules'));
    await generate('--cache', 'my-cache');
    expect(existsSync(path.join(dir, 'my-cache', 'outputs.cache'))).toBe(true);
    await writeFile(path.join(dir, 'hookcat.config.json'), JSON.stringify({ cache: 'config-cache' }));
    await generate('--force');
    expect(existsSync(path.join(dir, 'config-cache', 'outputs.cache'))).toBe(true);
    await writeFile(path.join(dir, 'hookcat.config.json'), JSON.stringify({ cache: false }));
    await generate('--force');
    await generate('--force', '--no-cache', '--out', 'other');
    expect(existsSync(path.join(dir, ...DEFAULT))).toBe(false);
  });

  it('is refused in the config unless a folder name or false', async () => {
    await writeFile(path.join(dir, 'hookcat.config.json'), JSON.stringify({ cache: true }));
    const run = await runCliIn(dir, 'generate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`cache` must be a folder name, or false');
  });

  it('that cannot be written leaves the run as it is', async () => {
    await writeFile(path.join(dir, 'blocked'), 'a file where the cache folder should be');
    await generate('--cache', 'blocked/cache');
    expect(existsSync(path.join(dir, 'generated', '.hookcat-manifest.json'))).toBe(true);
  });
});
