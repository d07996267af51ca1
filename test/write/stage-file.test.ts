/**
 * Staging one file and one batch, in this thread (`src/write/stage-file.ts`): the hash, how the
 * file on disk compares (missing, below a file, unreadable, the same, known by its stat), the
 * `stat` a later run recognises the file by, and a batch's answer, with the failing file's index.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageBatch, stageFile, type StageRequest } from '../../src/write/stage-file.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-stage-file-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const statOf = (file: string): { size: number; mtimeMs: number; ino: number } => {
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
};

function request(target: string, text: string, temp = path.join(dir, 'staged', target)): StageRequest {
  return { target: path.join(dir, target), temp, bytes: bytes(text), onDisk: { known: false } };
}

describe('staging one file', () => {
  it("adds a missing file: hashes it, writes it to its staging path (making folders) and gives that file's stat", async () => {
    const result = stageFile(request('new.txt', 'new\n'));
    const staged = path.join(dir, 'staged', 'new.txt');
    expect(result).toEqual({ sha256: sha256('new\n'), kind: 'added', stat: statOf(staged) });
    expect(await readFile(staged, 'utf8')).toBe('new\n');
  });

  it('adds a file whose folder is a file in the output (ENOTDIR)', async () => {
    await writeFile(path.join(dir, 'a-file'), 'x');
    expect(stageFile(request('a-file/below.txt', 'below\n')).kind).toBe('added');
  });

  it('changes a file it cannot read (a folder in its place)', async () => {
    await mkdir(path.join(dir, 'folder.txt'));
    expect(stageFile(request('folder.txt', 'text\n')).kind).toBe('changed');
  });

  it("leaves a file that holds the same bytes, with that file's stat, and stages nothing", async () => {
    await writeFile(path.join(dir, 'same.txt'), 'same\n');
    const result = stageFile(request('same.txt', 'same\n'));
    expect(result).toEqual({ sha256: sha256('same\n'), kind: undefined, stat: statOf(path.join(dir, 'same.txt')) });
    expect(statSync(path.join(dir, 'staged'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('only compares when given no staging path', async () => {
    await writeFile(path.join(dir, 'old.txt'), 'old\n');
    expect(stageFile({ ...request('old.txt', 'new\n'), temp: undefined })).toEqual({ sha256: sha256('new\n'), kind: 'changed' });
    expect(statSync(path.join(dir, 'staged'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('trusts a file known by its stat: its recorded hash decides, the file is not read', async () => {
    await writeFile(path.join(dir, 'known.txt'), 'what the disk holds\n');
    const known = (recorded: string): StageRequest => ({ ...request('known.txt', 'new\n'), onDisk: { known: true, sha256: recorded } });
    expect(stageFile(known(sha256('new\n'))).kind).toBeUndefined();
    expect(stageFile(known(sha256('old\n'))).kind).toBe('changed');
  });

  it('hashes only the bytes of its view of a larger buffer', () => {
    const whole = bytes('xxnew\nyy');
    const result = stageFile({ ...request('view.txt', ''), bytes: whole.subarray(2, 6) });
    expect(result.sha256).toBe(sha256('new\n'));
  });
});

describe('staging a batch', () => {
  it('answers with the results in order, under the batch id', () => {
    const answer = stageBatch({ id: 7, requests: [request('a.txt', 'a\n'), request('b.txt', 'b\n')] });
    const staged = (name: string, text: string) => ({ sha256: sha256(text), kind: 'added', stat: statOf(path.join(dir, 'staged', name)) });
    expect(answer).toEqual({ id: 7, results: [staged('a.txt', 'a\n'), staged('b.txt', 'b\n')] });
  });

  it('stops at the first failure and answers with its message, errno code and index', async () => {
    await writeFile(path.join(dir, 'a-file'), 'x');
    const blocked = request('c.txt', 'c\n', path.join(dir, 'a-file', 'c.txt'));
    const answer = stageBatch({ id: 3, requests: [request('a.txt', 'a\n'), blocked, request('d.txt', 'd\n')] });
    expect(answer).toEqual({ id: 3, error: { message: expect.stringContaining('ENOTDIR'), code: 'ENOTDIR', index: 1 } });
    expect(statSync(path.join(dir, 'staged', 'd.txt'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('answers a failure without an errno code with none', () => {
    const throwing = { ...request('e.txt', 'e\n'), bytes: undefined } as unknown as StageRequest;
    const answer = stageBatch({ id: 1, requests: [throwing] });
    expect(answer).toMatchObject({ id: 1, error: { index: 0, code: undefined } });
  });
});
