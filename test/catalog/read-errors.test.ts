/**
 * A catalog the kernel will not let hookcat read: each problem is one diagnostic line naming the
 * file or folder and what to do, never an internal error with a stack trace, nor a line for
 * every file. Each run is a process of its own (a user and a file-handle limit are per process;
 * root passes every permission check, so the run goes to an unprivileged user), so
 * `npm run mutate` leaves this file out (vitest.mutate.config.ts).
 */
import { chmod, chown, cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli-process.js';
import { type CliRun, STACK_LINE } from '../support/cli-run.js';

const asRoot = process.getuid?.() === 0;
let root: string;
let catalog: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-read-'));
  catalog = path.join(root, 'rich');
  await cp(path.resolve('test/fixtures/rich/catalog'), catalog, { recursive: true });
});

afterEach(async () => {
  await restoreModes(root);
  await rm(root, { recursive: true, force: true });
});

it('an unreadable file, an unreadable folder below the catalog, and an unreadable catalog folder: one line each', async () => {
  await writeFile(path.join(catalog, 'events', 'more.yaml'), 'schemas: {}\n');
  const secret = path.join(catalog, 'secret');
  await cp(path.join(catalog, 'events', 'more.yaml'), path.join(secret, 'a.yaml'), { recursive: true });
  await giveAway(root);
  await chmod(path.join(catalog, 'events', 'more.yaml'), 0o000);
  await chmod(secret, 0o000);

  const run = await validate(['rich'], { user: true });
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(errorLines(run)).toEqual([
    'rich/events/more.yaml:1:1  error  HC100  file could not be read (EACCES) (permission denied; make it readable for this user)',
    'rich/secret:1:1  error  HC100  folder could not be read (EACCES) (permission denied; make it readable for this user)',
  ]);
  expect(run.code).toBe(1);

  // Listing the catalog folder itself is refused (it may still be entered, so catalog.yaml is found).
  await chmod(catalog, 0o311);
  const folder = await validate(['rich'], { user: true });
  expect(folder.stderr).not.toMatch(STACK_LINE);
  expect(errorLines(folder)).toEqual(['rich:1:1  error  HC100  folder could not be read (EACCES) (permission denied; make it readable for this user)']);
  expect(folder.code).toBe(1);
}, 60_000);

it('a catalog folder that cannot be entered, in a folder of catalogs and given alone: one line, never silence or "no catalog"', async () => {
  await cp(catalog, path.join(root, 'all', 'a'), { recursive: true });
  await cp(catalog, path.join(root, 'all', 'b'), { recursive: true });
  await giveAway(root);
  await chmod(path.join(root, 'all', 'b'), 0o000);
  await chmod(catalog, 0o000);

  const among = await validate(['all'], { user: true });
  expect(among.stderr).not.toMatch(STACK_LINE);
  expect(errorLines(among)).toEqual([
    'all/b/catalog.yaml:1:1  error  HC100  file could not be read (EACCES) (permission denied; make it readable for this user)',
  ]);
  expect(among.code).toBe(1);
  const alone = await validate(['rich'], { user: true });
  expect(errorLines(alone)).toEqual([
    'rich/catalog.yaml:1:1  error  HC100  file could not be read (EACCES) (permission denied; make it readable for this user)',
  ]);
  expect(alone.code).toBe(1);
}, 60_000);

it('a folder below the catalog that can be listed but not entered: a line for each YAML file in it, not events dropped in silence', async () => {
  await giveAway(root);
  await chmod(path.join(catalog, 'events'), 0o644);
  const run = await validate(['rich'], { user: true });
  const lines = errorLines(run);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/^rich\/events\/[^/]+\.yaml:1:1 {2}error {2}HC100 {2}could not be read \(EACCES\) \(permission denied/);
  expect(run.code).toBe(1);
}, 60_000);

it('reads a catalog of more files than the process may hold open at once', async () => {
  for (let i = 0; i < 300; i++) await writeFile(path.join(catalog, 'events', `part-${i}.yaml`), 'schemas: {}\n');
  const run = await validate(['rich'], { openFiles: 64 });
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(errorLines(run)).toEqual([]);
  expect(run.code).toBe(0);
}, 60_000);

/** The error lines of `hookcat validate` (stdout and stderr), warnings left out. */
function errorLines(run: CliRun): string[] {
  return `${run.stdout}${run.stderr}`.split('\n').filter((line) => /\s error\s/.test(line));
}

/** Makes `folder` and everything in it belong to the unprivileged user the run goes to. */
async function giveAway(folder: string): Promise<void> {
  if (!asRoot) return;
  await chown(folder, 65534, 65534);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await giveAway(full);
    else await chown(full, 65534, 65534);
  }
}

/** Undoes the modes the test set, so the folder can be removed. */
async function restoreModes(folder: string): Promise<void> {
  await chmod(folder, 0o755).catch(() => undefined);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await restoreModes(full);
    else await chmod(full, 0o644).catch(() => undefined);
  }
}

/** `hookcat validate <args>` in a process of its own in `root`: as the unprivileged user when
 * this runs as root and `user` is set, with at most `openFiles` file handles when given. */
function validate(args: readonly string[], options: { user?: boolean; openFiles?: number }): Promise<CliRun> {
  return runCliProcess(root, ['validate', ...args], { uid: options.user && asRoot ? 65534 : undefined, openFiles: options.openFiles });
}
