/**
 * The output folder through the CLI, as a user meets its mistakes: a run stopped before it
 * ever wrote a manifest, a manifest with a merge conflict, output and catalogs folders inside
 * each other. Each gets one line naming the folder and what to do, with exit code 1 (stale) or
 * 2 (refused), never a stack trace, and nothing written by a refused run.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { JOURNAL_FILE, MANIFEST_FILE } from '../../src/write.js';
import { runCliIn, STACK_LINE, type CliRun } from '../support/cli-run.js';
import { folderState } from './support/folder-state.js';
import { injectFaults } from './support/fs-faults.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-folder-'));
  out = path.join(root, 'generated');
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'catalog', 'rich'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const run = (...argv: string[]): Promise<CliRun> => runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet', ...argv);

/** Exit code 2 and exactly one line on stderr, matching `message`, without a stack trace. */
function expectRefused(result: CliRun, message: RegExp): void {
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.code).toBe(2);
}

async function cleanState(): Promise<Record<string, string>> {
  const elsewhere = path.join(root, 'clean');
  expect((await generate({ catalogs: path.join(root, 'catalog'), out: elsewhere, projectRoot: root })).ok).toBe(true);
  return folderState(elsewhere);
}

describe('a first run stopped before it wrote a manifest', () => {
  it('does not lock the folder: --check reports it unfinished and the next run finishes it', async () => {
    // Stopped once two files are in place (the disk refuses every change from then on).
    const journal = path.join(out, JOURNAL_FILE);
    const faults = injectFaults({ code: 'EIO', after: 2, when: () => existsSync(journal) });
    try {
      await expect(generate({ catalogs: path.join(root, 'catalog'), out, projectRoot: root })).rejects.toThrow();
    } finally {
      faults.restore();
    }
    const torn = folderState(out);
    expect(Object.keys(torn)).toEqual(expect.arrayContaining([JOURNAL_FILE, 'rich', 'rich/types.ts']));
    expect(Object.keys(torn)).not.toContain(MANIFEST_FILE);

    const check = await run('--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      `${JOURNAL_FILE}: left by a run that was stopped while moving its files into place; \`hookcat generate\` finishes that write`,
    );
    expect(folderState(out)).toEqual(torn);

    expect((await run()).code).toBe(0);
    expect(folderState(out)).toEqual(await cleanState());
  });

  it('does not lock the folder when it was stopped while staging', async () => {
    await writeFile(path.join(root, 'placeholder'), '');
    await cp(path.join(root, 'placeholder'), path.join(out, '.hookcat-staging-999999999', 'new', 'rich', 'types.ts'));
    expect((await run()).code).toBe(0);
    expect(folderState(out)).toEqual(await cleanState());
  });
});

describe('a manifest that cannot be read', () => {
  /** The manifest with a merge conflict on the hash of `rich/types.ts`, as git leaves it. */
  async function conflict(): Promise<void> {
    const file = path.join(out, MANIFEST_FILE);
    const text = await readFile(file, 'utf8');
    const line = /^ {6}"sha256": "[0-9a-f]+",\n(?= {6}"catalog": "rich",\n {6}"emitter": "types")/m;
    expect(text).toMatch(line);
    await writeFile(
      file,
      text.replace(line, (found) => `<<<<<<< HEAD\n${found}=======\n      "sha256": "${'0'.repeat(64)}",\n>>>>>>> other-branch\n`),
    );
  }

  it('gets its own message (also from --check), and --force rebuilds it, deleting no file', async () => {
    expect((await run()).code).toBe(0);
    await writeFile(path.join(out, 'rich', 'NOTES.md'), 'mine\n');
    // The next run no longer writes the `et` pages: only a readable manifest could tell they are hookcat's.
    const metadata = path.join(root, 'catalog', 'rich', 'catalog.yaml');
    await writeFile(metadata, (await readFile(metadata, 'utf8')).replace('locales: [en, et]', 'locales: [en]'));
    await conflict();
    const before = folderState(out);
    const message =
      /^hookcat: the manifest generated\/\.hookcat-manifest\.json cannot be read: it holds a merge conflict \(`<<<<<<<` on line \d+\); run `hookcat generate --force` to rebuild it from what this run writes \(it deletes no file\), or resolve it by hand$/;
    expectRefused(await run(), message);
    expectRefused(await run('--check'), message);
    expect(folderState(out)).toEqual(before);

    expect((await run('--force')).code).toBe(0);
    const after = folderState(out);
    expect(after['rich/NOTES.md']).toBe(before['rich/NOTES.md']);
    const etPages = Object.keys(before).filter((f) => f.startsWith('rich/et/'));
    expect(etPages.length).toBeGreaterThan(5);
    for (const page of etPages) expect(after[page], page).toBe(before[page]);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(manifest.files).filter((f) => f.startsWith('rich/et/'))).toEqual([]);
    expect((await run('--check')).code).toBe(0);
  });

  it.each([
    ['text that is not JSON', (text: string) => text.slice(0, text.length / 2), /cannot be read: it is not JSON \(.+\); run `hookcat generate --force`/],
    [
      'a path that leaves the folder',
      (text: string) => text.replace('"files": {', '"files": {\n    "../escape.txt": { "sha256": "0", "catalog": "rich", "emitter": "types" },'),
      /it lists `\.\.\/escape\.txt`, which is not a path inside the output folder/,
    ],
  ])('holding %s is refused with the reason', async (_, damage, message) => {
    expect((await run()).code).toBe(0);
    const file = path.join(out, MANIFEST_FILE);
    await writeFile(file, damage(await readFile(file, 'utf8')));
    const before = folderState(out);
    expectRefused(await run(), message);
    expect(folderState(out)).toEqual(before);
  });
});

describe('output and catalogs folders', () => {
  it.each([
    [
      'catalog/generated',
      /^hookcat: the output folder catalog\/generated is inside the catalogs folder catalog; hookcat would read its own output as catalogs/,
    ],
    ['catalog/rich/out', /^hookcat: the output folder catalog\/rich\/out is inside the catalogs folder catalog;/],
  ])('refuses an output folder inside the catalogs folder (%s)', async (folder, message) => {
    expectRefused(await runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', folder), message);
    expect(existsSync(path.join(root, folder))).toBe(false);
  });

  it('refuses a catalogs folder inside the output folder', async () => {
    expectRefused(
      await runCliIn(root, 'generate', '--catalogs', 'catalog/rich', '--out', 'catalog'),
      /^hookcat: the catalogs folder catalog\/rich is inside the output folder catalog; hookcat owns that folder/,
    );
  });
});
