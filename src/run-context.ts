/**
 * What a run may cache, in one object passed explicitly through load, checks, emit and write.
 * `generate()` makes a fresh one for each call unless it is handed one: watch mode, or an API
 * caller that wants a later run to reuse what an earlier one learned, keeps one and passes it
 * to every run. Nothing is kept in module state, so two runs with two contexts never meet.
 */
import type { CheckMemory } from './catalog/checks/check.js';
import type { FileCache } from './catalog/file-cache.js';
import { OutputMemory } from './output-memo.js';
import { codeFingerprint } from './fingerprint.js';
import type { ModelMemory } from './model/build.js';
import { WrittenFolders } from './write/known-files.js';

/** What the loader keeps between runs. */
export interface LoaderMemory {
  /** Catalog files parsed and format-checked, by folder, reused while their bytes are the same. */
  readonly files: FileCache;
  /** The checks' per-event results, normalized payload schemas, ajv and its validators. */
  readonly checks: CheckMemory;
  /** Events of the model, by their raw object. */
  readonly model: ModelMemory;
}

/** Public as an opaque handle: the package's declarations leave out the fields marked internal (`stripInternal`). */
export interface RunContext {
  /** What the loader keeps, made by the loader when it first runs (`src/load.ts`): a run that
   * never parses, such as `--check` with unchanged inputs, loads no parser or validator. @internal */
  readonly loader: (make: () => LoaderMemory) => LoaderMemory;
  /** Per output folder, what was written or verified there (hash and `stat` per file). @internal */
  readonly written: WrittenFolders;
  /** The fingerprint of hookcat's code and dependencies, computed on first use. */
  readonly code: () => Promise<string>;
  /** Rendered output by a digest of its input (the runtime's validators, the pages). @internal */
  readonly outputs: OutputMemory;
}

/** A context that holds nothing yet. */
export function createRunContext(): RunContext {
  return contextKeeping(true);
}

/**
 * The context of one run that no later run will see (a `generate()` call handed none): the
 * loader's memory (parsed files, the example checks' ajv and validators) is made for the load
 * and not kept, so the run does not hold it while it emits. At 1,000 events it was about 60% of
 * the heap after the load (91 MB, 33 MB without it).
 */
export function createOneRunContext(): RunContext {
  return contextKeeping(false);
}

function contextKeeping(keepsLoaderMemory: boolean): RunContext {
  let loader: LoaderMemory | undefined;
  let code: Promise<string> | undefined;
  return {
    loader: (make) => (keepsLoaderMemory ? (loader ??= make()) : make()),
    written: new WrittenFolders(),
    code: () => (code ??= codeFingerprint()),
    outputs: new OutputMemory(),
  };
}
