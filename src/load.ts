/**
 * Catalog folders -> the model: the loader (`catalog/`: read, parse, format check, checks)
 * and then, for every catalog free of errors, the model stage (`model/`). What earlier runs
 * learned comes from the run context, when one is given.
 */
import type { Diagnostic } from './diagnostics.js';
import { type FolderDigests, type LoadStage, loadCatalogSource, loadCatalogSources } from './catalog/load-catalog.js';
import { buildModel } from './model/build.js';
import type { Catalog } from './model/types.js';
import { createRunContext, type RunContext } from './run-context.js';

export type { FileDigest, FolderDigests, LoadStage } from './catalog/load-catalog.js';

export interface LoadOptions {
  /** Called once per stage with the time it took, in milliseconds. */
  readonly timings?: ((stage: LoadStage, ms: number) => void) | undefined;
  /** What earlier loads learned, to reuse and add to. Default: a fresh context, dropped. */
  readonly context?: RunContext | undefined;
}

export interface LoadResult {
  /** The model; undefined when any error was found. */
  readonly catalog: Catalog | undefined;
  readonly diagnostics: Diagnostic[];
}

export interface LoadManyResult {
  readonly catalogs: Catalog[];
  readonly diagnostics: Diagnostic[];
  /** Every catalog folder found and the digests of the files read (for the input fingerprint). */
  readonly read: FolderDigests[];
}

/** Loads and checks one catalog folder and builds its model. Never throws for a problem in the catalog. */
export async function loadCatalog(folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  const context = options.context ?? createRunContext();
  const { source, diagnostics } = await loadCatalogSource(folder, { timings: options.timings, memory: context });
  return { catalog: source === undefined ? undefined : timed(options, () => buildModel(source, context.model)), diagnostics };
}

/** Loads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function loadCatalogs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadManyResult> {
  const context = options.context ?? createRunContext();
  const { sources, diagnostics, read } = await loadCatalogSources(paths, { timings: options.timings, memory: context });
  const catalogs = timed(options, () => sources.map((source) => buildModel(source, context.model)));
  return { catalogs, diagnostics, read };
}

function timed<T>(options: LoadOptions, build: () => T): T {
  const started = performance.now();
  const built = build();
  options.timings?.('model', performance.now() - started);
  return built;
}
