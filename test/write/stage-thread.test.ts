/**
 * The staging thread, started here from the TypeScript sources (through tsx's loader), does what
 * staging on the main thread does, byte for byte; a failure on it keeps its errno code and the
 * file it came from; a session hands the files beyond its first few to it and keeps their order.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrittenFolders } from '../../src/write/known-files.js';
import { OutputSession, type OwnedFile } from '../../src/write/session.js';
import { stageFile, type StageRequest } from '../../src/write/stage-file.js';
import { StagingFailure, StagingThread } from '../../src/write/stage-thread.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-stage-'));
  await writeFile(path.join(dir, 'same.txt'), 'same\n');
  await writeFile(path.join(dir, 'other.txt'), 'before\n');
  await writeFile(path.join(dir, 'a-file'), 'not a folder\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Requests for a missing, an unchanged and a changed file, staged under `staged`. */
function requests(staged: string): StageRequest[] {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  return [
    { target: path.join(dir, 'new.txt'), temp: path.join(dir, staged, 'deep', 'new.txt'), bytes: bytes('new\n'), onDisk: { known: false } },
    { target: path.join(dir, 'same.txt'), temp: path.join(dir, staged, 'same.txt'), bytes: bytes('same\n'), onDisk: { known: false } },
    { target: path.join(dir, 'other.txt'), temp: path.join(dir, staged, 'other.txt'), bytes: bytes('after\n'), onDisk: { known: false } },
  ];
}

describe('the staging thread', () => {
  it('hashes, compares and stages exactly as the main thread does', async () => {
    const thread = new StagingThread();
    try {
      const onThread = await thread.stage(requests('thread'));
      const onMain = requests('main').map(stageFile);
      expect(onThread.map((r) => [r.sha256, r.kind])).toEqual(onMain.map((r) => [r.sha256, r.kind]));
      expect(onThread.map((r) => r.kind)).toEqual(['added', undefined, 'changed']);
      expect(await readFile(path.join(dir, 'thread', 'deep', 'new.txt'), 'utf8')).toBe('new\n');
      expect(await readFile(path.join(dir, 'thread', 'other.txt'), 'utf8')).toBe('after\n');
      expect(await readFile(path.join(dir, 'other.txt'), 'utf8')).toBe('before\n');
    } finally {
      await thread.close();
    }
  });

  it('reports a failure with its errno code and the file it came from', async () => {
    const thread = new StagingThread();
    try {
      const batch = requests('thread');
      batch.splice(1, 0, { ...batch[0]!, bytes: new TextEncoder().encode('x\n'), target: path.join(dir, 'x.txt'), temp: path.join(dir, 'a-file', 'x.txt') });
      const failure = await thread.stage(batch).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StagingFailure);
      expect((failure as StagingFailure).code).toBe('ENOTDIR');
      expect((failure as StagingFailure).index).toBe(1);
    } finally {
      await thread.close();
    }
  });

  it('keeps the process alive only while it owes answers: an idle thread never holds it', async () => {
    // A referenced worker shows as an active MessagePort; an unreferenced one does not.
    const held = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
    const idle = held();
    const thread = new StagingThread();
    try {
      const first = thread.stage(requests('first'));
      expect(held()).toBe(idle + 1);
      await first;
      expect(held()).toBe(idle);
      const both = [thread.stage(requests('second')), thread.stage(requests('third'))];
      expect(held()).toBe(idle + 1);
      await both[0];
      expect(held()).toBe(idle + 1);
      await both[1];
      expect(held()).toBe(idle);
    } finally {
      await thread.close();
    }
  });

  it('fails what it still owes when it stops before answering, and starts again for the next batch', async () => {
    const thread = new StagingThread();
    const owed = thread.stage(requests('first'));
    await thread.close();
    await expect(owed).rejects.toThrow(/^the staging thread stopped \(exit code \d+\)$/);
    try {
      const results = await thread.stage(requests('second'));
      expect(results.map((r) => r.kind)).toEqual(['added', undefined, 'changed']);
    } finally {
      await thread.close();
    }
  });

  it('takes the files of a session beyond the first ones staged on the main thread, in the order given', async () => {
    const files: OwnedFile[] = Array.from({ length: 400 }, (_, i) => ({
      path: `f/${String(i).padStart(3, '0')}.txt`,
      contents: `file ${i}\n`,
      catalog: 'c',
      emitter: 'e',
    }));
    const out = path.join(dir, 'out');
    const session = new OutputSession(out, undefined, { check: false, known: new WrittenFolders().of(out), keep: false });
    for (let i = 0; i < files.length; i += 50) await session.add(files.slice(i, i + 50));
    const plan = await session.plan(() => true, { code: 'c', inputs: 'i' });
    expect(plan.changes.map((c) => c.path)).toEqual(files.map((f) => f.path));
    await session.commit(plan);
    for (const file of [files[0]!, files[399]!]) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.contents);
  });
});
