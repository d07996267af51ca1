/**
 * The diagnostics corpus: each folder under test/fixtures/errors/ is a small catalog that
 * breaks one rule, and expected.json lists exactly the diagnostics it must produce, with
 * file (relative to the catalog folder), line, column, code, severity, and the data of a code
 * that covers several reasons (so a case refused for another reason under the same code fails).
 * A case that needs symbolic links lists them in links.json (path in the catalog folder -> link
 * target); the test makes them in a copy of the case, so no link is committed (git on Windows and
 * Stryker's sandbox copy do not keep them).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadCatalogs } from '../../src/load.js';
import { MAX_FILE_BYTES } from '../../src/catalog/files.js';
import { DIAGNOSTIC_CODES, formatDiagnostics, sortDiagnostics, type Diagnostic, type DiagnosticCode } from '../../src/diagnostics.js';

const ERRORS = fileURLToPath(new URL('../fixtures/errors/', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/rich/catalog/', import.meta.url));
/** Codes no catalog folder can produce: HC900 is a bug in hookcat; HC351 comes from generating
 * pages with a set of templates (test/messages/message-files.test.ts). */
const NOT_FROM_A_CATALOG: readonly DiagnosticCode[] = ['HC900', 'HC351'];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly severity: string;
  readonly data?: Readonly<Record<string, string>>;
}

const cases = readdirSync(ERRORS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function expectedOf(name: string): Finding[] {
  return JSON.parse(readFileSync(path.join(ERRORS, name, 'expected.json'), 'utf8')) as Finding[];
}

/** The loader's diagnostics as expected.json writes them: file relative to the catalog folder. */
function findings(folder: string, diagnostics: readonly Diagnostic[]): Finding[] {
  return sortDiagnostics(diagnostics).map((d) => ({
    file: path.relative(folder, path.resolve(d.file)).split(path.sep).join('/') || '.',
    line: d.line,
    column: d.column,
    code: d.code,
    severity: d.severity,
    ...(d.data === undefined ? {} : { data: d.data }),
  }));
}

/** The diagnostics as text, files relative to the catalog folder, and the folder written
 * `<catalog>` where a message names it (as the loader was given it, or relative to the working
 * folder), wherever the case runs from (a linked case from a temporary copy). */
function printed(folder: string, diagnostics: readonly Diagnostic[]): string {
  const relative = diagnostics.map((d) => ({ ...d, file: path.relative(folder, path.resolve(d.file)).split(path.sep).join('/') || '.' }));
  return formatDiagnostics(relative, { color: false }).replaceAll(folder, '<catalog>').replaceAll(path.relative(process.cwd(), folder), '<catalog>');
}

describe('the diagnostics corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every case a catalog folder and a non-empty expected.json', () => {
    for (const name of cases) {
      expect(existsSync(path.join(ERRORS, name, 'catalog')), `${name}/catalog`).toBe(true);
      expect(existsSync(path.join(ERRORS, name, 'expected.json')), `${name}/expected.json`).toBe(true);
      expect(expectedOf(name).length, `${name}/expected.json lists nothing`).toBeGreaterThan(0);
    }
  });

  it('has a case for every code a catalog can produce', () => {
    const covered = new Set(cases.flatMap((name) => expectedOf(name).map((f) => f.code)));
    const codes = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((c) => !NOT_FROM_A_CATALOG.includes(c));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
  });
});

const linkedCopies: string[] = [];
afterAll(() => Promise.all(linkedCopies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The case's catalog folder; for a case with links.json, a copy of the case with its links made. */
async function caseCatalog(name: string): Promise<string> {
  const links = path.join(ERRORS, name, 'links.json');
  if (!existsSync(links)) return path.join(ERRORS, name, 'catalog');
  const copy = await mkdtemp(path.join(os.tmpdir(), `hookcat-${name}-`));
  linkedCopies.push(copy);
  await cp(path.join(ERRORS, name), copy, { recursive: true });
  const catalog = path.join(copy, 'catalog');
  for (const [at, target] of Object.entries(JSON.parse(readFileSync(links, 'utf8')) as Record<string, string>)) {
    await mkdir(path.dirname(path.join(catalog, at)), { recursive: true });
    await symlink(target, path.join(catalog, at));
  }
  return catalog;
}

describe.each(cases)('error case %s', (name) => {
  it('produces exactly the diagnostics in expected.json', async () => {
    const folder = await caseCatalog(name);
    const result = await loadCatalog(folder);
    expect(findings(folder, result.diagnostics)).toEqual(expectedOf(name));
  });

  it('prints exactly expected.txt, as `hookcat validate` would from inside the catalog folder', async () => {
    const folder = await caseCatalog(name);
    const result = await loadCatalog(folder);
    await expect(printed(folder, result.diagnostics)).toMatchFileSnapshot(path.join(ERRORS, name, 'expected.txt'));
  });

  it('explains each diagnostic, points inside the file, and builds a model only without errors', async () => {
    const result = await loadCatalog(await caseCatalog(name));
    for (const d of result.diagnostics) {
      expect(d.message.trim(), `${d.code} message`).not.toBe('');
      expect(d.hint.trim(), `${d.code} hint`).not.toBe('');
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      const file = path.resolve(d.file);
      if (statSync(file).isFile()) {
        const lines = readFileSync(file, 'latin1').split('\n');
        expect(d.line, `${d.file}:${d.line}`).toBeLessThanOrEqual(lines.length);
        expect(d.column, `${d.file}:${d.line}:${d.column}`).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
      }
    }
    const errors = expectedOf(name).some((f) => f.severity === 'error');
    expect(result.catalog === undefined).toBe(errors);
  });
});

describe('hostile input', () => {
  it('stops an alias bomb before expanding it (expanded, it would not fit in memory: the test would time out)', async () => {
    const result = await loadCatalog(path.join(ERRORS, 'alias-bomb', 'catalog'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['HC103']);
  });
});

describe('problems that are not worth a fixture folder', () => {
  const temps: string[] = [];
  const copyOfGood = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hookcat-diag-'));
    temps.push(dir);
    const catalog = path.join(dir, 'catalog');
    await cp(GOOD, catalog, { recursive: true });
    return catalog;
  };
  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file larger than the limit without reading it (HC100)', async () => {
    const catalog = await copyOfGood();
    const big = path.join(catalog, 'events', 'huge.yaml');
    await writeFile(big, '');
    await truncate(big, MAX_FILE_BYTES + 1);
    const result = await loadCatalog(catalog);
    expect(findings(catalog, result.diagnostics).filter((f) => f.severity === 'error')).toEqual([
      { file: 'events/huge.yaml', line: 1, column: 1, code: 'HC100', severity: 'error', data: { file: 'too-large' } },
    ]);
  });

  it('reports deep block nesting by indentation (HC104)', async () => {
    const catalog = await copyOfGood();
    const deep = Array.from({ length: 140 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    await writeFile(path.join(catalog, 'events', 'deep.yaml'), `schemas:\n${deep} end\n`);
    const result = await loadCatalog(catalog);
    const errors = findings(catalog, result.diagnostics).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.file, f.code, f.data])).toEqual([['events/deep.yaml', 'HC104', { nesting: 'text' }]]);
  });

  it('reports a path that is not a folder instead of throwing (HC105)', async () => {
    const missing = path.join(os.tmpdir(), 'hookcat-no-such-folder', 'catalog');
    await expect(loadCatalog(missing)).resolves.toMatchObject({ catalog: undefined, diagnostics: [{ code: 'HC105', line: 1, column: 1 }] });
    const file = path.join(GOOD, 'catalog.yaml');
    await expect(loadCatalog(file)).resolves.toMatchObject({ catalog: undefined, diagnostics: [{ code: 'HC105' }] });
  });

  it('reports two catalogs with the same id (HC204)', async () => {
    const first = await copyOfGood();
    const root = path.dirname(first);
    const second = path.join(root, 'again');
    await mkdir(second);
    await cp(first, second, { recursive: true });
    const result = await loadCatalogs([root]);
    expect(result.catalogs).toHaveLength(1);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [path.relative(root, path.resolve(d.file)), d.code])).toEqual([[path.join('catalog', 'catalog.yaml'), 'HC204']]);
  });

  it('loads the good fixture with warnings only', async () => {
    const result = await loadCatalog(GOOD);
    expect(result.catalog).toBeDefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
