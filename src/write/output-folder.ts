/** Where hookcat may write, and how it finds the output folder before a run: what the last run
 * left (a manifest, an unfinished commit, staging folders of killed runs) and whose files are there. */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isWithin, leavesFolder } from '../path-inside.js';
import { finishCommit } from './commit.js';
import { asFileSystemError } from './fs-error.js';
import { JOURNAL_FILE, readJournal, type Journal } from './journal.js';
import { MANIFEST_FILE, readManifest, type Manifest } from './manifest.js';

/** Raised for an output folder hookcat must not write to; the CLI prints its message. */
export class OutputFolderError extends Error {}

export interface OutputFolder {
  /** What the folder holds by its manifest; undefined for a new folder, or an unreadable
   * manifest being rebuilt (`force`). While checking an unfinished commit, the manifest it commits. */
  readonly previous: Manifest | undefined;
  /** Checking only: a killed run's commit is unfinished (a write finishes it first). */
  readonly interrupted: boolean;
}

export interface OpenOptions {
  /** Write nothing (an unfinished commit is reported, not finished). */
  readonly check: boolean;
  /** Rebuild an unreadable manifest from what this run writes. */
  readonly force: boolean;
  /** The catalogs folder, which must not overlap the output folder. */
  readonly catalogs: string;
}

/**
 * Opens `outDir` for a run: refuses a folder outside `projectRoot` or overlapping the catalogs
 * folder, a file in its place, and a folder with files but no manifest; finishes the commit of a run that was killed (its
 * journal) and removes what killed runs left; refuses an unreadable manifest unless `force`.
 */
export async function openOutputFolder(outDir: string, projectRoot: string, options: OpenOptions): Promise<OutputFolder> {
  try {
    return await open(outDir, projectRoot, options);
  } catch (error) {
    throw asFileSystemError(error, outDir) ?? error;
  }
}

async function open(outDir: string, projectRoot: string, options: OpenOptions): Promise<OutputFolder> {
  const relative = path.relative(await resolveLinks(projectRoot), await resolveLinks(outDir));
  if (relative === '' || leavesFolder(relative)) {
    throw new OutputFolderError(`the output folder ${outDir} is not inside the project (${projectRoot}); hookcat only writes below the project folder`);
  }
  await assertApart(outDir, options.catalogs);
  const stats = statSync(outDir, { throwIfNoEntry: false });
  if (stats !== undefined && !stats.isDirectory())
    throw new OutputFolderError(`the output folder ${outDir} is a file, not a folder; move it away or choose another --out`);
  const journal = unfinishedCommit(outDir);
  if (journal !== undefined && !options.check) finishCommit(outDir, journal);
  if (!options.check) removeAbandoned(outDir);
  if (journal !== undefined && options.check) return { previous: journal.manifest, interrupted: true };
  const manifest = await readManifest(outDir);
  if (manifest.kind === 'read') return { previous: manifest.manifest, interrupted: false };
  if (manifest.kind === 'unreadable') {
    if (options.force && !options.check) return { previous: undefined, interrupted: false };
    throw new OutputFolderError(
      `the manifest ${path.join(outDir, MANIFEST_FILE)} cannot be read: ${manifest.reason}; run \`hookcat generate --force\` to rebuild it from what this run writes (it deletes no file), or resolve it by hand`,
    );
  }
  const foreign = entriesOf(outDir).filter((e) => !e.startsWith('.'));
  if (foreign.length > 0) {
    throw new OutputFolderError(
      `the output folder ${outDir} holds files hookcat did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}) and no ${MANIFEST_FILE}; choose an empty or new folder`,
    );
  }
  return { previous: undefined, interrupted: false };
}

/** The journal of a killed run's commit, if any; refuses one that cannot be read, or one of a run still alive. */
function unfinishedCommit(outDir: string): Journal | undefined {
  const state = readJournal(outDir);
  if (state.kind === 'absent') return undefined;
  const file = path.join(outDir, JOURNAL_FILE);
  if (state.kind === 'unreadable') {
    throw new OutputFolderError(
      `${file}, the record of an unfinished write, cannot be read: ${state.reason}; delete it and run \`hookcat generate --force\`, which rewrites every file that differs`,
    );
  }
  const { pid } = state.journal;
  if (pid !== process.pid && isAlive(pid)) {
    throw new OutputFolderError(`another hookcat run (process ${pid}) is writing ${outDir} now; wait for it to finish, then run again`);
  }
  return state.journal;
}

/**
 * Refuses an output folder inside the catalogs folder, or a catalogs folder inside the output
 * folder: the next run would read its own output as catalog files.
 */
async function assertApart(outDir: string, catalogs: string): Promise<void> {
  const out = await resolveLinks(outDir);
  const input = await resolveLinks(catalogs);
  if (isWithin(out, input)) {
    throw new OutputFolderError(
      `the output folder ${outDir} is inside the catalogs folder ${catalogs}; hookcat would read its own output as catalogs: choose an --out outside it`,
    );
  }
  if (isWithin(input, out)) {
    throw new OutputFolderError(
      `the catalogs folder ${catalogs} is inside the output folder ${outDir}; hookcat owns that folder: move the catalogs out of it, or choose another --out`,
    );
  }
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

/** What a killed run leaves besides a journal: its staging folder and half-written temporary files, named with its process id. */
const LEFT_BY_A_RUN = /^\.hookcat-(?:staging-|journal\.json\.tmp-|manifest\.json\.(?:hookcat-)?tmp-)(\d+)$/;

/** Removes what runs no longer alive left in the folder (after their commit, if any, is finished). */
function removeAbandoned(outDir: string): void {
  for (const entry of entriesOf(outDir)) {
    const pid = LEFT_BY_A_RUN.exec(entry)?.[1];
    if (pid === undefined || (Number(pid) !== process.pid && isAlive(Number(pid)))) continue;
    try {
      rmSync(path.join(outDir, entry), { recursive: true, force: true });
    } catch (error) {
      throw asFileSystemError(error, path.join(outDir, entry)) ?? error;
    }
  }
}

/** The names in `folder`; none when it does not exist yet. */
function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw asFileSystemError(error, folder, 'read') ?? error;
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
