/**
 * The commit's steps on a small folder, called directly (`commit`, `finishCommit`, `rollBack`):
 * replaced, added and removed files, a folder the output lacked moved in whole, folders left empty
 * removed, and a stop after every single change of the disk, finished by the next run, or rolled
 * back when the error happens inside the process. `commit.test.ts` does the same through whole
 * `generate` runs; this file is fast enough to run for every mutant of `commit.ts`.
 */
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commit, finishCommit, rollBack } from '../../src/write/commit.js';
import { FileSystemError } from '../../src/write/fs-error.js';
import { JOURNAL_FILE, type Journal, readJournal, STAGING_PREFIX } from '../../src/write/journal.js';
import { hashOf, MANIFEST_FILE, type Manifest } from '../../src/write/manifest.js';
import { folderState } from './support/folder-state.js';
import { injectFaults } from './support/fs-faults.js';

let out: string;
const staging = `${STAGING_PREFIX}4242`;

beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'hookcat-commit-'));
});

afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

async function put(relative: string, contents: string): Promise<void> {
  await mkdir(path.dirname(path.join(out, relative)), { recursive: true });
  await writeFile(path.join(out, relative), contents);
}

const before: Record<string, string> = {
  'keep.txt': 'keep\n',
  'replace.txt': 'old\n',
  'gone/first.txt': 'removed before the deeper file below its folder\n',
  'gone/deep/only.txt': 'removed, and its folders with it\n',
  'mixed/gone.txt': 'removed, its folder stays\n',
  'mixed/stays.txt': 'stays\n',
  'docs/a.md': 'a\n',
};
const staged: Record<string, string> = {
  'replace.txt': 'new\n',
  'docs/b.md': 'added beside a file\n',
  'fresh/a.json': 'listed before the deeper files of its folder\n',
  'fresh/x/one.json': 'a folder the output lacked\n',
  'fresh/x/two.json': 'moved in with it\n',
  'fresh/y.json': 'and this one\n',
};
// A shallower file first: empty folders must still be removed deepest first.
const removals = ['gone/first.txt', 'gone/deep/only.txt', 'mixed/gone.txt'];

function manifestOf(files: Record<string, string>): Manifest {
  return {
    generator: 'hookcat',
    files: Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((p) => [p, { sha256: hashOf(files[p]!), catalog: 'shop', emitter: 'types' }]),
    ),
  };
}

const after: Record<string, string> = { ...before, ...staged };
for (const removed of removals) delete after[removed];

/** The output folder as the last run left it, with this run's files staged. */
async function prepare(): Promise<Journal> {
  for (const [p, c] of Object.entries(before)) await put(p, c);
  await writeFile(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifestOf(before), null, 2)}\n`);
  return prepareAgain();
}

/** What a whole commit leaves: the new files, the new manifest, no empty folder, no staging, no journal. */
async function committedState(): Promise<Record<string, string>> {
  const elsewhere = out;
  out = await mkdtemp(path.join(tmpdir(), 'hookcat-commit-clean-'));
  try {
    commit(out, await prepare());
    return folderState(out);
  } finally {
    await rm(out, { recursive: true, force: true });
    out = elsewhere;
  }
}

describe('a commit', () => {
  it('replaces, adds and removes files, moves a missing folder in whole, and leaves no trace of itself', async () => {
    commit(out, await prepare());
    const state = folderState(out);
    expect(Object.keys(state)).toEqual(
      [
        MANIFEST_FILE,
        'docs',
        'docs/a.md',
        'docs/b.md',
        'fresh',
        'fresh/a.json',
        'fresh/x',
        'fresh/x/one.json',
        'fresh/x/two.json',
        'fresh/y.json',
        'keep.txt',
        'mixed',
        'mixed/stays.txt',
        'replace.txt',
      ].sort(),
    );
    for (const [p, c] of Object.entries(after)) expect(await readFile(path.join(out, p), 'utf8')).toBe(c);
    expect(JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8'))).toEqual(manifestOf(after));
  });

  it('refuses a folder standing where it removes a file, naming it, and leaves the folder as it was', async () => {
    const journal = await prepare();
    await rm(path.join(out, 'mixed/gone.txt'));
    await mkdir(path.join(out, 'mixed/gone.txt'));
    const state = folderState(out);
    const error = (() => {
      try {
        commit(out, journal);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).code).toBe('EISDIR');
    expect((error as FileSystemError).path).toBe(path.join(out, 'mixed/gone.txt'));
    expect(folderState(out)).toEqual(Object.fromEntries(Object.entries(state).filter(([p]) => !p.startsWith(staging))));
  });
});

describe('a commit stopped after each change of the disk', () => {
  it('is finished by the next run, exactly as a whole commit, wherever it stopped', async () => {
    const clean = await committedState();
    let total = 0;
    for (let stopAfter = 0; ; stopAfter++) {
      await rm(out, { recursive: true, force: true });
      await mkdir(out);
      const journal = await prepare();
      // Every change from `stopAfter` on fails, the roll-back's too: as if the process were killed there.
      const faults = injectFaults({ code: 'EIO', after: stopAfter });
      let stopped = true;
      try {
        commit(out, journal);
        stopped = false;
      } catch {
        // Stopped.
      } finally {
        faults.restore();
      }
      if (!stopped) {
        total = stopAfter;
        break;
      }
      const left = readJournal(out);
      if (left.kind === 'read') finishCommit(out, left.journal);
      else {
        // Stopped before the journal was whole: nothing moved, the run starts again.
        expect(left.kind, `after ${stopAfter}`).toBe('absent');
        expect(folderState(out)['replace.txt'], `after ${stopAfter}`).toBe(hashOf('old\n'));
        await rm(path.join(out, staging), { recursive: true, force: true });
        for (const name of readdirSync(out)) if (name.startsWith(`${JOURNAL_FILE}.tmp`)) await rm(path.join(out, name));
        commit(out, await prepareAgain());
      }
      expect(folderState(out), `stopped after ${stopAfter} changes`).toEqual(clean);
    }
    expect(total).toBeGreaterThan(10);
  });

  it('is rolled back when one change fails inside the process: the folder is as before, the error names the output file', async () => {
    let failures = 0;
    for (let failAt = 0; ; failAt++) {
      await rm(out, { recursive: true, force: true });
      await mkdir(out);
      const journal = await prepare();
      const original = withoutStaging(folderState(out));
      const faults = injectFaults({ code: 'ENOSPC', after: failAt, times: 1 });
      let error: unknown;
      try {
        commit(out, journal);
      } catch (e) {
        error = e;
      } finally {
        faults.restore();
      }
      if (error === undefined) break;
      failures++;
      // The staging folder is the caller's to remove when no journal was written (see session.ts).
      expect(withoutStaging(folderState(out)), `failed at ${failAt}`).toEqual(original);
      expect(readJournal(out).kind).toBe('absent');
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      if (error instanceof FileSystemError) expect(error.path.startsWith(path.join(out, staging)), `failed at ${failAt}: ${error.path}`).toBe(false);
    }
    expect(failures).toBeGreaterThan(10);
  });

  it('rolls back a commit stopped part-way when asked, putting every file back', async () => {
    const journal = await prepare();
    const original = Object.fromEntries(Object.entries(folderState(out)).filter(([p]) => !p.startsWith(staging)));
    const faults = injectFaults({ code: 'EIO', after: 9 });
    try {
      expect(() => commit(out, journal)).toThrow();
    } finally {
      faults.restore();
    }
    expect(readJournal(out).kind).toBe('read');
    rollBack(out, journal);
    expect(folderState(out)).toEqual(original);
  });
});

function withoutStaging(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).filter(([p]) => !p.startsWith(staging)));
}

/** The staged files again, after an aborted first attempt removed the staging folder. */
async function prepareAgain(): Promise<Journal> {
  for (const [p, c] of Object.entries(staged)) await put(path.join(staging, 'new', p), c);
  return { generator: 'hookcat', pid: 4242, staging, files: Object.keys(staged), removals, manifest: manifestOf(after) };
}
