/**
 * File-system failures are the user's to fix: the CLI prints one line naming the path, what
 * went wrong and what to do, exits with 2, prints no stack trace, and leaves the output folder
 * exactly as it was (no staging folder, no journal, no file half-written or half-moved).
 * ENOTDIR, EISDIR and ENAMETOOLONG come from the kernel as they are; EACCES too, from a run as
 * another user (root passes every permission check); EROFS, ENOSPC and EPERM are thrown from
 * the real `node:fs` functions the writer calls (`support/fs-faults.ts`).
 */
import { spawn } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn, STACK_LINE, type CliRun } from '../support/cli-run.js';
import { folderState } from './support/folder-state.js';
import { injectFaults, type FaultPlan } from './support/fs-faults.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-fs-'));
  out = path.join(root, 'generated');
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'catalog', 'rich'), { recursive: true });
});

afterEach(async () => {
  await chmod(root, 0o700).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

const run = (...argv: string[]): Promise<CliRun> => runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet', ...argv);

/** Every file the next run rewrites: the catalog's version is in each one's header. */
async function changeVersion(): Promise<void> {
  const metadata = path.join(root, 'catalog', 'rich', 'catalog.yaml');
  await writeFile(metadata, (await readFile(metadata, 'utf8')).replace(/^(\s*)version: .*$/m, "$1version: '9.9'"));
}

/** One line, `hookcat: cannot <verb> <where>: <what to do> (<code>)`, exit code 2, no stack trace. */
function expectOneLine(result: CliRun, code: string, where: string): void {
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error/);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const escaped = where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(lines[0]).toMatch(new RegExp(`^hookcat: cannot (write|read) ${escaped}: [^\\n]+; [^\\n]+ \\(${code}\\)$`));
  expect(result.code).toBe(2);
}

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
    await changeVersion();
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
    await changeVersion();
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

  it('ENOSPC: the disk fills up while files are staged', async () => {
    expect((await run()).code).toBe(0);
    await changeVersion();
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
    await changeVersion();
    const before = folderState(out);
    // The CLI runs in the project folder: the writer's paths are relative to it.
    const types = path.join('generated', 'rich', 'types.ts');
    const result = await withFaults({ code: 'EPERM', when: (name, target) => name === 'renameSync' && target === types }, () => run());
    expectOneLine(result, 'EPERM', 'generated/rich/types.ts');
    expect(folderState(out)).toEqual(before);
  });

  it('EACCES: a folder this user may not write to, found while files are being moved into place', async () => {
    expect((await run()).code).toBe(0);
    await changeVersion();
    // Root may write anywhere: the run goes to an unprivileged user, for whom the catalog's folder is read-only.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      await chmod(root, 0o755);
      for (const entry of Object.keys(folderState(root))) await chown(path.join(root, entry), 65534, 65534);
      await chown(root, 65534, 65534);
    }
    await chmod(path.join(out, 'rich'), 0o555);
    const before = folderState(out);
    const result = await runCliProcess(asRoot ? 65534 : undefined);
    await chmod(path.join(out, 'rich'), 0o755);
    expectOneLine(result, 'EACCES', 'generated/rich/types.ts');
    expect(result.stderr).toContain('permission denied; make it writable for this user, or choose another --out');
    expect(folderState(out)).toEqual(before);
  });
});

/** `hookcat generate` in a process of its own in the project folder, as user `uid` when given. */
function runCliProcess(uid: number | undefined): Promise<CliRun> {
  const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid !== undefined && { uid, gid: uid, env: { ...process.env, HOME: root } }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
