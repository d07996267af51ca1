/**
 * How an output session paces its work (`src/write/session.ts`, `Pacing`): the first files are
 * staged on the main thread, the rest go to the staging thread in batches bounded by files and by
 * characters, and `add` waits while more than `mostInFlight` bytes wait in the thread, but never
 * for the batch it has just sent. A stand-in stager holds each batch until the test releases it,
 * then stages it as the thread would.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrittenFolders } from '../../src/write/known-files.js';
import { OutputSession, PACING, type OwnedFile, type Pacing, type Stager } from '../../src/write/session.js';
import { stageFile, type StageRequest, type StageResult } from '../../src/write/stage-file.js';

let out: string;

beforeEach(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), 'hookcat-pacing-')), 'out');
});

afterEach(async () => {
  await rm(path.dirname(out), { recursive: true, force: true });
});

/** A stager that keeps every batch it is given until `release`, then stages it for real. */
class HeldStager implements Stager {
  readonly batches: Array<{ readonly requests: readonly StageRequest[]; release(): void }> = [];
  closed = false;

  constructor(private readonly holds: boolean) {}

  stage(requests: readonly StageRequest[]): Promise<readonly StageResult[]> {
    const staged = (): StageResult[] => requests.map((request) => stageFile(request));
    if (!this.holds) {
      this.batches.push({ requests, release: () => undefined });
      return Promise.resolve(staged());
    }
    return new Promise((resolve) => this.batches.push({ requests, release: () => resolve(staged()) }));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** The files of each batch, by path under the output folder. */
  files(): string[][] {
    return this.batches.map((batch) => batch.requests.map((request) => path.relative(out, request.target)));
  }
}

const files = (count: number, contents = 'x'): OwnedFile[] =>
  Array.from({ length: count }, (_, i) => ({ path: `f${i}.txt`, contents, catalog: 'shop', emitter: 'types' }));

function session(stager: Stager, pacing: Partial<Pacing>): OutputSession {
  const unlimited: Pacing = { onMainThread: 0, batchFiles: 1_000, batchChars: 1_000_000, mostInFlight: 1_000_000 };
  return new OutputSession(out, undefined, { check: false, known: new WrittenFolders().of(out), keep: false, stager, pacing: { ...unlimited, ...pacing } });
}

/** Lets every promise that can settle now settle. */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` has settled once everything that can run has run. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await settled();
  return done;
}

describe('the default pacing', () => {
  it('stages 128 files on the main thread and sends 64 files or 4 MiB at once, with at most 64 MiB waiting', () => {
    expect(PACING).toEqual({ onMainThread: 128, batchFiles: 64, batchChars: 4 * 1024 * 1024, mostInFlight: 64 * 1024 * 1024 });
  });
});

describe('a session pacing its files', () => {
  it('stages the first files on the main thread, then sends the rest in order, in batches of at most `batchFiles`', async () => {
    const stager = new HeldStager(false);
    const s = session(stager, { onMainThread: 2, batchFiles: 3 });
    await s.add(files(9));
    expect(stager.files()).toEqual([['f2.txt', 'f3.txt', 'f4.txt'], ['f5.txt', 'f6.txt', 'f7.txt'], ['f8.txt']]);
    // Staged on the main thread before `add` returned: already in the staging folder.
    expect(existsSync(path.join(out, `.hookcat-staging-${process.pid}`, 'new', 'f1.txt'))).toBe(true);
    const plan = await s.plan(() => true, { code: 'c', inputs: 'i' });
    expect(plan.changes.map((c) => c.path)).toEqual(files(9).map((f) => f.path));
    await s.commit(plan);
    expect(stager.closed).toBe(true);
  });

  it("counts the main thread's files across calls of `add`", async () => {
    const stager = new HeldStager(false);
    const s = session(stager, { onMainThread: 3 });
    await s.add(files(2));
    await s.add(files(5).slice(2));
    expect(stager.files()).toEqual([['f3.txt', 'f4.txt']]);
    await s.abort();
  });

  it('closes a batch once it holds `batchChars` characters', async () => {
    const stager = new HeldStager(false);
    const s = session(stager, { batchChars: 10 });
    // 5 characters a file: the second file reaches 10.
    await s.add(files(5, 'abcde'));
    expect(stager.files().map((batch) => batch.length)).toEqual([2, 2, 1]);
    await s.abort();
  });

  it('sends nothing when every file was staged on the main thread', async () => {
    const stager = new HeldStager(false);
    const s = session(stager, { onMainThread: 5 });
    await s.add(files(5));
    expect(stager.batches).toEqual([]);
    await s.abort();
  });
});

/** Whether `add` of `count` files of 8 bytes has returned before any batch is released, then after
 * each release in turn (oldest first). */
async function settledAsReleased(pacing: Partial<Pacing>, count: number): Promise<boolean[]> {
  const stager = new HeldStager(true);
  const s = session(stager, pacing);
  const added = s.add(files(count, '12345678'));
  const seen = [await hasSettled(added)];
  for (const batch of stager.batches) {
    batch.release();
    seen.push(await hasSettled(added));
  }
  await s.abort();
  return seen;
}

describe('a session bounding the bytes that wait in the staging thread', () => {
  it.each([
    // 24 bytes in three batches: more than 10 until two are written; the last one sent is never waited for.
    ['waits, oldest batch first, but not for the batch just sent', { batchFiles: 1, mostInFlight: 10 }, 3, [false, false, true, true]],
    // 24 bytes, more than 20; after the oldest batch, 16.
    ['stops waiting once what waits is within `mostInFlight`, batches left', { batchFiles: 1, mostInFlight: 20 }, 3, [false, true, true, true]],
    ['returns at once while what waits is within `mostInFlight`', { batchFiles: 1, mostInFlight: 16 }, 2, [true, true, true]],
    ['never waits for one batch larger than `mostInFlight` on its own', { mostInFlight: 4 }, 1, [true, true]],
  ] as const)('%s', async (_, pacing, count, expected) => {
    expect(await settledAsReleased(pacing, count)).toEqual(expected);
  });

  it("counts a released batch's bytes out of what waits", async () => {
    const stager = new HeldStager(true);
    const s = session(stager, { batchFiles: 1, mostInFlight: 10 });
    const first = s.add(files(2, '12345678'));
    stager.batches[0]!.release();
    await first;
    // 8 bytes left waiting; 8 more in one batch make 16, but only the new batch is more than one.
    const second = s.add([{ path: 'g.txt', contents: '12345678', catalog: 'shop', emitter: 'types' }]);
    expect(await hasSettled(second)).toBe(false);
    stager.batches[1]!.release();
    expect(await hasSettled(second)).toBe(true);
    stager.batches[2]!.release();
    await s.abort();
  });
});
