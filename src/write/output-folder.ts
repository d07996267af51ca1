/** Where hookcat may write, and how it leaves the output folder clean. */
import { readdir, realpath, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, readManifest, type Manifest } from './manifest.js';

/** Raised for an output folder hookcat must not write to; the CLI prints its message. */
export class OutputFolderError extends Error {}

/** Refuses output folders outside `projectRoot` and existing folders with foreign files but no manifest. */
export async function assertOwnedFolder(outDir: string, projectRoot: string): Promise<Manifest | undefined> {
  const relative = path.relative(await resolveLinks(projectRoot), await resolveLinks(outDir));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new OutputFolderError(`the output folder ${outDir} is not inside the project (${projectRoot}); hookcat only writes below the project folder`);
  }
  const manifest = await readManifest(outDir);
  if (manifest !== undefined) return manifest;
  const entries = await readdir(outDir).catch(() => [] as string[]);
  const foreign = entries.filter((e) => !e.startsWith('.'));
  if (foreign.length > 0) {
    throw new OutputFolderError(
      `the output folder ${outDir} holds files hookcat did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}) and no ${MANIFEST_FILE}; choose an empty or new folder`,
    );
  }
  return undefined;
}

/** The real path of `target`, or of its nearest existing ancestor plus the rest: a link
 * (for instance a committed `generated` link) must not carry the output out of the project. */
async function resolveLinks(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const real = await realpath(absolute).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await resolveLinks(parent), path.basename(absolute));
}

/** Removes a file hookcat wrote, then any folders it leaves empty (up to the output folder). */
export async function removeOwned(outDir: string, relative: string): Promise<void> {
  await rm(path.join(outDir, relative), { force: true });
  let dir = path.dirname(path.join(outDir, relative));
  const root = path.resolve(outDir);
  while (path.resolve(dir) !== root && path.resolve(dir).startsWith(root)) {
    const left = await readdir(dir).catch(() => ['?']);
    if (left.length > 0) break;
    await rmdir(dir).catch(() => undefined);
    dir = path.dirname(dir);
  }
}

/** Staging folders are named `<prefix><pid>`, inside the output folder so the final renames stay on one disk. */
export const STAGING_PREFIX = '.hookcat-staging-';

/** Removes staging folders left by runs that were killed (their process is gone). */
export async function removeAbandonedStaging(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(entry.slice(STAGING_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(outDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files read or written at once: enough to keep the disk busy, few enough for any fd limit. */
const BATCH = 32;

/** `work` over `items`, BATCH at a time, results in the order of `items`. */
export async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await Promise.all(items.slice(i, i + BATCH).map(work))));
  return results;
}
