/**
 * The commit under a journal, stopped part-way: the disk is frozen after the k-th change a
 * write makes (every later change fails, as if the process had been killed there), for k at
 * the edges and at seeded random places of the commit. After each stop, `--check` passes only
 * a folder that is exactly a clean run's output, and the next generate leaves exactly that.
 * An error inside the process (not a stop) rolls the commit back instead.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateOptions } from '../../src/generate.js';
import { FileSystemError, JOURNAL_FILE } from '../../src/write.js';
import { folderState } from './support/folder-state.js';
import { injectFaults } from './support/fs-faults.js';
import { seededRandom } from '../support/seeded-random.js';
import { makeVersionedProject, type VersionedProject } from './support/versions.js';

let project: VersionedProject;
let options: GenerateOptions;
let clean: VersionedProject['clean'];

beforeAll(async () => {
  project = await makeVersionedProject({ rich: path.resolve('test/fixtures/rich/catalog') });
  ({ options, clean } = project);
});

afterAll(async () => {
  await rm(project.root, { recursive: true, force: true });
});

/** The output folder as a clean run of version `a` leaves it, and the catalogs at version `b`. */
async function fromAToB(): Promise<void> {
  await project.restore('a');
  await project.use('b');
}

describe('a write stopped part-way', () => {
  it('is never passed by --check while torn, and the next generate leaves exactly a clean run', async () => {
    expect(clean.a).not.toEqual(clean.b);
    // How many changes the write from a to b makes, and which one starts the commit (the journal).
    await fromAToB();
    const targets: string[] = [];
    const probe = injectFaults({ code: 'EIO', after: Number.POSITIVE_INFINITY, when: (_, target) => targets.push(target) > 0 });
    try {
      expect((await generate(options)).ok).toBe(true);
    } finally {
      probe.restore();
    }
    expect(folderState(options.out!)).toEqual(clean.b);
    const journalAt = targets.findIndex((t) => path.basename(t).startsWith(`${JOURNAL_FILE}.tmp-`));
    expect(journalAt).toBeGreaterThan(0);
    const total = targets.length;
    expect(total - journalAt).toBeGreaterThan(20);
    const random = seededRandom(20261206);
    const stops = new Set([0, 1, journalAt - 1, journalAt, journalAt + 1, journalAt + 2, journalAt + 3, total - 1, total - 2, total - 3, total - 4, total - 5]);
    while (stops.size < 20) stops.add(journalAt + Math.floor(random() * (total - journalAt)));
    let tornSeen = 0;
    for (const stop of [...stops].sort((x, y) => x - y)) {
      await fromAToB();
      const faults = injectFaults({ code: 'EIO', after: stop });
      try {
        await expect(generate(options), `stopped after change ${stop} of ${total}`).rejects.toThrow();
      } finally {
        faults.restore();
      }
      const torn = folderState(options.out!);
      if (Object.keys(torn).includes(JOURNAL_FILE)) tornSeen++;
      const check = await generate({ ...options, check: true });
      expect(folderState(options.out!), 'a check writes nothing').toEqual(torn);
      if (check.ok) expect(torn, `--check passed the folder stopped after change ${stop}`).toEqual(clean.b);
      if (JSON.stringify(torn) === JSON.stringify(clean.b)) expect(check.ok).toBe(true);
      expect((await generate(options)).ok).toBe(true);
      expect(folderState(options.out!), `repaired after a stop at change ${stop}`).toEqual(clean.b);
    }
    // Most stops fell inside the commit, where the journal was on disk.
    expect(tornSeen).toBeGreaterThan(10);
  }, 300_000);

  it('is finished by a run that is itself stopped while finishing it, then by the next', async () => {
    // Stopped in the middle of its commit: a journal, some files moved in, some not.
    const stopMidCommit = async (): Promise<void> => {
      await fromAToB();
      const journal = path.join(options.out!, JOURNAL_FILE);
      const faults = injectFaults({ code: 'EIO', after: 12, when: () => existsSync(journal) });
      try {
        await expect(generate(options)).rejects.toThrow();
      } finally {
        faults.restore();
      }
      expect(Object.keys(folderState(options.out!))).toContain(JOURNAL_FILE);
    };
    // How many changes finishing it takes (the rest of the run emits nothing new to stage).
    await stopMidCommit();
    const probe = injectFaults({ code: 'EIO', after: Number.POSITIVE_INFINITY });
    try {
      expect((await generate(options)).ok).toBe(true);
    } finally {
      probe.restore();
    }
    expect(folderState(options.out!)).toEqual(clean.b);
    const stops = [0, 1, 2, 3, 5, 8, 13, 21, 34].filter((k) => k < probe.calls);
    expect(stops.length).toBeGreaterThan(5);
    for (const stop of stops) {
      await stopMidCommit();
      const faults = injectFaults({ code: 'EIO', after: stop });
      try {
        await expect(generate(options)).rejects.toThrow();
      } finally {
        faults.restore();
      }
      const torn = folderState(options.out!);
      const check = await generate({ ...options, check: true });
      if (check.ok) expect(torn).toEqual(clean.b);
      expect((await generate(options)).ok).toBe(true);
      expect(folderState(options.out!), `repaired after the finishing run stopped at change ${stop}`).toEqual(clean.b);
    }
  }, 300_000);

  it('rolls the whole commit back on an error inside the process, and says what to fix in one line', async () => {
    await fromAToB();
    // Some files are already in place when the disk fills up.
    const faults = injectFaults({ code: 'ENOSPC', after: 10, times: 1, when: (name, target) => name === 'renameSync' && !target.includes(JOURNAL_FILE) });
    let error: unknown;
    try {
      error = await generate(options).catch((e: unknown) => e);
    } finally {
      faults.restore();
    }
    expect(faults.failed).toBe(1);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(/^cannot write \S+: no space left on the device; free some space, then run generate again \(ENOSPC\)$/);
    expect(folderState(options.out!)).toEqual(clean.a);
  });
});
