/**
 * Catalog folders -> checked catalog sources and diagnostics: each file read once (its digest
 * feeds the input fingerprint), parsed, format-checked, assembled and checked. The model is
 * built from the sources in a stage of its own (`src/load.ts`).
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors } from '../diagnostics.js';
import { CheckMemory } from './checks/check.js';
import { assembleCatalog } from './assemble.js';
import { checkDepth } from './depth.js';
import { type CachedFile, FileCache } from './file-cache.js';
import type { KeptRecords } from './kept-records.js';
import { CATALOG_FILE, decodeCatalogText } from './files.js';
import { parseCatalogFile, parsedFileRecord, restoreParsedFile } from './parse.js';
import { type CatalogReads, displayPath, type FolderDigests, type ReadFolder, readCatalogFolder, readCatalogs } from './read-catalogs.js';
import { checkFileSchema } from './schema-check.js';
import type { SourceFile } from './source-file.js';
import type { CatalogSource } from './source.js';
import { validateCatalog } from './validate.js';
import { type WrittenCatalogFile, type WrittenCatalogFiles, writtenSourceFile } from './written-file.js';

export { displayPath, type FileDigest, type FolderDigests } from './read-catalogs.js';
export type { KeptRecords } from './kept-records.js';
export type { WrittenCatalogFile, WrittenCatalogFiles } from './written-file.js';

/** Loader stages, in order, as reported to `LoadOptions.timings`. */
export type LoadStage = 'read' | 'parse' | 'format' | 'checks' | 'model';

/** What the loader reuses from earlier loads: a run context has both. */
export interface LoaderMemory {
  readonly files: FileCache;
  readonly checks: CheckMemory;
}

export interface SourceOptions {
  /** Called once per stage with the time it took, in milliseconds. */
  readonly timings?: ((stage: LoadStage, ms: number) => void) | undefined;
  /** What earlier loads kept (a run context). Default: nothing, every file is read afresh. */
  readonly memory?: LoaderMemory | undefined;
  /** What earlier processes found (parsed files, passed example checks); see `kept-records.ts`. */
  readonly kept?: KeptRecords | undefined;
  /** Catalog files this process has just written, with their data (see `written-file.ts`). */
  readonly written?: WrittenCatalogFiles | undefined;
}

export interface SourceResult {
  /** The checked source; undefined when any error was found. */
  readonly source: CatalogSource | undefined;
  readonly diagnostics: Diagnostic[];
  readonly read: FolderDigests;
}

/** Loads and checks one catalog folder. Never throws for a problem in the catalog. */
export async function loadCatalogSource(folder: string, options: SourceOptions = {}): Promise<SourceResult> {
  const started = performance.now();
  const read = await readCatalogFolder(folder);
  options.timings?.('read', performance.now() - started);
  return checkCatalogFolder(read, options);
}

/** Parses, format-checks, assembles and checks a catalog folder already read. */
export function checkCatalogFolder(read: ReadFolder, options: SourceOptions = {}): SourceResult {
  const memory = options.memory ?? { files: new FileCache(), checks: new CheckMemory() };
  const cache = memory.files;
  const { folder } = read;
  const spent = new Map<LoadStage, number>();
  const time = <T>(stage: LoadStage, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      spent.set(stage, (spent.get(stage) ?? 0) + performance.now() - started);
    }
  };
  const report = (): void => {
    for (const [stage, ms] of spent) options.timings?.(stage, ms);
  };
  const digests: FolderDigests = { folder, files: read.files.map(({ relative, digest }) => ({ relative, digest })) };
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  if (read.files.length === 0 || !read.files.some((f) => f.relative === CATALOG_FILE)) return { source: undefined, diagnostics, read: digests };
  const files: SourceFile[] = [];
  const kept = new Map<string, CachedFile>();
  let complete = diagnostics.length === 0;
  for (const { relative, shown, result, digest } of read.files) {
    const key = `${relative}\0${shown}`;
    const entry =
      'diagnostic' in result
        ? result
        : fileEntry(
            cache.get(folder, key, digest),
            options.kept,
            { bytes: result.bytes, digest, shown, relative },
            time,
            options.written?.get(path.resolve(folder, relative)),
          );
    if ('diagnostic' in entry) {
      diagnostics.push(entry.diagnostic);
      complete = false;
      continue;
    }
    kept.set(key, entry);
    diagnostics.push(...entry.diagnostics);
    if (entry.diagnostics.length > 0) complete = false;
    else files.push(entry.file);
  }
  cache.keep(folder, kept);
  const source = time('checks', () => {
    const assembled = assembleCatalog(folder, files, complete);
    diagnostics.push(...assembled.diagnostics, ...validateCatalog(assembled.source, memory.checks, options.kept));
    return assembled.source;
  });
  report();
  return { source: hasErrors(diagnostics) ? undefined : source, diagnostics, read: digests };
}

interface FileRead {
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly shown: string;
  readonly relative: string;
}

/**
 * A file as the loader takes it: kept by this run context, else restored from a record of an
 * earlier process (only files that parsed and passed the format check without a word are
 * recorded, so the record stands for both), else loaded (from the data it was just written
 * from, when this process wrote it) and recorded.
 */
function fileEntry(
  kept: CachedFile | undefined,
  parsed: KeptRecords | undefined,
  read: FileRead,
  time: <T>(stage: LoadStage, work: () => T) => T,
  written: WrittenCatalogFile | undefined,
): CachedFile | { diagnostic: Diagnostic } {
  const key = parsed === undefined ? undefined : `catalog file\0${read.digest}\0${read.shown}\0${read.relative}`;
  // Looked up before the run context's own entry is taken: finding a record keeps it for the
  // cache this run writes, so a file watch mode holds in memory is not dropped from the disk.
  const record = key === undefined ? undefined : parsed!.find(key);
  if (kept !== undefined) return kept;
  if (record !== undefined) {
    const decoded = decodeCatalogText(read.bytes, read.shown);
    const file = 'diagnostic' in decoded ? undefined : time('parse', () => restoreParsedFile(record, decoded.text, read.shown, read.relative));
    if (file !== undefined) return { digest: read.digest, file, diagnostics: [] };
  }
  const loaded = loadFile(read, time, written);
  if (key !== undefined && !('diagnostic' in loaded) && loaded.diagnostics.length === 0) {
    const made = parsedFileRecord(loaded.file);
    if (made !== undefined) parsed!.keep(key, made);
  }
  return loaded;
}

/** A file not read before (or changed): decoded, parsed (or taken as written) and format-checked. */
function loadFile(
  { bytes, digest, shown, relative }: FileRead,
  time: <T>(stage: LoadStage, work: () => T) => T,
  written: WrittenCatalogFile | undefined,
): CachedFile | { diagnostic: Diagnostic } {
  const decoded = decodeCatalogText(bytes, shown);
  if ('diagnostic' in decoded) return decoded;
  const parsed = time('parse', () => {
    const taken = written?.text === decoded.text ? writtenSourceFile(written, shown, relative) : undefined;
    return taken === undefined ? parseCatalogFile(decoded.text, shown, relative) : { file: taken, diagnostics: [] };
  });
  const depth = parsed.diagnostics.length > 0 ? [] : checkDepth(parsed.file);
  const diagnostics = parsed.diagnostics.length > 0 ? parsed.diagnostics : depth.length > 0 ? depth : time('format', () => checkFileSchema(parsed.file));
  return { digest, file: parsed.file, diagnostics };
}

export interface SourcesResult {
  /** The sources free of errors, one per catalog id. */
  readonly sources: CatalogSource[];
  readonly diagnostics: Diagnostic[];
  /** Every catalog folder found, with the digests of the files read: the input fingerprint's. */
  readonly read: FolderDigests[];
}

/** Loads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function loadCatalogSources(paths: readonly string[], options: SourceOptions = {}): Promise<SourcesResult> {
  const started = performance.now();
  const reads = await readCatalogs(paths);
  options.timings?.('read', performance.now() - started);
  return checkCatalogReads(reads, options);
}

/** `loadCatalogSources` for catalogs already read. */
export function checkCatalogReads(reads: CatalogReads, options: SourceOptions = {}): SourcesResult {
  const sources: CatalogSource[] = [];
  const diagnostics: Diagnostic[] = [...reads.diagnostics];
  const read: FolderDigests[] = [];
  const seen = new Map<string, string>();
  for (const folderRead of reads.folders) {
    const result = checkCatalogFolder(folderRead, options);
    diagnostics.push(...result.diagnostics);
    read.push(result.read);
    const id = result.source?.metadata?.value.id;
    if (result.source === undefined || id === undefined) continue;
    const other = seen.get(id);
    if (other !== undefined) {
      diagnostics.push({
        code: 'HC204',
        severity: 'error',
        file: displayPath(path.join(folderRead.folder, CATALOG_FILE)),
        line: 1,
        column: 1,
        message: `catalog id \`${id}\` is also used by ${other}`,
        hint: 'give each catalog its own id',
      });
      continue;
    }
    seen.set(id, displayPath(folderRead.folder));
    sources.push(result.source);
  }
  return { sources, diagnostics, read };
}
