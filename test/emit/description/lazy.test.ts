/**
 * remark is loaded only when some description has markdown syntax: a run on plain texts does
 * not pay for it. Each run in a process of its own, which reports the modules it loaded.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(REPO, 'test/write/support/loaded-packages.ts');
const MARKDOWN_PACKAGES = ['remark', 'remark-parse', 'remark-stringify', 'unified', 'micromark', 'mdast-util-from-markdown', 'mdast-util-to-markdown'];
const scratch: string[] = [];

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function packagesLoaded(catalogs: string): Promise<{ ok: boolean; stages: string[]; packages: string[] }> {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  const out = await mkdtemp(path.join(REPO, '.scratch', 'lazy-'));
  scratch.push(out);
  const options = { catalogs: path.join(REPO, catalogs), out: path.join(out, 'generated'), projectRoot: REPO };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), SCRIPT, JSON.stringify(options)], { cwd: REPO });
  return JSON.parse(stdout) as { ok: boolean; stages: string[]; packages: string[] };
}

describe('loading remark for descriptions', () => {
  it('does not load it for a catalog whose descriptions are plain text', async () => {
    const run = await packagesLoaded('test/fixtures/locales/catalog');
    expect(run.ok).toBe(true);
    expect(run.stages).toContain('emit:docs');
    expect(run.packages.filter((name) => MARKDOWN_PACKAGES.includes(name))).toEqual([]);
  }, 60_000);

  it('loads it when a description has markdown', async () => {
    const run = await packagesLoaded('test/fixtures/hostile/markdown-subset/catalog');
    expect(run.ok).toBe(true);
    expect(run.packages).toEqual(expect.arrayContaining(['remark', 'micromark', 'mdast-util-from-markdown']));
  }, 60_000);
});
