/**
 * Importing a translator's file: each translated unit is written back into the YAML file and
 * place its id names (found again in the current catalog, so reordered events still match),
 * files are edited in place (see `yaml-write.ts`), and the lock records what each translation
 * was made from.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../../catalog/load-catalog.js';
import type { CatalogText, CatalogTexts } from './catalog-texts.js';
import type { ImportedDocument } from './exchange.js';
import { readLock, recordTranslation, writeLock } from './lock.js';
import { readPo } from './po.js';
import { readXliff } from './xliff.js';
import { type TextWrite, WriteBackError, writeTexts } from './yaml-write.js';

export interface ImportReport {
  /** Files written, with how many texts each. */
  readonly files: readonly { readonly file: string; readonly texts: number }[];
  readonly unchanged: number;
  /** Texts whose source changed after the export: written, and stale by the lock. */
  readonly staleOnArrival: readonly string[];
  /** One line each: units that could not be imported. */
  readonly warnings: readonly string[];
  /** One line each: files that could not be edited (left as they were). */
  readonly errors: readonly string[];
}

/** Reads an exchange file: XLIFF when it is XML, else PO. */
export async function readExchange(text: string): Promise<ImportedDocument> {
  return text.trimStart().startsWith('<') ? readXliff(text) : readPo(text);
}

/** Writes `document`'s translations into the catalog it names. */
export async function importTranslations(catalogs: readonly CatalogTexts[], document: ImportedDocument): Promise<ImportReport> {
  const target = catalogs.find((c) => c.catalog.id === document.catalog);
  if (target === undefined)
    throw new Error(`the file is for catalog \`${document.catalog}\`, which is not among ${catalogs.map((c) => c.catalog.id).join(', ') || 'no catalogs'}`);
  const { catalog, folder } = target;
  const locale = document.targetLocale;
  if (!catalog.locales.includes(locale) || locale === catalog.sourceLocale) {
    throw new Error(
      `the file translates into \`${locale}\`, which is not one of the catalog's target locales (${catalog.locales.filter((l) => l !== catalog.sourceLocale).join(', ')})`,
    );
  }
  const byId = new Map(target.texts.map((t) => [t.id, t]));
  const lock = await readLock(folder);
  const writes = new Map<string, TextWrite[]>();
  const warnings: string[] = [];
  const staleOnArrival: string[] = [];
  const recorded: { text: CatalogText; source: string; target: string }[] = [];
  let unchanged = 0;
  for (const id of document.unreadable ?? []) warnings.push(`${id}: the translation holds markup hookcat does not read (only text and <cp>); skipped`);
  for (const unit of document.units) {
    const text = byId.get(unit.id);
    if (text === undefined || text.source === undefined) {
      warnings.push(`${unit.id}: no such text in catalog \`${catalog.id}\`; skipped`);
      continue;
    }
    if (unit.fuzzy) continue;
    if (unit.source !== text.source) staleOnArrival.push(unit.id);
    recorded.push({ text, source: unit.source, target: unit.target });
    if (text.written[locale] === unit.target) {
      unchanged++;
      continue;
    }
    const list = writes.get(text.file) ?? [];
    list.push({ path: text.path, locale, text: unit.target, sourceLocale: catalog.sourceLocale });
    writes.set(text.file, list);
  }
  const files: { file: string; texts: number }[] = [];
  const errors: string[] = [];
  const failed = new Set<string>();
  for (const [file, list] of [...writes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const full = path.join(folder, file);
    try {
      await writeFile(full, writeTexts(await readFile(full, 'utf8'), list));
      files.push({ file: displayPath(full), texts: list.length });
    } catch (error) {
      if (!(error instanceof WriteBackError)) throw error;
      failed.add(file);
      errors.push(`${displayPath(full)}: ${error.message}; the file was left as it was`);
    }
  }
  for (const r of recorded) if (!failed.has(r.text.file)) recordTranslation(lock, r.text.id, locale, r.source, r.target);
  await writeLock(folder, lock);
  return { files, unchanged, staleOnArrival, warnings, errors };
}
