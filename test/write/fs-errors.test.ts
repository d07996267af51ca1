/**
 * File-system failures are the user's to fix: the CLI prints one line naming the path, what
 * went wrong and what to do, exits with 2, prints no stack trace, and leaves the output folder
 * exactly as it was (no staging folder, no journal, no file half-written or half-moved).
 * ENOTDIR, EISDIR and ENAMETOOLONG come from the kernel as they are; EROFS, ENOSPC and EPERM are
 * thrown from the real `node:fs` functions the writer calls (`support/fs-faults.ts`); EACCES, from
 * a run as another user, is in `fs-errors-other-user.test.ts`.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliRun, runCliIn } from '../support/cli-run.js';
import { folderState } from './support/folder-state.js';
import { type FaultPlan, injectFaults } from './support/fs-faults.js';
import { changeVersion, expectOneLine, richProject } from './support/rich-project.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await richProject();
  out = path.join(root, 'generated');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const run = (...argv: string[]): Promise<CliRun> => runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet', ...argv);

async function withFaults(plan: FaultPlan, work: () => Promise<CliRun>): Promise<CliRun> {
  const faults = injectFaults(plan);
  try {
    return await work();
  } finally {
    faults.restore();
    expect(faults.failed, 'the fault was reached').toBeGreaterThan(0);
  }
}

describe('file-system failures', () => {
  it('ENOTDIR: an output folder below a file', async () => {
    await writeFile(path.join(root, 'notes.txt'), 'mine\n');
    const result = await runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', 'notes.txt/generated');
    expectOneLine(result, 'ENOTDIR', 'notes.txt/generated');
    expect(await readFile(path.join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('ENOTDIR: a file where a new catalog folder goes, found while files are being moved into place', async () => {
    expect((await run()).code).toBe(0);
    await cp(path.join(root, 'catalog', 'rich'), path.join(root, 'catalog', 'extra'), { recursive: true });
    const metadata = path.join(root, 'catalog', 'extra', 'catalog.yaml');
    await writeFile(metadata, (await readFile(metadata, 'utf8')).replace(/^(\s*)id: rich$/m, '$1id: extra'));
    await changeVersion(root);
    await writeFile(path.join(out, 'extra'), 'mine\n');
    const before = folderState(out);
    expectOneLine(await run(), 'ENOTDIR', 'generated/extra');
    expect(folderState(out)).toEqual(before);
  });

  it('EISDIR: a folder where hookcat writes a file', async () => {
    expect((await run()).code).toBe(0);
    await rm(path.join(out, 'rich', 'types.ts'));
    await mkdir(path.join(out, 'rich', 'types.ts'));
    await writeFile(path.join(out, 'rich', 'types.ts', 'mine.txt'), 'mine\n');
    await changeVersion(root);
    const before = folderState(out);
    expectOneLine(await run(), 'EISDIR', 'generated/rich/types.ts');
    expect(folderState(out)).toEqual(before);
  });

  it('ENAMETOOLONG: an output folder name longer than the file system allows', async () => {
    const long = `out-${'x'.repeat(300)}`;
    expectOneLine(await runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', long), 'ENAMETOOLONG', long);
  });

  it('EROFS: a read-only disk, from the first folder made', async () => {
    const result = await withFaults({ code: 'EROFS', when: (name) => name === 'mkdirSync' }, () => run());
    expectOneLine(result, 'EROFS', 'generated');
    expect(result.stderr).toContain('the file system is read-only; choose an --out on a writable disk');
    expect(folderState(out)).toEqual({});
  });

  it("EROFS: a read-only disk where Node's recursive mkdir says ENOENT (as it does on a read-only mount)", async () => {
    const staging = (target: string): boolean => target.endsWith(`${path.sep}new`);
    const readOnly = injectFaults({ code: 'EROFS', when: (name, target) => name === 'mkdirSync' && !staging(target) });
    try {
      const result = await withFaults({ code: 'ENOENT', when: (name, target) => name === 'mkdirSync' && staging(target) }, () => run());
      expectOneLine(result, 'EROFS', 'generated');
    } finally {
      readOnly.restore();
    }
    expect(readOnly.failed).toBeGreaterThan(0);
    expect(folderState(out)).toEqual({});
  });

  it('ENOSPC: the disk fills up while files are staged', async () => {
    expect((await run()).code).toBe(0);
    await changeVersion(root);
    const before = folderState(out);
    const result = await withFaults({ code: 'ENOSPC', after: 5, when: (name) => name === 'writeSync' }, () => run());
    expect(result.stderr).toMatch(
      /^hookcat: cannot write generated\/rich\/\S+: no space left on the device; free some space, then run generate again \(ENOSPC\)\n$/,
    );
    expect(result.code).toBe(2);
    expect(folderState(out)).toEqual(before);
  });

  it('EPERM: a file that may not be replaced, found while files are being moved into place', async () => {
    expect((await run()).code).toBe(0);
    await changeVersion(root);
    const before = folderState(out);
    // The CLI runs in the project folder: the writer's paths are relative to it.
    const types = path.join('generated', 'rich', 'types.ts');
    const result = await withFaults({ code: 'EPERM', when: (name, target) => name === 'renameSync' && target === types }, () => run());
    expectOneLine(result, 'EPERM', 'generated/rich/types.ts');
    expect(folderState(out)).toEqual(before);
  });
});
