/** A fresh folder under the project's `.scratch/` for one test file, removed after it. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The project's scratch folder, the `projectRoot` outputs under it are checked against. */
export const SCRATCH = path.resolve('.scratch');

/** Registers hooks that make `.scratch/<prefix>XXXXXX` before the file's tests and remove it after;
 * the returned function gives its path (once the tests run). */
export function scratchFolder(prefix: string): () => string {
  let root: string | undefined;
  beforeAll(async () => {
    await mkdir(SCRATCH, { recursive: true });
    root = await mkdtemp(path.join(SCRATCH, prefix));
  });
  afterAll(() => (root === undefined ? undefined : rm(root, { recursive: true, force: true })));
  return () => {
    if (root === undefined) throw new Error('the scratch folder is made before the tests run');
    return root;
  };
}
