/**
 * The journal of a commit (`src/write/journal.ts`) read back: what it must hold to be trusted,
 * each refusal with its reason, and a write that fails leaving no temporary file.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, type Journal, readJournal, removeJournal, STAGING_PREFIX, writeJournal } from '../../src/write/journal.js';
import { injectFaults } from './support/fs-faults.js';

let out: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'hookcat-journal-'));
});

afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const journal: Journal = {
  generator: 'hookcat',
  pid: 4242,
  staging: `${STAGING_PREFIX}4242`,
  files: ['a.txt', 'deep/b.json'],
  removals: ['gone.md'],
  manifest: { generator: 'hookcat', files: { 'a.txt': { sha256: 'x', catalog: 'c', emitter: 'e' } } },
};

async function reasonFor(value: unknown): Promise<string | undefined> {
  await writeFile(path.join(out, JOURNAL_FILE), typeof value === 'string' ? value : JSON.stringify(value));
  const state = readJournal(out);
  return state.kind === 'unreadable' ? state.reason : state.kind;
}

describe('a journal', () => {
  it('is written whole and read back as it was, then removed', async () => {
    writeJournal(out, journal);
    expect(readJournal(out)).toEqual({ kind: 'read', journal });
    expect(JSON.parse(await readFile(path.join(out, JOURNAL_FILE), 'utf8'))).toEqual(journal);
    expect(await readdir(out)).toEqual([JOURNAL_FILE]);
    removeJournal(out);
    expect(readJournal(out)).toEqual({ kind: 'absent' });
    removeJournal(out);
  });

  it('is absent when the folder is missing, or a file stands in its place', async () => {
    expect(readJournal(path.join(out, 'missing'))).toEqual({ kind: 'absent' });
    await writeFile(path.join(out, 'file'), '');
    expect(readJournal(path.join(out, 'file'))).toEqual({ kind: 'absent' });
  });

  it('that cannot be read for another reason is an error, not an absent journal', async () => {
    await mkdir(path.join(out, JOURNAL_FILE));
    expect(() => readJournal(out)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it.each([
    ['text that is not JSON', '{"generator": "hookcat",', /^it is not JSON \(/],
    ['null', null, 'it is not a hookcat journal'],
    ['a list', [journal], 'it is not a hookcat journal'],
    ['another generator', { ...journal, generator: 'other' }, 'it is not a hookcat journal'],
    ['no staging folder', { ...journal, staging: undefined }, 'it names no staging folder'],
    ['a staging folder of another name', { ...journal, staging: '.hookcat-staging-12x' }, 'it names no staging folder'],
    ['a staging folder outside', { ...journal, staging: `../${STAGING_PREFIX}1` }, 'it names no staging folder'],
    ['no process', { ...journal, pid: '4242' }, 'it names no process'],
    ['a fractional process', { ...journal, pid: 1.5 }, 'it names no process'],
    ['no list of files', { ...journal, files: 'a.txt' }, 'it lists no files'],
    ['no list of removals', { ...journal, removals: undefined }, 'it lists no files'],
    ['a path leaving the folder', { ...journal, files: ['a.txt', '../escape'] }, 'it lists `../escape`, which is not a path inside the output folder'],
    ['a removal that is not a string', { ...journal, removals: [7] }, 'it lists `7`, which is not a path inside the output folder'],
    [
      'one of hookcat’s own files',
      { ...journal, removals: ['.hookcat-manifest.json'] },
      'it lists `.hookcat-manifest.json`, which is not a path inside the output folder',
    ],
    ['no manifest', { ...journal, manifest: undefined }, 'its manifest cannot be read: it is not a hookcat manifest (no `generator: "hookcat"` and `files`)'],
    [
      'a manifest listing a path outside',
      { ...journal, manifest: { generator: 'hookcat', files: { '/etc/passwd': { sha256: 'x' } } } },
      'its manifest cannot be read: it lists `/etc/passwd`, which is not a path inside the output folder',
    ],
  ])('holding %s is refused with its reason', async (_, value, reason) => {
    const found = await reasonFor(value);
    if (typeof reason === 'string') expect(found).toBe(reason);
    else expect(found).toMatch(reason);
  });

  it('with empty lists is read', async () => {
    expect(await reasonFor({ ...journal, files: [], removals: [] })).toBe('read');
  });

  it('whose write fails leaves neither a journal nor its temporary file', async () => {
    for (const after of [0, 1, 2]) {
      const faults = injectFaults({ code: 'ENOSPC', after, times: 1 });
      try {
        expect(() => writeJournal(out, journal)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
      } finally {
        faults.restore();
      }
      expect(await readdir(out), `failed after ${after}`).toEqual([]);
    }
  });
});
