/**
 * The journal: the intent record of a commit, written (and fsynced) before the first file is
 * moved, removed once the commit is whole. A run that finds one knows that the run before it
 * stopped part-way through its commit, and exactly what that commit was.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isOutputPath, parseManifest, type Manifest } from './manifest.js';
import { replaceFileSync } from './replace-file.js';

export const JOURNAL_FILE = '.hookcat-journal.json';

/** Staging folders are named `<prefix><pid>`, inside the output folder so the final renames stay on one disk. */
export const STAGING_PREFIX = '.hookcat-staging-';

export interface Journal {
  readonly generator: 'hookcat';
  /** The process that wrote it: while it is alive, the commit is its own business. */
  readonly pid: number;
  /** The staging folder, by name (directly under the output folder): `new/` holds the staged
   * files at their relative paths, `old/` the files they replace or that are removed. */
  readonly staging: string;
  /** Files moved from `<staging>/new/<path>` to `<path>` (alone, or with a folder the output lacked). */
  readonly files: readonly string[];
  /** Files that no catalog produces any more, moved to `<staging>/old/`. */
  readonly removals: readonly string[];
  /** The manifest once the commit is whole. */
  readonly manifest: Manifest;
}

/** What the output folder's journal says: nothing, the journal, or why it cannot be read. */
export type JournalState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly journal: Journal }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Writes the journal through a temporary file, fsynced, then renamed and the folder fsynced:
 * once this returns, the journal is on disk before any file is moved. */
export function writeJournal(outDir: string, journal: Journal): void {
  replaceFileSync(path.join(outDir, JOURNAL_FILE), JSON.stringify(journal), { durable: true });
  syncFolder(outDir);
}

export function removeJournal(outDir: string): void {
  rmSync(path.join(outDir, JOURNAL_FILE), { force: true });
}

/** Reads the journal of `outDir`, checking that it only names paths inside the folder. */
export function readJournal(outDir: string): JournalState {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, JOURNAL_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    throw error;
  }
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not JSON (${(error as Error).message})` };
  }
  const problem = journalProblem(journal);
  return problem === undefined ? { kind: 'read', journal } : { kind: 'unreadable', reason: problem };
}

function journalProblem(journal: Journal): string | undefined {
  if (journal === null || typeof journal !== 'object' || journal.generator !== 'hookcat') return 'it is not a hookcat journal';
  if (typeof journal.staging !== 'string' || !new RegExp(`^${STAGING_PREFIX}\\d+$`).test(journal.staging)) return 'it names no staging folder';
  if (!Number.isInteger(journal.pid)) return 'it names no process';
  for (const list of [journal.files, journal.removals]) {
    if (!Array.isArray(list)) return 'it lists no files';
    const outside = list.find((p) => typeof p !== 'string' || !isOutputPath(p));
    if (outside !== undefined) return `it lists \`${String(outside)}\`, which is not a path inside the output folder`;
  }
  const manifest = parseManifest(JSON.stringify(journal.manifest ?? null));
  return manifest.kind === 'unreadable' ? `its manifest cannot be read: ${manifest.reason}` : undefined;
}

/** Makes the folder's entries (a rename into it) durable. Not every system can open a folder for this. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
