/** One catalog folder -> diagnostics and, when there are no errors, the model. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { buildModel } from '../model/build.js';
import type { Catalog } from '../model/types.js';
import { assembleCatalog } from './assemble.js';
import { CATALOG_FILE, decodeCatalogText, findCatalogFolders, isDirectory, listCatalogFiles, readCatalogBytes } from './files.js';
import { parseCatalogFile } from './parse.js';
import { checkFileSchema } from './schema-check.js';
import { checkDepth } from './depth.js';
import type { SourceFile } from './source-file.js';
import { validateCatalog } from './validate.js';

export interface LoadResult {
  /** The model; undefined when any error was found. */
  readonly catalog: Catalog | undefined;
  readonly diagnostics: Diagnostic[];
}

/** How paths appear in diagnostics: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative).split(path.sep).join('/');
}

/** Loader stages, in order, as reported to `LoadOptions.timings`. */
export type LoadStage = 'read' | 'parse' | 'format' | 'checks' | 'model';

export interface LoadOptions {
  /** Called once per stage with the time it took, in milliseconds. */
  readonly timings?: ((stage: LoadStage, ms: number) => void) | undefined;
  /** Files parsed and format-checked by earlier loads, reused when their text is unchanged
   * (a run context's `files`). Default: none, every file is read afresh. */
  readonly cache?: FileCache | undefined;
}

/** What parsing and the format check made of one file, with the digest of its bytes. */
interface CachedFile {
  readonly digest: string;
  readonly file: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** SHA-256 of a file's bytes: an unchanged file is recognised without decoding it again (the
 * digest takes a third of the time of decoding, and the bytes need not be kept). */
function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
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

/** Loads and checks one catalog folder. Never throws for a problem in the catalog. */
export async function loadCatalog(folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cache = options.cache ?? new FileCache();
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
  if (!(await isDirectory(folder))) {
    return {
      catalog: undefined,
      diagnostics: [
        {
          code: 'HC105',
          severity: 'error',
          file: displayPath(folder),
          line: 1,
          column: 1,
          message: `${displayPath(folder)} is not a folder`,
          hint: 'give a catalog folder',
        },
      ],
    };
  }
  const readStarted = performance.now();
  spent.set('read', 0);
  const listing = await listCatalogFiles(folder, (f) => displayPath(f));
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  if (!listing.files.includes(CATALOG_FILE)) {
    diagnostics.push({
      code: 'HC105',
      severity: 'error',
      file: displayPath(folder),
      line: 1,
      column: 1,
      message: `${displayPath(folder)} is not a catalog folder: it has no ${CATALOG_FILE}`,
      hint: `create ${CATALOG_FILE} with a \`catalog:\` block, or point hookcat at the right folder`,
    });
    return { catalog: undefined, diagnostics };
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
  for (const { relative, shown, read } of reads) {
    const key = `${relative}\0${shown}`;
    const digest = 'bytes' in read ? digestOf(read.bytes) : '';
    const entry = 'diagnostic' in read ? read : (cache.get(folder, key, digest) ?? loadFile(read.bytes, digest, shown, relative, time));
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
    diagnostics.push(...assembled.diagnostics, ...validateCatalog(assembled.source));
    return assembled.source;
  });
  if (hasErrors(diagnostics)) {
    report();
    return { catalog: undefined, diagnostics };
  }
  const catalog = time('model', () => buildModel(source));
  report();
  return { catalog, diagnostics };
}

/** A file not read before (or changed): decoded, parsed and format-checked. */
function loadFile(
  bytes: Uint8Array,
  digest: string,
  shown: string,
  relative: string,
  time: <T>(stage: LoadStage, work: () => T) => T,
): CachedFile | { diagnostic: Diagnostic } {
  const decoded = decodeCatalogText(bytes, shown);
  if ('diagnostic' in decoded) return decoded;
  const parsed = time('parse', () => parseCatalogFile(decoded.text, shown, relative));
  const depth = parsed.diagnostics.length > 0 ? [] : checkDepth(parsed.file);
  const diagnostics = parsed.diagnostics.length > 0 ? parsed.diagnostics : depth.length > 0 ? depth : time('format', () => checkFileSchema(parsed.file));
  return { digest, file: parsed.file, diagnostics };
}

export interface LoadManyResult {
  readonly catalogs: Catalog[];
  readonly diagnostics: Diagnostic[];
}

/** Loads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function loadCatalogs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadManyResult> {
  const catalogs: Catalog[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const given of paths) {
    if (!(await isDirectory(given))) {
      diagnostics.push({
        code: 'HC105',
        severity: 'error',
        file: displayPath(given),
        line: 1,
        column: 1,
        message: `${displayPath(given)} is not a folder`,
        hint: 'give a catalog folder or a folder of catalogs',
      });
      continue;
    }
    const folders = await findCatalogFolders(given);
    if (folders.length === 0) {
      diagnostics.push({
        code: 'HC105',
        severity: 'error',
        file: displayPath(given),
        line: 1,
        column: 1,
        message: `no catalog found in ${displayPath(given)}`,
        hint: `a catalog is a folder with a ${CATALOG_FILE}`,
      });
    }
    for (const folder of folders) {
      const result = await loadCatalog(folder, options);
      diagnostics.push(...result.diagnostics);
      if (result.catalog === undefined) continue;
      const other = seen.get(result.catalog.id);
      if (other !== undefined) {
        diagnostics.push({
          code: 'HC204',
          severity: 'error',
          file: displayPath(path.join(folder, CATALOG_FILE)),
          line: 1,
          column: 1,
          message: `catalog id \`${result.catalog.id}\` is also used by ${other}`,
          hint: 'give each catalog its own id',
        });
        continue;
      }
      seen.set(result.catalog.id, displayPath(folder));
      catalogs.push(result.catalog);
    }
  }
  return { catalogs, diagnostics };
}
