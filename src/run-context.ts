/**
 * What a run may cache, in one object passed explicitly through load, checks, emit and write.
 * `generate()` makes a fresh one for each call unless it is handed one: watch mode, or an API
 * caller that wants a later run to reuse what an earlier one learned, keeps one and passes it
 * to every run. Nothing is kept in module state, so two runs with two contexts never meet.
 */
import { CheckMemory } from './catalog/checks/check.js';
import { FileCache } from './catalog/file-cache.js';
import { codeFingerprint } from './fingerprint.js';
import { ModelMemory } from './model/build.js';
import { WrittenFolders } from './write/known-files.js';

/** Public as an opaque handle: the package's declarations leave out the fields marked internal (`stripInternal`). */
export interface RunContext {
  /** Catalog files parsed and format-checked, by folder, reused while their bytes are the same. @internal */
  readonly files: FileCache;
  /** Per output folder, what was written or verified there (hash and `stat` per file). @internal */
  readonly written: WrittenFolders;
  /** The checks' per-event results, normalized payload schemas, ajv and its validators. @internal */
  readonly checks: CheckMemory;
  /** Events of the model, by their raw object. @internal */
  readonly model: ModelMemory;
  /** The fingerprint of hookcat's code and dependencies, computed on first use. */
  readonly code: () => Promise<string>;
}

/** A context that holds nothing yet. */
export function createRunContext(): RunContext {
  const checks = new CheckMemory();
  let code: Promise<string> | undefined;
  return {
    files: new FileCache(),
    written: new WrittenFolders(),
    checks,
    model: new ModelMemory(checks.payloads),
    code: () => (code ??= codeFingerprint()),
  };
}
