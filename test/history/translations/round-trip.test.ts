/**
 * The exchange round trip, as a translator meets it: export the shop catalog's texts (PO and
 * XLIFF 2.0), translate one string in the file, import it. The YAML file changes in exactly
 * that string (compared byte for byte), every comment survives, the lock records it, and the
 * catalog still loads to the same model but for that text.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { po } from 'gettext-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load.js';
import { readLock, textHash } from '../../../src/history/translations/lock.js';
import { runCli } from '../run-cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hookcat-translations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the seed catalogs to work on. */
function copyOfSeeds(): string {
  const folder = mkdtempSync(path.join(scratch, 'catalogs-'));
  cpSync('catalog', folder, { recursive: true });
  return folder;
}

function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(folder, full), readFileSync(full, 'utf8'));
    }
  };
  walk(folder);
  return files;
}

function comments(text: string): string[] {
  return text.split('\n').filter((line) => /(^|\s)#/.test(line));
}

/** The files that differ between two snapshots. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((f) => before.get(f) !== after.get(f)).sort();
}

describe('translations export and import, gettext PO', () => {
  it('changes exactly the translated string in its YAML file, and keeps every comment', async () => {
    const catalogs = copyOfSeeds();
    const exported = path.join(scratch, 'shop-pl.po');
    expect((await runCli('translations', 'export', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'pl', '--out', exported)).code).toBe(0);
    // Read and change the file with the library a translation tool would use.
    const table = po.parse(readFileSync(exported));
    const entry = table.translations['events/order.created/title']?.['Order created'];
    expect(entry?.msgstr).toEqual(['Utworzono zamówienie']);
    // The reference points at the text's line in its file.
    const [file, line] = (entry?.comments?.reference ?? '').split(':');
    expect(readFileSync(path.join(catalogs, 'shop', file!), 'utf8').split('\n')[Number(line) - 1]).toBe('      en: Order created');
    entry!.msgstr = ['Zamówienie zostało utworzone'];
    writeFileSync(exported, po.compile(table));
    const before = snapshot(catalogs);

    const run = await runCli('translations', 'import', exported, '--catalogs', catalogs);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 text(s) written to 1 file(s)');
    const after = snapshot(catalogs);
    expect(changedFiles(before, after)).toEqual(['shop/events/orders.yaml', 'shop/translations.lock.json']);
    const was = before.get('shop/events/orders.yaml')!;
    const now = after.get('shop/events/orders.yaml')!;
    expect(was.split('pl: Utworzono zamówienie\n')).toHaveLength(2);
    expect(now).toBe(was.replace('pl: Utworzono zamówienie\n', 'pl: Zamówienie zostało utworzone\n'));
    expect(comments(now)).toEqual(comments(was));
    expect(comments(now).length).toBeGreaterThan(0);

    const lock = await readLock(path.join(catalogs, 'shop'));
    expect(lock.get('events/order.created/title')?.get('pl')).toEqual({
      source: textHash('Order created'),
      translation: textHash('Zamówienie zostało utworzone'),
    });
    const loaded = await loadCatalog(path.join(catalogs, 'shop'));
    expect(loaded.catalog?.events.find((e) => e.key === 'order.created')?.title['pl']).toEqual({ text: 'Zamówienie zostało utworzone', fallback: false });
  });

  it('adds a missing translation as one new line beside the others', async () => {
    const catalogs = copyOfSeeds();
    const file = path.join(catalogs, 'shop', 'events', 'orders.yaml');
    const original = readFileSync(file, 'utf8');
    const fr = '      fr: Commande créée\n';
    expect(original.split(fr)).toHaveLength(2);
    writeFileSync(file, original.replace(fr, ''));
    const report = await runCli('translations', 'report', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'fr', '--fail-on', 'missing');
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/ {2}missing {2}.*shop\/events\/orders\.yaml:\d+:\d+ {2}events\/order\.created\/title\n/);

    const exported = path.join(scratch, 'shop-fr.po');
    await runCli('translations', 'export', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'fr', '--out', exported);
    const table = po.parse(readFileSync(exported));
    const entry = table.translations['events/order.created/title']?.['Order created'];
    expect(entry?.msgstr).toEqual(['']);
    entry!.msgstr = ['Commande créée'];
    writeFileSync(exported, po.compile(table));
    expect((await runCli('translations', 'import', exported, '--catalogs', catalogs)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect((await runCli('translations', 'report', '--catalogs', catalogs, '--catalog', 'shop', '--fail-on', 'missing,stale')).code).toBe(0);
  });

  it('does not import an entry still marked fuzzy', async () => {
    const catalogs = copyOfSeeds();
    const exported = path.join(scratch, 'fuzzy.po');
    await runCli('translations', 'export', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'pl', '--out', exported);
    const table = po.parse(readFileSync(exported));
    const entry = table.translations['events/order.created/title']?.['Order created'];
    entry!.msgstr = ['Nie importuj'];
    entry!.comments = { ...entry!.comments, flag: 'fuzzy' };
    writeFileSync(exported, po.compile(table));
    const before = snapshot(catalogs);
    expect((await runCli('translations', 'import', exported, '--catalogs', catalogs)).code).toBe(0);
    expect(changedFiles(before, snapshot(catalogs))).toEqual([]);
  });
});

describe('translations export and import, XLIFF 2.0', () => {
  it('changes exactly the translated string, in a flow mapping too', async () => {
    const catalogs = copyOfSeeds();
    const exported = path.join(scratch, 'shop-fr.xlf');
    expect(
      (await runCli('translations', 'export', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'fr', '--format', 'xliff', '--out', exported)).code,
    ).toBe(0);
    const xml = readFileSync(exported, 'utf8');
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">');
    const target = '<target>Webhooks Kramik</target>';
    expect(xml.split(target)).toHaveLength(2);
    writeFileSync(exported, xml.replace(target, '<target>Webhooks de Kramik &amp; cie</target>'));
    const before = snapshot(catalogs);
    expect((await runCli('translations', 'import', exported, '--catalogs', catalogs)).code).toBe(0);
    const after = snapshot(catalogs);
    expect(changedFiles(before, after)).toEqual(['shop/catalog.yaml', 'shop/translations.lock.json']);
    const was = before.get('shop/catalog.yaml')!;
    expect(after.get('shop/catalog.yaml')).toBe(was.replace('    fr: Webhooks Kramik\n', '    fr: Webhooks de Kramik & cie\n'));
    expect(comments(after.get('shop/catalog.yaml')!)).toEqual(comments(was));
  });
});

describe('translations import refuses what it cannot place', () => {
  it('reports unknown ids and files for another catalog or locale in one line', async () => {
    const catalogs = copyOfSeeds();
    const exported = path.join(scratch, 'other.po');
    await runCli('translations', 'export', '--catalogs', catalogs, '--catalog', 'shop', '--locale', 'pl', '--out', exported);
    const table = po.parse(readFileSync(exported));
    table.translations['events/no.such/title'] = { X: { msgctxt: 'events/no.such/title', msgid: 'X', msgstr: ['Y'] } };
    writeFileSync(exported, po.compile(table));
    const run = await runCli('translations', 'import', exported, '--catalogs', catalogs);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('events/no.such/title: no such text in catalog `shop`; skipped');

    table.headers['Language'] = 'de';
    writeFileSync(exported, po.compile(table));
    const wrongLocale = await runCli('translations', 'import', exported, '--catalogs', catalogs);
    expect(wrongLocale.code).toBe(2);
    expect(wrongLocale.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(exported, 'not a translation file\n');
    const garbage = await runCli('translations', 'import', exported, '--catalogs', catalogs);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr.trim().split('\n')).toHaveLength(1);
  });
});
