/**
 * The read stage: the catalog folders found at the given paths, and each file's bytes and
 * digest, read once. Nothing is parsed here, and nothing heavy is imported, so a run whose
 * inputs turn out to be those the output was made from stops after this stage (and a hash).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { leavesFolder } from '../path-inside.js';
import { CATALOG_FILE, findCatalogs, isDirectory, listCatalogFiles, readCatalogBytes } from './files.js';

/** How paths appear in diagnostics: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(file));
  return (leavesFolder(relative) ? path.resolve(file) : relative).split(path.sep).join('/');
}

/** SHA-256 of a file's bytes: an unchanged file is recognised without decoding it again. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** One catalog file as read: its bytes (or why they could not be read) and their digest. */
export interface ReadFile {
  /** Path inside the catalog folder, `/` separators. */
  readonly relative: string;
  /** Path as diagnostics show it. */
  readonly shown: string;
  readonly result: { readonly bytes: Buffer } | { readonly diagnostic: Diagnostic };
  /** Digest of the bytes; empty when they could not be read. */
  readonly digest: string;
}

/** One catalog folder as read. */
export interface ReadFolder {
  readonly folder: string;
  /** Problems found while listing it (links leaving it, loops...) or reading it. */
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly ReadFile[];
}

/** One file as the input fingerprint counts it. */
export interface FileDigest {
  readonly relative: string;
  readonly digest: string;
}

/** Every file of one catalog folder as read, for the input fingerprint. */
export interface FolderDigests {
  readonly folder: string;
  readonly files: readonly FileDigest[];
}

/** What the read stage found at the paths a run was given. */
export interface CatalogReads {
  readonly folders: readonly ReadFolder[];
  /** Paths that are not folders, or hold no catalog. */
  readonly diagnostics: readonly Diagnostic[];
}

function notAFolder(folder: string, hint: string, message = `${displayPath(folder)} is not a folder`): Diagnostic {
  return { code: 'HC105', severity: 'error', file: displayPath(folder), line: 1, column: 1, message, hint };
}

/** Reads one catalog folder: its file list and every file's bytes. */
export async function readCatalogFolder(folder: string): Promise<ReadFolder> {
  if (!(await isDirectory(folder))) return { folder, diagnostics: [notAFolder(folder, 'give a catalog folder')], files: [] };
  const listing = await listCatalogFiles(folder, (f) => displayPath(f));
  // A folder that could not be listed has said so: that line is the one to read.
  if (!listing.listed) {
    return { folder, diagnostics: listing.diagnostics, files: [] };
  }
  if (!listing.files.includes(CATALOG_FILE)) {
    const message = `${displayPath(folder)} is not a catalog folder: it has no ${CATALOG_FILE}`;
    const hint = `create ${CATALOG_FILE} with a \`catalog:\` block, or point hookcat at the right folder`;
    return { folder, diagnostics: [...listing.diagnostics, notAFolder(folder, hint, message)], files: [] };
  }
  const files = await readEach(listing.files, async (relative): Promise<ReadFile> => {
    const shown = displayPath(path.join(folder, relative));
    const result = await readCatalogBytes(path.join(folder, relative), shown);
    return { relative, shown, result, digest: 'bytes' in result ? digestOf(result.bytes) : '' };
  });
  return { folder, diagnostics: listing.diagnostics, files };
}

/** Files read at once: a catalog of thousands of files must not use up the process's file
 * handles (EMFILE), which would fail every file read after the limit. */
export const READS_AT_ONCE = 16;

/** `read` of every item, at most `READS_AT_ONCE` at a time, results in the items' order. */
async function readEach<T>(items: readonly string[], read: (item: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, reader));
  return results;
}

/** Reads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function readCatalogs(paths: readonly string[]): Promise<CatalogReads> {
  const folders: ReadFolder[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    if (!(await isDirectory(given))) {
      diagnostics.push(notAFolder(given, 'give a catalog folder or a folder of catalogs'));
      continue;
    }
    const found = await findCatalogs(given, (file) => displayPath(file));
    diagnostics.push(...found.diagnostics);
    if (found.folders.length === 0 && found.diagnostics.length === 0) {
      diagnostics.push(notAFolder(given, `a catalog is a folder with a ${CATALOG_FILE}`, `no catalog found in ${displayPath(given)}`));
    }
    for (const folder of found.folders) folders.push(await readCatalogFolder(folder));
  }
  return { folders, diagnostics };
}

/** The digests of every file read, by folder: what the input fingerprint hashes. */
export function digestsOf(reads: CatalogReads): FolderDigests[] {
  return reads.folders.map(({ folder, files }) => ({ folder, files: files.map(({ relative, digest }) => ({ relative, digest })) }));
}
