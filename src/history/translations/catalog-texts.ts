/**
 * The texts of one catalog for translators: each with its id, its file and position, its
 * source-locale text and the translations written beside it. The catalog is loaded with
 * hookcat's loader first (a catalog with errors is not worked on); its files are then read
 * with `yaml`'s document API, for positions.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { YAML_OPTIONS } from '../../catalog/parse.js';
import { offsetInParsed } from '../../catalog/positions.js';
import { displayPath } from '../../catalog/load-catalog.js';
import { loadCatalogs } from '../../load.js';
import { findCatalogFolders, listCatalogFiles } from '../../catalog/files.js';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import type { Catalog } from '../../model/types.js';
import { textPlaces, type DataPath } from './text-paths.js';

export interface CatalogText {
  readonly id: string;
  /** Path of the file relative to the catalog folder, `/` separators. */
  readonly file: string;
  readonly path: DataPath;
  readonly line: number;
  readonly column: number;
  /** The source-locale text; undefined when only other locales are written. */
  readonly source: string | undefined;
  /** Text by locale as written (the source locale included). */
  readonly written: { readonly [locale: string]: string };
}

export interface CatalogTexts {
  readonly catalog: Catalog;
  /** The catalog folder as found. */
  readonly folder: string;
  readonly texts: readonly CatalogText[];
}

/** The texts of one file's source. */
export function textsOfFile(source: string, file: string, sourceLocale: string): CatalogText[] {
  const lineCounter = new LineCounter();
  // Read as the loader reads it: merge keys merged, and a merged text placed where its anchor wrote it.
  const document = parseDocument(source, { lineCounter, ...YAML_OPTIONS });
  return textPlaces(document.toJS({ maxAliasCount: 100 })).map((place) => {
    const { line, col } = lineCounter.linePos(offsetInParsed(document, place.path) ?? 0);
    const written: Record<string, string> =
      typeof place.value === 'string' ? { [sourceLocale]: place.value } : Object.fromEntries(Object.entries(place.value as Record<string, string>));
    return { id: place.id, file, path: place.path, line, column: col, source: written[sourceLocale], written };
  });
}

/** Every catalog under `catalogs` (a catalog folder or a folder of them) with its texts; diagnostics when one does not load. */
export async function readCatalogTexts(catalogs: string): Promise<{ catalogs: CatalogTexts[]; diagnostics: Diagnostic[] }> {
  const loaded = await loadCatalogs([catalogs]);
  if (hasErrors(loaded.diagnostics)) return { catalogs: [], diagnostics: loaded.diagnostics };
  // With no errors, the loader returns one catalog per folder, in the folders' order.
  const folders = await findCatalogFolders(catalogs);
  const result: CatalogTexts[] = [];
  for (const [i, folder] of folders.entries()) {
    const catalog = loaded.catalogs[i];
    if (catalog === undefined) continue;
    const files = (await listCatalogFiles(folder, (f) => displayPath(f))).files;
    const texts: CatalogText[] = [];
    for (const file of files) texts.push(...textsOfFile(await readFile(path.join(folder, file), 'utf8'), file, catalog.sourceLocale));
    result.push({ catalog, folder, texts });
  }
  return { catalogs: result, diagnostics: loaded.diagnostics };
}
