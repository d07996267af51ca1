/**
 * Catalog folders -> the model: the loader (`catalog/`: read, parse, format check, checks)
 * and then, for every catalog free of errors, the model stage (`model/`). What earlier runs
 * learned comes from the run context, when one is given.
 */
import type { Diagnostic } from './diagnostics.js';
import {
  checkCatalogReads,
  type FolderDigests,
  type KeptRecords,
  type LoadStage,
  loadCatalogSource,
  loadCatalogSources,
  type WrittenCatalogFiles,
} from './catalog/load-catalog.js';
import type { CatalogReads } from './catalog/read-catalogs.js';
import { buildModel } from './model/build.js';
import type { Catalog } from './model/types.js';
import { CheckMemory } from './catalog/checks/check.js';
import { FileCache } from './catalog/file-cache.js';
import { ModelMemory } from './model/build.js';
import { createRunContext, type LoaderMemory, type RunContext } from './run-context.js';

export type { FileDigest, FolderDigests, LoadStage } from './catalog/load-catalog.js';

export interface LoadOptions {
  /** Called once per stage with the time it took, in milliseconds. */
  readonly timings?: ((stage: LoadStage, ms: number) => void) | undefined;
  /** What earlier loads learned, to reuse and add to. Default: a fresh context, dropped. */
  readonly context?: RunContext | undefined;
  /** What earlier processes found (`generate` with a cache folder); see `catalog/kept-records.ts`. @internal */
  readonly kept?: KeptRecords | undefined;
  /**
   * What `hookcat import` hands the load that follows it in the same process.
   * @internal
   */
  readonly handOff?: CatalogHandOff | undefined;
}

/** What a command that has just written a catalog in this process (`hookcat import`) hands the
 * load that follows: the files, by absolute path, with the data they were written from (taken
 * instead of parsing the text again), and the checks' memory its example check compiled the
 * validators into (not compiled again). */
export interface CatalogHandOff {
  readonly written: WrittenCatalogFiles;
  readonly checks: CheckMemory;
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
  const memory = loaderMemory(options.context ?? createRunContext(), options.handOff);
  const { source, diagnostics } = await loadCatalogSource(folder, { timings: options.timings, memory, kept: options.kept, written: options.handOff?.written });
  return { catalog: source === undefined ? undefined : timed(options, () => buildModel(source, memory.model)), diagnostics };
}

/** Loads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function loadCatalogs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadManyResult> {
  const memory = loaderMemory(options.context ?? createRunContext(), options.handOff);
  const { sources, diagnostics, read } = await loadCatalogSources(paths, {
    timings: options.timings,
    memory,
    kept: options.kept,
    written: options.handOff?.written,
  });
  const catalogs = timed(options, () => sources.map((source) => buildModel(source, memory.model)));
  return { catalogs, diagnostics, read };
}

/** `loadCatalogs` for catalogs already read (`readCatalogs` in `src/catalog/read-catalogs.ts`). */
export function loadReadCatalogs(reads: CatalogReads, options: LoadOptions = {}): LoadManyResult {
  const memory = loaderMemory(options.context ?? createRunContext(), options.handOff);
  const { sources, diagnostics, read } = checkCatalogReads(reads, { timings: options.timings, memory, kept: options.kept, written: options.handOff?.written });
  const catalogs = timed(options, () => sources.map((source) => buildModel(source, memory.model)));
  return { catalogs, diagnostics, read };
}

/** The loader's part of `context`, made on first use (with the checks' memory handed over, if any). */
function loaderMemory(context: RunContext, handOff?: CatalogHandOff): LoaderMemory {
  return context.loader(() => {
    const checks = handOff?.checks ?? new CheckMemory();
    return { files: new FileCache(), checks, model: new ModelMemory(checks.payloads) };
  });
}

function timed<T>(options: LoadOptions, build: () => T): T {
  const started = performance.now();
  const built = build();
  options.timings?.('model', performance.now() - started);
  return built;
}
