/** The coverage report as text (one line per catalog and locale, then each missing or stale text) and as JSON. */
import path from 'node:path';
import { displayPath } from '../../catalog/load-catalog.js';
import type { CatalogText } from './catalog-texts.js';
import type { LocaleCoverage } from './coverage.js';

export interface CatalogCoverage {
  readonly catalog: string;
  readonly folder: string;
  readonly sourceLocale: string;
  readonly locales: readonly LocaleCoverage[];
}

/** Translated share in percent with one decimal (100.0 when there is nothing to translate). */
export function sharePercent(coverage: LocaleCoverage): string {
  return coverage.total === 0 ? '100.0' : (Math.floor((coverage.translated / coverage.total) * 1000) / 10).toFixed(1);
}

function where(folder: string, text: CatalogText): string {
  return `${displayPath(path.join(folder, text.file))}:${text.line}:${text.column}`;
}

export function formatCoverageText(report: readonly CatalogCoverage[]): string {
  const lines: string[] = [];
  for (const c of report) {
    for (const l of c.locales) {
      lines.push(
        `${c.catalog}  ${l.locale}  ${sharePercent(l)}% translated (${l.translated} of ${l.total})  ${l.missing.length} missing  ${l.stale.length} stale  ${l.unrecorded.length} unrecorded`,
      );
      for (const t of l.missing) lines.push(`  missing  ${where(c.folder, t)}  ${t.id}`);
      for (const t of l.stale) lines.push(`  stale    ${where(c.folder, t)}  ${t.id}`);
    }
  }
  if (report.some((c) => c.locales.some((l) => l.unrecorded.length > 0))) {
    lines.push('unrecorded translations cannot be checked for staleness: run `hookcat translations lock` to record them');
  }
  return `${lines.join('\n')}\n`;
}

function place(folder: string, t: CatalogText) {
  return { id: t.id, file: displayPath(path.join(folder, t.file)), line: t.line, column: t.column };
}

/** `{ catalogs: [{ catalog, sourceLocale, locales: [{ locale, total, translated, share, missing: [...], stale: [...], unrecorded }] }] }`. */
export function formatCoverageJson(report: readonly CatalogCoverage[]): string {
  const data = {
    catalogs: report.map((c) => ({
      catalog: c.catalog,
      sourceLocale: c.sourceLocale,
      locales: c.locales.map((l) => ({
        locale: l.locale,
        total: l.total,
        translated: l.translated,
        share: l.total === 0 ? 1 : l.translated / l.total,
        missing: l.missing.map((t) => place(c.folder, t)),
        stale: l.stale.map((t) => place(c.folder, t)),
        unrecorded: l.unrecorded.length,
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
