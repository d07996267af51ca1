/**
 * What this process last wrote or found in each output folder: per file its hash, its `stat`
 * (size, mtime, inode) and, for small files, the very string it was made from. A rerun in the
 * same process (watch mode, repeated API calls) then tells an unchanged file from one `stat`,
 * without reading or hashing it; a file edited by anyone else since has another mtime, size or
 * inode, and is read and compared again.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export interface KnownFile {
  readonly sha256: string;
  /** The output string, for files up to `KEPT_CONTENTS`: the same string handed in again needs no hashing. */
  readonly contents: string | undefined;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Larger outputs (bundles, whole-catalog files) are hashed again rather than kept. */
export const KEPT_CONTENTS = 256 * 1024;

const folders = new Map<string, Map<string, KnownFile>>();

/** The record of one output folder (relative path -> file). */
export function knownFiles(outDir: string): Map<string, KnownFile> {
  const key = path.resolve(outDir);
  let known = folders.get(key);
  if (known === undefined) folders.set(key, (known = new Map()));
  return known;
}

/** Characters of kept strings per folder at most: the per-event files of a large catalog, not every page too. */
export const KEPT_BUDGET = 64 * 1024 * 1024;
const keptChars = new WeakMap<Map<string, KnownFile>, number>();

/** Records `target` as holding `contents` (hash `sha256`), as it is on disk now. */
export function remember(known: Map<string, KnownFile>, relative: string, target: string, sha256: string, contents: string | undefined): void {
  rememberStat(known, relative, sha256, contents, statSync(target, { throwIfNoEntry: false }));
}

export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** `remember` with the file's `stat` taken elsewhere (undefined: there is no file). */
export function rememberStat(known: Map<string, KnownFile>, relative: string, sha256: string, contents: string | undefined, stats: FileStat | undefined): void {
  forget(known, relative);
  if (stats === undefined) return;
  const kept = keptChars.get(known) ?? 0;
  const keep = contents !== undefined && contents.length <= KEPT_CONTENTS && kept + contents.length <= KEPT_BUDGET;
  if (keep) keptChars.set(known, kept + contents.length);
  known.set(relative, { sha256, contents: keep ? contents : undefined, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino });
}

export function forget(known: Map<string, KnownFile>, relative: string): void {
  const old = known.get(relative)?.contents?.length ?? 0;
  if (old > 0) keptChars.set(known, (keptChars.get(known) ?? 0) - old);
  known.delete(relative);
}

/** True when `target` is still exactly the file recorded. */
export function unchangedOnDisk(file: KnownFile, target: string): boolean {
  const stats = statSync(target, { throwIfNoEntry: false });
  return stats !== undefined && stats.size === file.size && stats.mtimeMs === file.mtimeMs && stats.ino === file.ino;
}
