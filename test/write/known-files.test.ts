/**
 * The run context's record of output files (`src/write/known-files.ts`): one record per folder,
 * what it keeps of each file and within which budget, and when a file on disk is still the one
 * recorded. A wrong record makes a later run trust a file it should read again.
 */
import { mkdtemp, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_BUDGET, KEPT_CONTENTS, KnownFiles, unchangedOnDisk, WrittenFolders } from '../../src/write/known-files.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-known-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stats = { size: 3, mtimeMs: 1000, ino: 7 };

describe('WrittenFolders', () => {
  it('keeps one record per folder, however the path is written', () => {
    const folders = new WrittenFolders();
    const record = folders.of(path.join(dir, 'out'));
    record.rememberStat('a.ts', 'hash-a', 'abc', stats);
    expect(folders.of(`${path.join(dir, 'out')}/`)).toBe(record);
    expect(folders.of(path.join(dir, 'x', '..', 'out')).get('a.ts')?.sha256).toBe('hash-a');
    expect(folders.of(path.join(dir, 'other')).get('a.ts')).toBeUndefined();
  });
});

describe('KnownFiles', () => {
  it('records a file with its hash, stat and contents, and forgets it', () => {
    const known = new KnownFiles();
    known.rememberStat('a.ts', 'hash-a', 'abc', stats);
    expect(known.get('a.ts')).toEqual({ sha256: 'hash-a', contents: 'abc', ...stats });
    known.rememberStat('a.ts', 'hash-b', 'abd', { ...stats, ino: 8 });
    expect(known.get('a.ts')).toEqual({ sha256: 'hash-b', contents: 'abd', ...stats, ino: 8 });
    known.forget('a.ts');
    expect(known.get('a.ts')).toBeUndefined();
  });

  it('records nothing for a file that is not there, and forgets what it knew of it', () => {
    const known = new KnownFiles();
    known.rememberStat('a.ts', 'hash-a', 'abc', stats);
    known.rememberStat('a.ts', 'hash-a', 'abc', undefined);
    expect(known.get('a.ts')).toBeUndefined();
    known.remember('b.ts', path.join(dir, 'missing.ts'), 'hash-b', 'b');
    expect(known.get('b.ts')).toBeUndefined();
  });

  it('takes the stat from the disk', async () => {
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'abcdef');
    const known = new KnownFiles();
    known.remember('a.ts', file, 'hash-a', 'abcdef');
    const onDisk = await stat(file);
    expect(known.get('a.ts')).toEqual({ sha256: 'hash-a', contents: 'abcdef', size: 6, mtimeMs: onDisk.mtimeMs, ino: onDisk.ino });
  });

  it(`keeps contents of up to ${KEPT_CONTENTS} characters, not longer`, () => {
    const known = new KnownFiles();
    known.rememberStat('fits.ts', 'h1', 'x'.repeat(KEPT_CONTENTS), stats);
    known.rememberStat('long.ts', 'h2', 'x'.repeat(KEPT_CONTENTS + 1), stats);
    expect(known.get('fits.ts')?.contents).toHaveLength(KEPT_CONTENTS);
    expect(known.get('long.ts')).toEqual({ sha256: 'h2', contents: undefined, ...stats });
  });

  it(`keeps ${KEPT_BUDGET} characters of contents in all, and frees what it forgets or replaces`, () => {
    const known = new KnownFiles();
    const text = 'y'.repeat(KEPT_CONTENTS);
    const fill = KEPT_BUDGET / KEPT_CONTENTS;
    for (let i = 0; i < fill; i++) known.rememberStat(`${i}.md`, `h${i}`, text, stats);
    expect(known.get(`${fill - 1}.md`)?.contents).toBe(text);
    known.rememberStat('over.md', 'h', 'z', stats);
    expect(known.get('over.md')?.contents).toBeUndefined();
    known.forget('0.md');
    known.rememberStat('over.md', 'h', 'z', stats);
    expect(known.get('over.md')?.contents).toBe('z');
    // Replacing a file's record gives its characters back first.
    known.rememberStat('1.md', 'h1', `${text.slice(1)}w`, stats);
    expect(known.get('1.md')?.contents).toHaveLength(KEPT_CONTENTS);
    known.rememberStat('1.md', 'h1', undefined, stats);
    known.rememberStat('2.md', 'h2', undefined, stats);
    known.rememberStat('again.md', 'h', text.slice(0, KEPT_CONTENTS - 1), stats);
    expect(known.get('again.md')?.contents).toHaveLength(KEPT_CONTENTS - 1);
  });
});

describe('unchangedOnDisk', () => {
  const recorded = async (file: string): Promise<{ sha256: string; contents: undefined; size: number; mtimeMs: number; ino: number }> => {
    const s = await stat(file);
    return { sha256: 'h', contents: undefined, size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  };

  it('is true for the file as recorded, false once its size, mtime or inode differs or it is gone', async () => {
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'abc');
    const record = await recorded(file);
    expect(unchangedOnDisk(record, file)).toBe(true);
    expect(unchangedOnDisk({ ...record, size: record.size + 1 }, file)).toBe(false);
    expect(unchangedOnDisk({ ...record, mtimeMs: record.mtimeMs + 1 }, file)).toBe(false);
    expect(unchangedOnDisk({ ...record, ino: record.ino + 1 }, file)).toBe(false);
    expect(unchangedOnDisk(record, path.join(dir, 'missing.ts'))).toBe(false);
  });

  it('sees a file replaced by another of the same size and mtime (a new inode)', async () => {
    // Whole seconds: a time set again is then exactly the same.
    const when = 1_700_000_000;
    const file = path.join(dir, 'a.ts');
    await writeFile(file, 'abc');
    await utimes(file, when, when);
    const record = await recorded(file);
    const other = path.join(dir, 'b.ts');
    await writeFile(other, 'xyz');
    await utimes(other, when, when);
    await rename(other, file);
    expect((await stat(file)).mtimeMs).toBe(record.mtimeMs);
    expect(unchangedOnDisk(record, file)).toBe(false);
  });
});
