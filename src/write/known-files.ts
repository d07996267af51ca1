/**
 * What a run context learned of each output folder: per file its hash, its `stat` (size, mtime,
 * inode) and, for small files, the very string it was made from. A later run with the same
 * context (watch mode, repeated API calls) then tells an unchanged file from one `stat`,
 * without reading or hashing it; a file edited by anyone else since has another mtime, size or
 * inode, and is read and compared again. It lives in the run context, never in module state.
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

export interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Larger outputs (bundles, whole-catalog files) are hashed again rather than kept. */
export const KEPT_CONTENTS = 256 * 1024;

/** Characters of kept strings per folder at most: the per-event files of a large catalog, not every page too. */
export const KEPT_BUDGET = 64 * 1024 * 1024;

/** The record of every output folder a run context wrote or verified, by resolved path. */
export class WrittenFolders {
  private readonly folders = new Map<string, KnownFiles>();

  /** The record of `outDir` (made empty the first time). */
  of(outDir: string): KnownFiles {
    const key = path.resolve(outDir);
    let known = this.folders.get(key);
    if (known === undefined) this.folders.set(key, (known = new KnownFiles()));
    return known;
  }
}

/** The record of one output folder: relative path -> file as last written or verified. */
export class KnownFiles {
  private readonly files = new Map<string, KnownFile>();
  private keptChars = 0;

  get(relative: string): KnownFile | undefined {
    return this.files.get(relative);
  }

  /** Records `target` as holding `contents` (hash `sha256`), as it is on disk now. */
  remember(relative: string, target: string, sha256: string, contents: string | undefined): void {
    this.rememberStat(relative, sha256, contents, statSync(target, { throwIfNoEntry: false }));
  }

  /** `remember` with the file's `stat` taken elsewhere (undefined: there is no file). */
  rememberStat(relative: string, sha256: string, contents: string | undefined, stats: FileStat | undefined): void {
    this.forget(relative);
    if (stats === undefined) return;
    const keep = contents !== undefined && contents.length <= KEPT_CONTENTS && this.keptChars + contents.length <= KEPT_BUDGET;
    if (keep) this.keptChars += contents.length;
    this.files.set(relative, { sha256, contents: keep ? contents : undefined, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino });
  }

  forget(relative: string): void {
    this.keptChars -= this.files.get(relative)?.contents?.length ?? 0;
    this.files.delete(relative);
  }
}

/** True when `target` is still exactly the file recorded. */
export function unchangedOnDisk(file: KnownFile, target: string): boolean {
  const stats = statSync(target, { throwIfNoEntry: false });
  return stats !== undefined && stats.size === file.size && stats.mtimeMs === file.mtimeMs && stats.ino === file.ino;
}
