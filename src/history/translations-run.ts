/** What `hookcat translations report|lock|export|import` do (see `translations-command.ts`): the translation tools -> output and exit codes. */
import { readFile, writeFile } from 'node:fs/promises';
import { formatDiagnostics } from '../diagnostics.js';
import { UsageError } from '../usage-error.js';
import { type CatalogTexts, readCatalogTexts } from './translations/catalog-texts.js';
import { localeCoverage } from './translations/coverage.js';
import { type CatalogCoverage, formatCoverageJson, formatCoverageText } from './translations/coverage-format.js';
import { EXCHANGE_FORMATS, type ExchangeFormat, exchangeDocument } from './translations/exchange.js';
import { importTranslations, readExchange } from './translations/import.js';
import { LockFileError, readLock, writeLock } from './translations/lock.js';
import { updateLock } from './translations/lock-update.js';

const FAIL_ON = ['missing', 'stale'] as const;
type FailOn = (typeof FAIL_ON)[number];

/** The catalogs' texts, or exit 1 with the loader's diagnostics. */
async function catalogsOrExit(folder: string, ids: readonly string[] | undefined): Promise<CatalogTexts[] | undefined> {
  const { catalogs, diagnostics } = await readCatalogTexts(folder);
  if (catalogs.length === 0 && diagnostics.length > 0) {
    process.stderr.write(
      formatDiagnostics(
        diagnostics.filter((d) => d.severity === 'error'),
        { color: false },
      ),
    );
    process.stderr.write('translations: the catalogs have errors; fix them first\n');
    return undefined;
  }
  if (ids === undefined) return catalogs;
  const unknown = ids.filter((id) => !catalogs.some((c) => c.catalog.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown catalog ${unknown.join(', ')}; found ${catalogs.map((c) => c.catalog.id).join(', ') || 'none'}`);
  return catalogs.filter((c) => ids.includes(c.catalog.id));
}

export interface ReportFlags {
  readonly catalogs: string;
  readonly catalog?: string[];
  readonly locale?: string[];
  readonly format: string;
  readonly failOn?: string[];
}

export async function report(flags: ReportFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format takes text or json, not ${flags.format}`);
  const failOn = (flags.failOn ?? []) as FailOn[];
  const wrong = failOn.filter((f) => !FAIL_ON.includes(f));
  if (wrong.length > 0) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), not ${wrong.join(', ')}`);
  const catalogs = await catalogsOrExit(flags.catalogs, flags.catalog);
  if (catalogs === undefined) return 1;
  const coverage: CatalogCoverage[] = [];
  for (const texts of catalogs) {
    const lock = await readLock(texts.folder);
    const locales = texts.catalog.locales.filter((l) => l !== texts.catalog.sourceLocale && (flags.locale === undefined || flags.locale.includes(l)));
    coverage.push({
      catalog: texts.catalog.id,
      folder: texts.folder,
      sourceLocale: texts.catalog.sourceLocale,
      locales: locales.map((l) => localeCoverage(texts.texts, l, lock)),
    });
  }
  process.stdout.write(flags.format === 'json' ? formatCoverageJson(coverage) : formatCoverageText(coverage));
  const all = coverage.flatMap((c) => c.locales);
  const fails = (failOn.includes('missing') && all.some((l) => l.missing.length > 0)) || (failOn.includes('stale') && all.some((l) => l.stale.length > 0));
  return fails ? 1 : 0;
}

export async function lock(flags: { catalogs: string; catalog?: string[]; force?: true }): Promise<number> {
  const catalogs = await catalogsOrExit(flags.catalogs, flags.catalog);
  if (catalogs === undefined) return 1;
  for (const texts of catalogs) {
    const current = await readLock(texts.folder);
    const recorded = updateLock(texts, current, flags.force === true);
    await writeLock(texts.folder, current);
    process.stderr.write(`${texts.catalog.id}: ${recorded} translation(s) recorded in translations.lock.json\n`);
  }
  return 0;
}

export async function exportTexts(flags: { catalogs: string; catalog?: string; locale: string; format: string; out?: string }): Promise<number> {
  if (!(EXCHANGE_FORMATS as readonly string[]).includes(flags.format))
    throw new UsageError(`--format takes ${EXCHANGE_FORMATS.join(' or ')}, not ${flags.format}`);
  const catalogs = await catalogsOrExit(flags.catalogs, flags.catalog === undefined ? undefined : [flags.catalog]);
  if (catalogs === undefined) return 1;
  if (catalogs.length !== 1) throw new UsageError(`choose one catalog with --catalog (found ${catalogs.map((c) => c.catalog.id).join(', ')})`);
  const texts = catalogs[0]!;
  const { locales, sourceLocale } = texts.catalog;
  if (!locales.includes(flags.locale) || flags.locale === sourceLocale) {
    throw new UsageError(`--locale must be one of ${locales.filter((l) => l !== sourceLocale).join(', ')} (the catalog's locales besides ${sourceLocale})`);
  }
  const document = exchangeDocument(texts, flags.locale, await readLock(texts.folder));
  const format = flags.format as ExchangeFormat;
  const text =
    format === 'po' ? await (await import('./translations/po.js')).writePo(document) : await (await import('./translations/xliff.js')).writeXliff(document);
  if (flags.out === undefined) process.stdout.write(text);
  else
    await writeFile(flags.out, text).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write ${flags.out} (${error.code ?? error.message})`);
    });
  return 0;
}

export async function importFile(file: string, flags: { catalogs: string }): Promise<number> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file} (${error.code ?? error.message})`);
  });
  let document: Awaited<ReturnType<typeof readExchange>>;
  try {
    document = await readExchange(text);
  } catch (error) {
    throw new UsageError(`${file} is not a translation file hookcat can read: ${(error as Error).message.split('\n')[0]}`);
  }
  const catalogs = await catalogsOrExit(flags.catalogs, undefined);
  if (catalogs === undefined) return 1;
  let result: Awaited<ReturnType<typeof importTranslations>>;
  try {
    result = await importTranslations(catalogs, document);
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof Error) || error.constructor !== Error) throw error;
    throw new UsageError(`import: ${error.message}`);
  }
  for (const line of [...result.errors, ...result.warnings]) process.stderr.write(`${line}\n`);
  for (const id of result.staleOnArrival) process.stderr.write(`${id}: the source text changed since the export; written, and marked stale\n`);
  const written = result.files.reduce((n, f) => n + f.texts, 0);
  process.stderr.write(`${written} text(s) written to ${result.files.length} file(s), ${result.unchanged} unchanged\n`);
  return result.errors.length > 0 ? 1 : 0;
}

/** Runs a subcommand; a lock file that is not one becomes a one-line usage error. */
export async function run(work: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (error) {
    if (error instanceof LockFileError) throw new UsageError(`translations: ${error.message}`);
    throw error;
  }
}
