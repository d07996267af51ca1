/** What the loader keeps of catalog files between loads of one run context. */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from './source-file.js';

/** What parsing and the format check made of one file, with the digest of its bytes. */
export interface CachedFile {
  readonly digest: string;
  readonly file: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parsed and format-checked files by catalog folder, kept from the last load of each folder:
 * a file whose text (and displayed path) is unchanged is not parsed or checked again. Holds
 * what the last load held (the files' text and data), nothing more.
 */
export class FileCache {
  private readonly folders = new Map<string, Map<string, CachedFile>>();

  /** The entry of a file of `folder` when its bytes still have this digest. */
  get(folder: string, key: string, digest: string): CachedFile | undefined {
    const entry = this.folders.get(path.resolve(folder))?.get(key);
    return entry?.digest === digest ? entry : undefined;
  }

  /** Replaces what is kept for `folder` with the files of the load that just ended. */
  keep(folder: string, entries: Map<string, CachedFile>): void {
    this.folders.set(path.resolve(folder), entries);
  }
}
