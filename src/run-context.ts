/**
 * What a run may cache, in one object passed explicitly through load, checks, emit and write.
 * `generate()` makes a fresh one for each call unless it is handed one: watch mode, or an API
 * caller that wants a later run to reuse what an earlier one learned, keeps one and passes it
 * to every run. Nothing is kept in module state, so two runs with two contexts never meet.
 */
import { FileCache } from './catalog/load-catalog.js';
import { WrittenFolders } from './write/known-files.js';

export interface RunContext {
  /** Catalog files parsed and format-checked, by folder, reused while their bytes are the same. */
  readonly files: FileCache;
  /** Per output folder, what was written or verified there (hash and `stat` per file). */
  readonly written: WrittenFolders;
}

/** A context that holds nothing yet. */
export function createRunContext(): RunContext {
  return { files: new FileCache(), written: new WrittenFolders() };
}
