/**
 * The commit: staged files renamed into place, files no catalog produces any more removed, the
 * manifest written, under a journal, so that a process killed at any moment leaves a folder the
 * next run finishes, and an error inside the process leaves the folder as it was.
 *
 * 1. Every changed file is already staged under `<staging>/new/`, at its relative path.
 * 2. The journal (`journal.ts`) is written and fsynced.
 * 3. Each file to remove, and each file to replace, is moved to `<staging>/old/`; each staged
 *    file is renamed into place, or, when the output lacks its folder, that whole folder at once.
 * 4. The manifest is written; folders left empty, the staging folder and last the journal go.
 *
 * Every step of 3 and 4 first looks at what is already done, so repeating them after a kill
 * finishes the commit (`finishCommit`). An error in step 3 or in the manifest's write moves
 * everything back from `old/` (`rollBack`) and removes the journal; if even that fails, the
 * journal stays and the next run finishes the commit.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { asFileSystemError } from './fs-error.js';
import { removeJournal, writeJournal, type Journal } from './journal.js';
import { writeManifestSync } from './manifest.js';

/** Commits the staged files of `journal` (see above). */
export function commit(outDir: string, journal: Journal): void {
  writeJournal(outDir, journal);
  try {
    moveIntoPlace(outDir, journal);
    writeManifestSync(outDir, journal.manifest);
  } catch (error) {
    try {
      rollBack(outDir, journal);
    } catch {
      // The journal stays: the next run finishes the commit.
    }
    throw error;
  }
  cleanUp(outDir, journal);
}

/** Finishes the commit a killed run left (its journal): steps 3 and 4 again. */
export function finishCommit(outDir: string, journal: Journal): void {
  moveIntoPlace(outDir, journal);
  writeManifestSync(outDir, journal.manifest);
  cleanUp(outDir, journal);
}

/** The folders of a staging folder: new files, and the files they replace. */
export function stagingParts(outDir: string, staging: string): { readonly fresh: string; readonly old: string } {
  return { fresh: path.join(outDir, staging, 'new'), old: path.join(outDir, staging, 'old') };
}

function moveIntoPlace(outDir: string, journal: Journal): void {
  const { fresh, old } = stagingParts(outDir, journal.staging);
  const folders = new FolderCache();
  for (const relative of journal.removals) {
    const target = path.join(outDir, relative);
    if (exists(target)) move(target, path.join(old, relative), folders, target);
  }
  const isFolder = new Map<string, boolean>();
  const existing = (folder: string): boolean => {
    let found = isFolder.get(folder);
    if (found === undefined) isFolder.set(folder, (found = statSync(path.join(outDir, folder), { throwIfNoEntry: false })?.isDirectory() ?? false));
    return found;
  };
  for (const relative of journal.files) {
    const staged = path.join(fresh, relative);
    // Gone from staging: moved already, alone or with its folder.
    if (!exists(staged)) continue;
    const folder = firstMissingFolder(relative, existing);
    if (folder !== undefined) {
      move(path.join(fresh, folder), path.join(outDir, folder), folders, path.join(outDir, folder));
      isFolder.set(folder, true);
      continue;
    }
    const target = path.join(outDir, relative);
    const replaced = path.join(old, relative);
    if (exists(target) && !exists(replaced)) move(target, replaced, folders, target);
    move(staged, target, folders, target);
  }
}

/** Puts every file back where it was before `moveIntoPlace`, then removes the staging folder and the journal. */
export function rollBack(outDir: string, journal: Journal): void {
  const { fresh, old } = stagingParts(outDir, journal.staging);
  const folders = new FolderCache();
  for (const relative of [...journal.files].reverse()) {
    const target = path.join(outDir, relative);
    const staged = path.join(fresh, relative);
    const replaced = path.join(old, relative);
    if (!present(staged) && present(target)) move(target, staged, folders, target);
    if (present(replaced)) move(replaced, target, folders, target);
  }
  for (const relative of [...journal.removals].reverse()) {
    const replaced = path.join(old, relative);
    const target = path.join(outDir, relative);
    if (present(replaced)) move(replaced, target, folders, target);
  }
  removeEmptyFolders(outDir, journal.files);
  rmSync(path.join(outDir, journal.staging), { recursive: true, force: true });
  removeJournal(outDir);
}

function cleanUp(outDir: string, journal: Journal): void {
  removeEmptyFolders(outDir, journal.removals);
  rmSync(path.join(outDir, journal.staging), { recursive: true, force: true });
  removeJournal(outDir);
}

/** Renames `from` to `to`, making `to`'s folder first; a failure names `shown`, the output path the user knows. */
function move(from: string, to: string, folders: FolderCache, shown: string): void {
  try {
    folders.make(path.dirname(to));
    renameSync(from, to);
  } catch (error) {
    throw asFileSystemError(error, shown) ?? error;
  }
}

/** Folders made on the way, so each is made once. */
class FolderCache {
  private readonly made = new Set<string>();

  make(folder: string): void {
    if (this.made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }
}

/** The outermost folder on the way to `relative` that the output folder lacks (`a` of `a/b/c.json`). */
function firstMissingFolder(relative: string, existing: (folder: string) => boolean): string | undefined {
  const parts = relative.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (!existing(folder)) return folder;
  }
  return undefined;
}

/** Removes the folders on the way to each of `files` that are empty now, deepest first, up to (not including) `outDir`. */
function removeEmptyFolders(outDir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const relative of files) for (let dir = path.posix.dirname(relative); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir);
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const full = path.join(outDir, folder);
    try {
      if (readdirSync(full).length === 0) rmdirSync(full);
    } catch {
      // Not there, or not empty: nothing to do.
    }
  }
}

/** True when a file (not a folder) is at `file`; false too when a file stands on the way (ENOTDIR). */
function present(file: string): boolean {
  try {
    const found = lstatSync(file, { throwIfNoEntry: false });
    return found !== undefined && !found.isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/** True when something is at `file`. A folder where hookcat moves or removes a file is not
 * hookcat's to move (it would go with the staging folder): that is an error. */
function exists(file: string): boolean {
  const found = lstatOf(file);
  if (found?.isDirectory() === true) throw asFileSystemError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), file);
  return found !== undefined;
}

/** `lstat`, undefined when nothing is there; other failures (a file on the way: ENOTDIR) name the path. */
function lstatOf(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw asFileSystemError(error, file) ?? error;
  }
}
