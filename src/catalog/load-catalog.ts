/** One catalog folder -> diagnostics and, when there are no errors, the model. */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { buildModel } from '../model/build.js';
import type { Catalog } from '../model/types.js';
import { assembleCatalog } from './assemble.js';
import { CATALOG_FILE, findCatalogFolders, isDirectory, listCatalogFiles, readCatalogText } from './files.js';
import { parseCatalogFile } from './parse.js';
import { checkFileSchema } from './schema-check.js';
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

/** Loads and checks one catalog folder. Never throws for a problem in the catalog. */
export async function loadCatalog(folder: string): Promise<LoadResult> {
  if (!(await isDirectory(folder))) {
    return { catalog: undefined, diagnostics: [{ code: 'HC105', severity: 'error', file: displayPath(folder), line: 1, column: 1, message: `${displayPath(folder)} is not a folder`, hint: 'give a catalog folder' }] };
  }
  const listing = await listCatalogFiles(folder, (f) => displayPath(f));
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  if (!listing.files.includes(CATALOG_FILE)) {
    diagnostics.push({ code: 'HC105', severity: 'error', file: displayPath(folder), line: 1, column: 1, message: `${displayPath(folder)} is not a catalog folder: it has no ${CATALOG_FILE}`, hint: `create ${CATALOG_FILE} with a \`catalog:\` block, or point hookcat at the right folder` });
    return { catalog: undefined, diagnostics };
  }
  const files: SourceFile[] = [];
  let complete = diagnostics.length === 0;
  for (const relative of listing.files) {
    const full = path.join(folder, relative);
    const shown = displayPath(full);
    const read = await readCatalogText(full, shown);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      complete = false;
      continue;
    }
    const parsed = parseCatalogFile(read.text, shown, relative);
    const fileDiagnostics = parsed.diagnostics.length > 0 ? parsed.diagnostics : checkFileSchema(parsed.file);
    diagnostics.push(...fileDiagnostics);
    if (fileDiagnostics.length > 0) complete = false;
    else files.push(parsed.file);
  }
  const assembled = assembleCatalog(folder, files, complete);
  diagnostics.push(...assembled.diagnostics, ...validateCatalog(assembled.source));
  if (hasErrors(diagnostics)) return { catalog: undefined, diagnostics };
  return { catalog: buildModel(assembled.source), diagnostics };
}

export interface LoadManyResult {
  readonly catalogs: Catalog[];
  readonly diagnostics: Diagnostic[];
}

/** Loads every catalog found at `paths` (each a catalog folder or a folder of catalogs). */
export async function loadCatalogs(paths: readonly string[]): Promise<LoadManyResult> {
  const catalogs: Catalog[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const given of paths) {
    if (!(await isDirectory(given))) {
      diagnostics.push({ code: 'HC105', severity: 'error', file: displayPath(given), line: 1, column: 1, message: `${displayPath(given)} is not a folder`, hint: 'give a catalog folder or a folder of catalogs' });
      continue;
    }
    const folders = await findCatalogFolders(given);
    if (folders.length === 0) {
      diagnostics.push({ code: 'HC105', severity: 'error', file: displayPath(given), line: 1, column: 1, message: `no catalog found in ${displayPath(given)}`, hint: `a catalog is a folder with a ${CATALOG_FILE}` });
    }
    for (const folder of folders) {
      const result = await loadCatalog(folder);
      diagnostics.push(...result.diagnostics);
      if (result.catalog === undefined) continue;
      const other = seen.get(result.catalog.id);
      if (other !== undefined) {
        diagnostics.push({ code: 'HC204', severity: 'error', file: displayPath(path.join(folder, CATALOG_FILE)), line: 1, column: 1, message: `catalog id \`${result.catalog.id}\` is also used by ${other}`, hint: 'give each catalog its own id' });
        continue;
      }
      seen.set(result.catalog.id, displayPath(folder));
      catalogs.push(result.catalog);
    }
  }
  return { catalogs, diagnostics };
}
