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
import { type CachedFile, digestOf, FileCache } from './file-cache.js';
import { CATALOG_FILE, decodeCatalogText, findCatalogFolders, isDirectory, listCatalogFiles, readCatalogBytes } from './files.js';
import { parseCatalogFile } from './parse.js';
import { checkFileSchema, type FormatValidators } from './schema-check.js';
import type { SourceFile } from './source-file.js';
import type { CatalogSource } from './source.js';
import { validateCatalog } from './validate.js';

/** How paths appear in diagnostics: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative).split(path.sep).join('/');
}

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
}

/** One file as read: its path in the catalog folder and the digest of its bytes. */
export interface FileDigest {
  readonly relative: string;
  readonly digest: string;
}

/** Every file of one catalog folder as the loader read it. */
export interface FolderDigests {
  readonly folder: string;
  readonly files: readonly FileDigest[];
}

export interface SourceResult {
  /** The checked source; undefined when any error was found. */
  readonly source: CatalogSource | undefined;
  readonly diagnostics: Diagnostic[];
  readonly read: FolderDigests;
}

function notAFolder(folder: string, hint: string, message = `${displayPath(folder)} is not a folder`): Diagnostic {
  return { code: 'HC105', severity: 'error', file: displayPath(folder), line: 1, column: 1, message, hint };
}

/** Loads and checks one catalog folder. Never throws for a problem in the catalog. */
export async function loadCatalogSource(folder: string, options: SourceOptions = {}): Promise<SourceResult> {
  const memory = options.memory ?? { files: new FileCache(), checks: new CheckMemory() };
  const cache = memory.files;
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
  const read: { folder: string; files: FileDigest[] } = { folder, files: [] };
  if (!(await isDirectory(folder))) return { source: undefined, diagnostics: [notAFolder(folder, 'give a catalog folder')], read };
  const readStarted = performance.now();
  spent.set('read', 0);
  const listing = await listCatalogFiles(folder, (f) => displayPath(f));
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  if (!listing.files.includes(CATALOG_FILE)) {
    const message = `${displayPath(folder)} is not a catalog folder: it has no ${CATALOG_FILE}`;
    diagnostics.push(notAFolder(folder, `create ${CATALOG_FILE} with a \`catalog:\` block, or point hookcat at the right folder`, message));
    return { source: undefined, diagnostics, read };
  }
  const reads = await Promise.all(
    listing.files.map(async (relative) => {
      const full = path.join(folder, relative);
      const shown = displayPath(full);
      return { relative, shown, read: await readCatalogBytes(full, shown) };
    }),
  );
  const files: SourceFile[] = [];
  const kept = new Map<string, CachedFile>();
  let complete = diagnostics.length === 0;
  for (const { relative, shown, read: bytes } of reads) {
    const key = `${relative}\0${shown}`;
    const digest = 'bytes' in bytes ? digestOf(bytes.bytes) : '';
    read.files.push({ relative, digest });
    const entry = 'diagnostic' in bytes ? bytes : (cache.get(folder, key, digest) ?? loadFile(bytes.bytes, digest, shown, relative, cache.format, time));
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
  // Decoding is reading; parsing and the format check are timed on their own.
  spent.set('read', performance.now() - readStarted - (spent.get('parse') ?? 0) - (spent.get('format') ?? 0));
  cache.keep(folder, kept);
  const source = time('checks', () => {
    const assembled = assembleCatalog(folder, files, complete);
    diagnostics.push(...assembled.diagnostics, ...validateCatalog(assembled.source, memory.checks));
    return assembled.source;
  });
  report();
  return { source: hasErrors(diagnostics) ? undefined : source, diagnostics, read };
}

/** A file not read before (or changed): decoded, parsed and format-checked. */
function loadFile(
  bytes: Uint8Array,
  digest: string,
  shown: string,
  relative: string,
  format: FormatValidators,
  time: <T>(stage: LoadStage, work: () => T) => T,
): CachedFile | { diagnostic: Diagnostic } {
  const decoded = decodeCatalogText(bytes, shown);
  if ('diagnostic' in decoded) return decoded;
  const parsed = time('parse', () => parseCatalogFile(decoded.text, shown, relative));
  const depth = parsed.diagnostics.length > 0 ? [] : checkDepth(parsed.file);
  const diagnostics =
    parsed.diagnostics.length > 0 ? parsed.diagnostics : depth.length > 0 ? depth : time('format', () => checkFileSchema(parsed.file, format));
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
  const sources: CatalogSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const read: FolderDigests[] = [];
  const seen = new Map<string, string>();
  for (const given of paths) {
    if (!(await isDirectory(given))) {
      diagnostics.push(notAFolder(given, 'give a catalog folder or a folder of catalogs'));
      continue;
    }
    const folders = await findCatalogFolders(given);
    if (folders.length === 0) {
      diagnostics.push(notAFolder(given, `a catalog is a folder with a ${CATALOG_FILE}`, `no catalog found in ${displayPath(given)}`));
    }
    for (const folder of folders) {
      const result = await loadCatalogSource(folder, options);
      diagnostics.push(...result.diagnostics);
      read.push(result.read);
      const id = result.source?.metadata?.value.id;
      if (result.source === undefined || id === undefined) continue;
      const other = seen.get(id);
      if (other !== undefined) {
        diagnostics.push({
          code: 'HC204',
          severity: 'error',
          file: displayPath(path.join(folder, CATALOG_FILE)),
          line: 1,
          column: 1,
          message: `catalog id \`${id}\` is also used by ${other}`,
          hint: 'give each catalog its own id',
        });
        continue;
      }
      seen.set(id, displayPath(folder));
      sources.push(result.source);
    }
  }
  return { sources, diagnostics, read };
}
