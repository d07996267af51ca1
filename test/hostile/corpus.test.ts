/**
 * The hostile corpus: every folder under test/fixtures/hostile/ is a small catalog written to
 * break hookcat, with an expect.json saying what it must produce instead: diagnostics at
 * exact positions, or outputs that keep their meaning (checked with independent tools).
 * After every case the built-in prototypes are checked for pollution.
 */
import { mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadCatalog } from '../../src/load.js';
import { generate } from '../../src/generate.js';
import { OutputFolderError } from '../../src/write.js';
import { readCatalogText } from './support/catalog-text.js';
import { expectationProblems, readCases, type ExpectedDiagnostic, type HostileCase } from './support/expectation.js';
import { readPage, tableRows } from './support/markdown-check.js';
import { checkProperties } from './support/output-checks.js';
import { pollutionSince, snapshotPrototypes } from './support/pollution.js';
import { generateProject, makeProject, removeProject, type Project } from './support/project.js';
import { encodingProblems, readTree, textsOf, treeHash } from './support/tree.js';
import { moduleFacts } from './support/typescript-check.js';

const ROOT = path.resolve('test/fixtures/hostile');
const CASES = await readCases(ROOT);
const PROTOTYPES = snapshotPrototypes();

/** A valid case generated once: every refused catalog is then pointed at its output folder, which must not change. */
const BASELINE_CASE = 'unicode-all-locales';
let baseline: { project: Project; hash: string } | undefined;

const projects: Project[] = [];

beforeAll(async () => {
  const project = await makeProject(path.join(ROOT, BASELINE_CASE));
  const generated = await generateProject(project);
  expect(generated.result.ok).toBe(true);
  baseline = { project, hash: treeHash(await readTree(project.outDir)) };
});

afterEach(() => {
  expect(pollutionSince(PROTOTYPES)).toEqual([]);
});

afterAll(async () => {
  await Promise.all([...(baseline === undefined ? [] : [baseline.project]), ...projects].map(removeProject));
});

function relativeDiagnostic(catalogDir: string, d: Diagnostic): ExpectedDiagnostic {
  const file = path.relative(catalogDir, path.resolve(d.file)).split(path.sep).join('/') || '.';
  return { code: d.code, file, line: d.line, column: d.column, severity: d.severity, ...(d.data === undefined ? {} : { data: d.data }) };
}

const byPosition = (a: ExpectedDiagnostic, b: ExpectedDiagnostic): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);

async function runCase({ dir, expect: expectation }: HostileCase): Promise<void> {
  const project = await makeProject(dir, expectation.setup);
  projects.push(project);
  const started = performance.now();
  const loaded = await loadCatalog(project.catalogDir);
  const elapsed = performance.now() - started;
  expect(elapsed, `loading took ${Math.round(elapsed)} ms`).toBeLessThan(expectation.maxMs ?? 10_000);
  const actual = loaded.diagnostics.map((d) => relativeDiagnostic(project.catalogDir, d));
  const errors = actual.filter((d) => d.severity === 'error');

  if (expectation.diagnostics !== undefined && expectation.generates !== true) {
    const expected = expectation.diagnostics.map((d) => ({ ...d, severity: d.severity ?? 'error' }));
    expect(errors.sort(byPosition), 'the exact errors').toEqual(expected.filter((d) => d.severity === 'error').sort(byPosition));
    expect(actual).toEqual(expect.arrayContaining(expected.filter((d) => d.severity === 'warning')));
    expect(loaded.catalog).toBeUndefined();
    // Broken input never touches an existing output folder.
    const { project: existing, hash } = baseline!;
    const result = await generate({ catalogs: project.catalogDir, out: existing.outDir, projectRoot: existing.root });
    expect(result.ok).toBe(false);
    expect(result.changes).toEqual([]);
    expect(treeHash(await readTree(existing.outDir))).toBe(hash);
    return;
  }

  expect(errors, 'a generating case loads without errors').toEqual([]);
  expect(loaded.catalog).toBeDefined();
  expect(actual).toEqual(expect.arrayContaining((expectation.diagnostics ?? []).map((d) => ({ ...d, severity: 'warning' }))));

  if (expectation.refuseOut !== undefined) {
    const out = path.resolve(project.root, expectation.refuseOut);
    const before = treeHash(await readTree(out));
    await expect(generate({ catalogs: project.catalogDir, out, projectRoot: project.root })).rejects.toBeInstanceOf(OutputFolderError);
    expect(treeHash(await readTree(out)), 'nothing written to the refused folder').toBe(before);
    if (expectation.properties === undefined) return;
  }

  const { result, tree } = await generateProject(project);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  expect(
    [...tree].flatMap(([file, bytes]) => encodingProblems(file, bytes)),
    'UTF-8, no BOM, LF',
  ).toEqual([]);
  const catalog = await readCatalogText(project.catalogDir);
  const outputs = textsOf(tree);
  expect(await checkProperties(catalog, outputs, expectation.properties ?? [])).toEqual({});
  if (expectation.pages !== undefined) {
    const pages = [...outputs].filter(([name]) => name.endsWith('.md'));
    expect(pages.length, 'pages were written').toBeGreaterThan(0);
    expect(
      pages.reduce((rows, [, text]) => rows + tableRows(readPage(text)), 0),
      'table rows of all pages',
    ).toBeLessThanOrEqual(expectation.pages.maxRows);
    expect(
      pages.reduce((bytes, [, text]) => bytes + Buffer.byteLength(text), 0),
      'bytes of all pages',
    ).toBeLessThanOrEqual(expectation.pages.maxBytes);
  }
  if (expectation.recursiveTypes !== undefined) {
    const facts = moduleFacts(outputs.get(`${catalog.id}/types.ts`) ?? '');
    expect([...facts.selfReferencing]).toEqual(expect.arrayContaining([...expectation.recursiveTypes]));
  }
  // A second run is a fixed point: nothing changes.
  const again = await generate({ catalogs: project.catalogDir, out: project.outDir, projectRoot: project.root });
  expect(again.changes).toEqual([]);
}

describe('hostile corpus', () => {
  it('has at least 40 cases, each with a well-formed expect.json', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const problems = CASES.flatMap((c) => expectationProblems(c.expect).map((p) => `${c.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('has both refused and generating cases', () => {
    expect(CASES.filter((c) => c.expect.diagnostics !== undefined).length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => c.expect.generates === true).length).toBeGreaterThanOrEqual(15);
  });

  for (const hostile of CASES) {
    it(hostile.name, () => runCase(hostile), Math.max(60_000, (hostile.expect.maxMs ?? 0) * 3));
  }

  // A link committed in place of the output folder must not carry the output out of the project.
  it('refuses an output folder that is a link to a folder outside the project', async () => {
    const project = await makeProject(path.join(ROOT, BASELINE_CASE));
    projects.push(project);
    const elsewhere = path.join(project.root, '..', `${path.basename(project.root)}-elsewhere`);
    await mkdir(elsewhere);
    projects.push({ root: elsewhere, catalogDir: elsewhere, outDir: elsewhere });
    await symlink(elsewhere, project.outDir);
    const run = generate({ catalogs: project.catalogDir, out: project.outDir, projectRoot: project.root });
    await expect(run).rejects.toBeInstanceOf(OutputFolderError);
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
