/**
 * EACCES comes from the kernel as it is, from a run as another user (root passes every
 * permission check): the CLI prints one line naming the path and what to do, exits with 2, and
 * leaves the output folder exactly as it was. The run is a process of its own (a user is per
 * process), so `npm run mutate` leaves this file out (vitest.mutate.config.ts).
 */
import { chmod, chown, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli-process.js';
import { type CliRun, runCliIn } from '../support/cli-run.js';
import { folderState } from './support/folder-state.js';
import { changeVersion, expectOneLine, richProject } from './support/rich-project.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await richProject();
  out = path.join(root, 'generated');
});

afterEach(async () => {
  await chmod(root, 0o700).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

it('EACCES: a folder this user may not write to, found while files are being moved into place', async () => {
  expect((await runCliIn(root, 'generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet')).code).toBe(0);
  await changeVersion(root);
  // Root may write anywhere: the run goes to an unprivileged user, for whom the catalog's folder is read-only.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chmod(root, 0o755);
    for (const entry of Object.keys(folderState(root))) await chown(path.join(root, entry), 65534, 65534);
    await chown(root, 65534, 65534);
  }
  await chmod(path.join(out, 'rich'), 0o555);
  const before = folderState(out);
  const result = await runGenerate(asRoot ? 65534 : undefined);
  await chmod(path.join(out, 'rich'), 0o755);
  expectOneLine(result, 'EACCES', 'generated/rich/types.ts');
  expect(result.stderr).toContain('permission denied; make it writable for this user, or choose another --out');
  expect(folderState(out)).toEqual(before);
});

/** `hookcat generate` in a process of its own in the project folder, as user `uid` when given. */
function runGenerate(uid: number | undefined): Promise<CliRun> {
  return runCliProcess(root, ['generate', '--catalogs', 'catalog', '--out', 'generated', '--quiet'], { uid });
}
