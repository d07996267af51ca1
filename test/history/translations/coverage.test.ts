/**
 * Translation coverage: the report for the seed catalogs (a golden, with its counts checked
 * against the catalogs' own texts), stale translations found through the lock file, and
 * `--fail-on` for CI.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/load.js';
import { runCli } from '../run-cli.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/history/coverage/', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hookcat-coverage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonReport {
  catalogs: {
    catalog: string;
    locales: {
      locale: string;
      total: number;
      translated: number;
      missing: { id: string; file: string; line: number }[];
      stale: { id: string }[];
      unrecorded: number;
    }[];
  }[];
}

describe('the coverage report of the seed catalogs', () => {
  it('matches the golden report, in text and JSON', async () => {
    const text = await runCli('translations', 'report');
    expect(text.code).toBe(0);
    await expect(text.stdout).toMatchFileSnapshot(path.join(GOLDEN, 'seeds.txt'));
    const json = await runCli('translations', 'report', '--format', 'json');
    await expect(json.stdout).toMatchFileSnapshot(path.join(GOLDEN, 'seeds.json'));
  });

  it('covers every locale besides the source locale, with every title and description the model has', async () => {
    const { catalogs } = await loadCatalogs(['catalog']);
    const report = JSON.parse((await runCli('translations', 'report', '--format', 'json')).stdout) as JsonReport;
    for (const catalog of catalogs) {
      const entry = report.catalogs.find((c) => c.catalog === catalog.id);
      expect(entry?.locales.map((l) => l.locale)).toEqual(catalog.locales.filter((l) => l !== catalog.sourceLocale));
      // The model's required texts (event titles and descriptions, categories) are a part of what is counted.
      const floor = catalog.events.length * 2 + catalog.categories.length * 2;
      for (const locale of entry!.locales) {
        expect(locale.total).toBeGreaterThanOrEqual(floor);
        expect(locale.translated + locale.missing.length).toBe(locale.total);
        // A locale's translated count is what the model sees written (not fallen back) among event titles.
        const titlesWritten = catalog.events.filter((e) => !e.title[locale.locale]!.fallback).length;
        expect(locale.missing.filter((m) => /^events\/[^/]+\/title$/.test(m.id))).toHaveLength(catalog.events.length - titlesWritten);
      }
    }
  });
});

describe('stale and missing translations', () => {
  function copy(): string {
    const folder = mkdtempSync(path.join(scratch, 'catalogs-'));
    cpSync('catalog/shop', path.join(folder, 'shop'), { recursive: true });
    return folder;
  }

  it('a changed source text makes its translations stale, until they are redone or locked again', async () => {
    const catalogs = copy();
    const file = path.join(catalogs, 'shop', 'events', 'orders.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('      en: Order created\n', '      en: Order placed by a buyer\n'));
    const report = await runCli('translations', 'report', '--catalogs', catalogs, '--format', 'json', '--fail-on', 'stale');
    expect(report.code).toBe(1);
    const data = JSON.parse(report.stdout) as JsonReport;
    for (const locale of data.catalogs[0]!.locales) {
      expect(locale.stale.map((s) => s.id)).toEqual(['events/order.created/title']);
      expect(locale.missing).toEqual([]);
    }
    const textReport = await runCli('translations', 'report', '--catalogs', catalogs, '--locale', 'pl');
    const staleLine = textReport.stdout.split('\n').find((l) => l.startsWith('  stale '));
    const [where] = staleLine!
      .trim()
      .split(/\s{2,}/)
      .slice(1);
    const [, line] = where!.split(':');
    expect(readFileSync(file, 'utf8').split('\n')[Number(line) - 1]).toBe('      en: Order placed by a buyer');
    expect((await runCli('translations', 'report', '--catalogs', catalogs, '--fail-on', 'missing')).code).toBe(0);

    // The Polish translation is redone: no longer stale; the French one still is.
    writeFileSync(file, readFileSync(file, 'utf8').replace('      pl: Utworzono zamówienie\n', '      pl: Kupujący złożył zamówienie\n'));
    const redone = JSON.parse((await runCli('translations', 'report', '--catalogs', catalogs, '--format', 'json')).stdout) as JsonReport;
    expect(redone.catalogs[0]!.locales.map((l) => [l.locale, l.stale.length])).toEqual([
      ['pl', 0],
      ['fr', 1],
    ]);
    // lock keeps a stale translation stale; --force records it as current.
    await runCli('translations', 'lock', '--catalogs', catalogs);
    expect((await runCli('translations', 'report', '--catalogs', catalogs, '--fail-on', 'stale')).code).toBe(1);
    await runCli('translations', 'lock', '--catalogs', catalogs, '--force');
    expect((await runCli('translations', 'report', '--catalogs', catalogs, '--fail-on', 'stale,missing')).code).toBe(0);
  });

  it('without a lock file every translation is unrecorded, and none is stale', async () => {
    const catalogs = copy();
    rmSync(path.join(catalogs, 'shop', 'translations.lock.json'));
    const data = JSON.parse((await runCli('translations', 'report', '--catalogs', catalogs, '--format', 'json', '--fail-on', 'stale')).stdout) as JsonReport;
    for (const l of data.catalogs[0]!.locales) {
      expect(l.unrecorded).toBe(l.translated);
      expect(l.stale).toEqual([]);
    }
  });

  it('refuses an unknown --fail-on value (exit 2, one line)', async () => {
    const run = await runCli('translations', 'report', '--fail-on', 'late');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a broken lock file', () => {
  it('is one line and exit 2, never a stack trace', async () => {
    const catalogs = mkdtempSync(path.join(scratch, 'broken-lock-'));
    cpSync('catalog/shop', path.join(catalogs, 'shop'), { recursive: true });
    writeFileSync(path.join(catalogs, 'shop', 'translations.lock.json'), '{ not json');
    const run = await runCli('translations', 'report', '--catalogs', catalogs);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hookcat: translations: .*translations\.lock\.json is not a hookcat-translations-lock\/1 file/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
