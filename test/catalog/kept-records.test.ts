/**
 * What earlier processes found (the records of parsed files and the passed example checks, see
 * `src/catalog/kept-records.ts`) never changes what the loader reports or builds: every case of
 * the diagnostics corpus and every catalog of the project, loaded in a fresh context from the
 * records of an earlier load, gives the diagnostics and the model of a load without them, and
 * parses no file again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics.js';
import { ExampleRun } from '../../src/catalog/checks/example-run.js';
import { loadCatalog } from '../../src/load.js';
import { OutputMemory } from '../../src/output-memo.js';

const ERRORS = 'test/fixtures/errors';
const cases = readdirSync(ERRORS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !existsSync(path.join(ERRORS, e.name, 'links.json')))
  .map((e) => path.join(ERRORS, e.name, 'catalog'));
const catalogs = readdirSync('catalog').map((name) => path.join('catalog', name));

/** A memory that counts the records made (not found). */
function counted(): { memory: OutputMemory; made: () => number } {
  const memory = new OutputMemory();
  let made = 0;
  const keep = memory.keep.bind(memory);
  memory.keep = (key, text) => {
    made++;
    keep(key, text);
  };
  return { memory, made: () => made };
}

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A copy of the shop catalog in a temporary folder. */
async function copyOfShop(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hookcat-kept-'));
  roots.push(root);
  const folder = path.join(root, 'shop');
  await cp('catalog/shop', folder, { recursive: true });
  return folder;
}

/** Replaces what `pattern` finds in `file` (which must find it) by `replacement`. */
async function edit(file: string, pattern: RegExp, replacement: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toMatch(pattern);
  await writeFile(file, text.replace(pattern, replacement));
}

describe('a load from the records of an earlier process', () => {
  it.each([...catalogs, ...cases])('%s: the same diagnostics and model, nothing made again', async (folder) => {
    const plain = await loadCatalog(folder);
    const { memory, made } = counted();
    await loadCatalog(folder, { kept: memory });
    memory.finishRun();
    const before = made();
    const again = await loadCatalog(folder, { kept: memory });
    expect(formatDiagnostics(again.diagnostics, { color: false })).toBe(formatDiagnostics(plain.diagnostics, { color: false }));
    expect(again.catalog).toEqual(plain.catalog);
    expect(made()).toBe(before);
  });

  it('restores parsed files from their records, and parses a file whose record is damaged', async () => {
    const memory = new OutputMemory();
    const plain = await loadCatalog('catalog/shop', { kept: memory });
    memory.finishRun();
    const records = [...memory.entries()].filter(([key]) => key.startsWith('catalog file'));
    expect(records.map(([key]) => key.split('\0').at(-1)).sort()).toEqual(
      ['catalog.yaml', ...readdirSync('catalog/shop/events').map((name) => `events/${name}`)].sort(),
    );
    // A record is what the load takes: one whose data says another version shows in the model.
    const [key, record] = records.find(([name]) => name.endsWith('\0catalog.yaml'))!;
    const parsed = JSON.parse(record) as { data: { catalog: { version: string } } };
    parsed.data.catalog.version = '9.9.9';
    const tampered = new OutputMemory();
    tampered.fill([[key, JSON.stringify(parsed)]]);
    expect((await loadCatalog('catalog/shop', { kept: tampered })).catalog?.version).toBe('9.9.9');
    const damaged = new OutputMemory();
    damaged.fill(records.map(([name, text]) => [name, text.slice(0, 30)]));
    const again = await loadCatalog('catalog/shop', { kept: damaged });
    expect(formatDiagnostics(again.diagnostics, { color: false })).toBe(formatDiagnostics(plain.diagnostics, { color: false }));
    expect(again.catalog).toEqual(plain.catalog);
  });

  it('loads a file that has no record (a YAML alias) as a load without records does', async () => {
    const folder = await copyOfShop();
    await edit(
      path.join(folder, 'events', 'payments.yaml'),
      /^ {4}title:\n {6}en: Money\n {6}pl: Kwota\n/m,
      '    title: &money\n      en: Money\n      pl: Kwota\n    x-same-title: *money\n',
    );
    const plain = await loadCatalog(folder);
    const memory = new OutputMemory();
    await loadCatalog(folder, { kept: memory });
    memory.finishRun();
    expect([...memory.entries()].some(([key]) => key.endsWith('\0events/payments.yaml'))).toBe(false);
    const again = await loadCatalog(folder, { kept: memory });
    expect(formatDiagnostics(again.diagnostics, { color: false })).toBe(formatDiagnostics(plain.diagnostics, { color: false }));
    expect(again.catalog).toEqual(plain.catalog);
  });

  it('checks again an example that the kept verdict no longer covers', async () => {
    const folder = await copyOfShop();
    const memory = new OutputMemory();
    expect((await loadCatalog(folder, { kept: memory })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    memory.finishRun();
    expect([...memory.entries()].some(([key]) => key.startsWith('examples passed'))).toBe(true);
    // A shared schema every order example uses now wants more fields than any example has.
    await edit(path.join(folder, 'events', 'payments.yaml'), /^ {2}Money:\n {4}type: object\n/m, '  Money:\n    type: object\n    minProperties: 99\n');
    const again = await loadCatalog(folder, { kept: memory });
    const plain = await loadCatalog(folder);
    expect(plain.diagnostics.some((d) => d.code === 'HC306')).toBe(true);
    expect(formatDiagnostics(again.diagnostics, { color: false })).toBe(formatDiagnostics(plain.diagnostics, { color: false }));
  });

  it('runs no meta-schema check of a schema an earlier process found valid, and checks again one that changed', async () => {
    const folder = await copyOfShop();
    const memory = new OutputMemory();
    const checked = vi.spyOn(ExampleRun.prototype, 'schemaProblems');
    try {
      await loadCatalog(folder, { kept: memory });
      memory.finishRun();
      expect([...memory.entries()].some(([key]) => key.startsWith('schema passed'))).toBe(true);
      const first = checked.mock.calls.length;
      expect(first).toBeGreaterThan(0);
      checked.mockClear();
      await loadCatalog(folder, { kept: memory });
      expect(checked).not.toHaveBeenCalled();
      // A shared schema and a payload the meta-schema refuses: each is checked, and reported.
      await edit(path.join(folder, 'events', 'payments.yaml'), /^ {2}Money:\n {4}type: object\n/m, '  Money:\n    type: objekt\n');
      const again = await loadCatalog(folder, { kept: memory });
      expect(checked.mock.calls.length).toBeGreaterThan(0);
      const plain = await loadCatalog(folder);
      expect(plain.diagnostics.some((d) => d.code === 'HC310' && d.severity === 'error')).toBe(true);
      expect(formatDiagnostics(again.diagnostics, { color: false })).toBe(formatDiagnostics(plain.diagnostics, { color: false }));
    } finally {
      checked.mockRestore();
    }
  });
});
