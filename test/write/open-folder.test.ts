/**
 * Opening the output folder before a run (`openOutputFolder`), called directly: each refusal with
 * its whole message, what an unfinished commit and killed runs' leftovers do in a write and in a
 * check, and links that would carry the output out of the project.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, type Journal, STAGING_PREFIX, writeJournal } from '../../src/write/journal.js';
import { hashOf, MANIFEST_FILE, type Manifest } from '../../src/write/manifest.js';
import { openOutputFolder, OutputFolderError } from '../../src/write/output-folder.js';

let project: string;
let out: string;
let catalogs: string;

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'hookcat-open-'));
  out = path.join(project, 'generated');
  catalogs = path.join(project, 'catalog');
  await mkdir(catalogs);
});

afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const write = { check: false, force: false, catalogs: '' };
const open = (options: Partial<typeof write> = {}, target = out) => openOutputFolder(target, project, { ...write, catalogs, ...options });

const manifest = (files: Record<string, string>): Manifest => ({
  generator: 'hookcat',
  files: Object.fromEntries(Object.entries(files).map(([p, c]) => [p, { sha256: hashOf(c), catalog: 'shop', emitter: 'types' }])),
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputFolderError);
  return (error as Error).message;
}

describe('where the output folder may be', () => {
  it('refuses a folder outside the project, and the project folder itself', async () => {
    const elsewhere = path.join(tmpdir(), 'elsewhere');
    expect(await refusal(open({}, elsewhere))).toBe(
      `the output folder ${elsewhere} is not inside the project (${project}); hookcat only writes below the project folder`,
    );
    expect(await refusal(open({}, project))).toMatch(/^the output folder .+ is not inside the project/);
  });

  it('refuses a link inside the project that leads out of it, also through a folder not made yet', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'hookcat-outside-'));
    try {
      await symlink(outside, path.join(project, 'link'));
      expect(await refusal(open({}, path.join(project, 'link')))).toMatch(/is not inside the project/);
      expect(await refusal(open({}, path.join(project, 'link', 'not-yet', 'out')))).toMatch(/is not inside the project/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('accepts a folder whose name only starts with two dots, and refuses the folder above', async () => {
    expect(await open({}, path.join(project, '..generated'))).toEqual({ previous: undefined, interrupted: false });
    expect(await refusal(open({}, path.join(project, '..')))).toMatch(/is not inside the project/);
  });

  it('accepts a new folder several levels below the project', async () => {
    expect(await open({}, path.join(project, 'a', 'b', 'out'))).toEqual({ previous: undefined, interrupted: false });
  });

  it('refuses an output folder inside the catalogs folder, or the catalogs folder itself, and the other way round', async () => {
    const inside = path.join(catalogs, 'out');
    expect(await refusal(open({}, inside))).toBe(
      `the output folder ${inside} is inside the catalogs folder ${catalogs}; hookcat would read its own output as catalogs: choose an --out outside it`,
    );
    expect(await refusal(open({}, catalogs))).toMatch(/is inside the catalogs folder/);
    expect(await refusal(open({ catalogs: path.join(out, 'catalog') }))).toBe(
      `the catalogs folder ${path.join(out, 'catalog')} is inside the output folder ${out}; hookcat owns that folder: move the catalogs out of it, or choose another --out`,
    );
    // Beside each other, with a common prefix in their names, is fine.
    expect(await open({ catalogs: `${out}-catalog` })).toEqual({ previous: undefined, interrupted: false });
  });

  it('refuses a file in the place of the folder', async () => {
    await writeFile(out, 'a file\n');
    expect(await refusal(open())).toBe(`the output folder ${out} is a file, not a folder; move it away or choose another --out`);
  });
});

describe('what is in the folder', () => {
  it('returns the manifest of the last run', async () => {
    const last = manifest({ 'a.txt': 'a' });
    await mkdir(out);
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify(last));
    expect(await open()).toEqual({ previous: last, interrupted: false });
  });

  it('refuses files without a manifest, naming three of them; files starting with a dot do not count', async () => {
    await mkdir(out);
    await writeFile(path.join(out, '.gitignore'), '');
    expect(await open()).toEqual({ previous: undefined, interrupted: false });
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await writeFile(path.join(out, name), '');
    expect(await refusal(open())).toBe(
      `the output folder ${out} holds files hookcat did not write (a.txt, b.txt, c.txt) and no ${MANIFEST_FILE}; choose an empty or new folder`,
    );
    await writeFile(path.join(out, 'd.txt'), '');
    expect(await refusal(open())).toMatch(/ \(a\.txt, b\.txt, c\.txt, \.\.\.\) and no /);
  });

  it('refuses an unreadable manifest unless forced, and a check even when forced', async () => {
    await mkdir(out);
    await writeFile(path.join(out, MANIFEST_FILE), '{"generator": "other"}');
    const message = `the manifest ${path.join(out, MANIFEST_FILE)} cannot be read: it is not a hookcat manifest (no \`generator: "hookcat"\` and \`files\`); run \`hookcat generate --force\` to rebuild it from what this run writes (it deletes no file), or resolve it by hand`;
    expect(await refusal(open())).toBe(message);
    expect(await refusal(open({ check: true, force: true }))).toBe(message);
    expect(await open({ force: true })).toEqual({ previous: undefined, interrupted: false });
  });
});

describe('what earlier runs left', () => {
  const deadPid = 999_999_999;

  async function unfinished(pid: number): Promise<Journal> {
    const staging = `${STAGING_PREFIX}${deadPid}`;
    await mkdir(path.join(out, staging, 'new'), { recursive: true });
    await writeFile(path.join(out, staging, 'new', 'a.txt'), 'new a\n');
    await writeFile(path.join(out, 'a.txt'), 'old a\n');
    const journal: Journal = { generator: 'hookcat', pid, staging, files: ['a.txt'], removals: [], manifest: manifest({ 'a.txt': 'new a\n' }) };
    writeJournal(out, journal);
    return journal;
  }

  it('finishes a killed run’s commit before a write, and only reports it to a check', async () => {
    await mkdir(out);
    const journal = await unfinished(deadPid);
    expect(await open({ check: true })).toEqual({ previous: journal.manifest, interrupted: true });
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('old a\n');
    expect(existsSync(path.join(out, JOURNAL_FILE))).toBe(true);

    expect(await open()).toEqual({ previous: journal.manifest, interrupted: false });
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('new a\n');
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'a.txt']);
  });

  it('refuses to touch a folder another live run is writing', async () => {
    await mkdir(out);
    await unfinished(process.ppid);
    expect(await refusal(open())).toBe(`another hookcat run (process ${process.ppid}) is writing ${out} now; wait for it to finish, then run again`);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('old a\n');
  });

  it('refuses a journal it cannot read, saying what to do', async () => {
    await mkdir(out);
    await writeFile(path.join(out, JOURNAL_FILE), '{"generator": "hookcat"}');
    expect(await refusal(open())).toBe(
      `${path.join(out, JOURNAL_FILE)}, the record of an unfinished write, cannot be read: it names no staging folder; delete it and run \`hookcat generate --force\`, which rewrites every file that differs`,
    );
  });

  it('removes what killed runs and this process left before a write, never what a live run or anyone else left, and nothing in a check', async () => {
    await mkdir(out);
    await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify(manifest({})));
    const left = [
      `${STAGING_PREFIX}${deadPid}`,
      `${STAGING_PREFIX}${process.pid}`,
      `.hookcat-journal.json.tmp-${deadPid}`,
      `.hookcat-manifest.json.tmp-${deadPid}`,
      `.hookcat-manifest.json.hookcat-tmp-${deadPid}`,
    ];
    const kept = [`${STAGING_PREFIX}${process.ppid}`, '.hookcat-staging-x1', `.hookcat-other-${deadPid}`, `x${STAGING_PREFIX}${deadPid}`];
    for (const name of [...left, ...kept]) await mkdir(path.join(out, name));
    const all = [MANIFEST_FILE, ...left, ...kept].sort();
    await open({ check: true });
    expect(readdirSync(out).sort()).toEqual(all);
    await open();
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, ...kept].sort());
  });
});
