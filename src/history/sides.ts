/**
 * The two sides of `hookcat diff`: a folder of catalogs, or the catalogs folder at a git ref
 * (copied out of the repository into a temporary folder, loaded with hookcat's own loader, and
 * removed again).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { displayPath } from '../catalog/load-catalog.js';
import { loadCatalogs } from '../load.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Catalog } from '../model/types.js';
import { extractFolder, locateInRepository, resolveCommit } from './git-tree.js';

export interface Side {
  /** How the side is shown: the folder, or `<ref>:<path>`. */
  readonly label: string;
  readonly catalogs: readonly Catalog[];
  readonly diagnostics: readonly Diagnostic[];
}

async function isFolder(given: string): Promise<boolean> {
  return (await stat(given).catch(() => undefined))?.isDirectory() === true;
}

/** A folder as one side: the folder itself, or every catalog in it. */
async function folderSide(folder: string, label: string): Promise<Side> {
  const { catalogs, diagnostics } = await loadCatalogs([folder]);
  return { label, catalogs, diagnostics };
}

/**
 * One side of the comparison. `given` is a folder when one exists by that name, else a git ref
 * (a commit, branch or tag), read from the repository holding `catalogsFolder`; undefined means
 * the catalogs folder as it is on disk (the working tree).
 */
export async function loadSide(given: string | undefined, catalogsFolder: string): Promise<Side> {
  if (given === undefined) return folderSide(catalogsFolder, displayPath(catalogsFolder));
  if (await isFolder(given)) return folderSide(given, displayPath(given));
  const { top, inside } = await locateInRepository(catalogsFolder);
  const commit = await resolveCommit(top, given);
  const label = `${given}:${inside}`;
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'hookcat-diff-'));
  try {
    if ((await extractFolder(top, commit, inside, temporary)) === 0) return { label, catalogs: [], diagnostics: [] };
    const side = await folderSide(temporary, label);
    const shown = displayPath(temporary);
    const diagnostics = side.diagnostics.map((d) => (d.file.startsWith(shown) ? { ...d, file: label + d.file.slice(shown.length) } : d));
    return { ...side, diagnostics };
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
