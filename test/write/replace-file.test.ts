/** Replacing a file whole: the new text, in full, under the same name; no temporary file left, whatever happens. */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFileSync } from '../../src/write/replace-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-replace-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('replaceFileSync', () => {
  it.each([false, true])('writes the whole text over the old file (durable: %s), and leaves nothing beside it', async (durable) => {
    const target = path.join(dir, 'manifest.json');
    await writeFile(target, 'old contents, longer than the new ones');
    const text = `{"ü":"${'\u{1f600}'.repeat(40_000)}"}\n`;
    replaceFileSync(target, text, { durable });
    expect(await readFile(target, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['manifest.json']);
  });

  it('starts the temporary file afresh when one of an earlier, killed run with the same process id is there', async () => {
    const target = path.join(dir, 'journal.json');
    await writeFile(`${target}.tmp-${process.pid}`, 'left by a run that was killed, much longer than the text');
    replaceFileSync(target, 'new', { durable: false });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['journal.json']);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes every file it opens', () => {
    const open = (): number => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) replaceFileSync(path.join(dir, `f${i}`), 'x', { durable: false });
    expect(open()).toBe(before);
  });

  it('throws when the file cannot be replaced, and removes its temporary file', async () => {
    const target = path.join(dir, 'taken');
    await mkdir(path.join(target, 'inside'), { recursive: true });
    expect(() => replaceFileSync(target, 'text', { durable: false })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/) }),
    );
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('throws when the temporary file cannot be made, and touches nothing', async () => {
    const target = path.join(dir, 'no-such-folder', 'file.json');
    expect(() => replaceFileSync(target, 'text', { durable: true })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(await readdir(dir)).toEqual([]);
  });
});
