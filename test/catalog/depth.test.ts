import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { checkDepth, MAX_DATA_DEPTH, pathDeeperThan } from '../../src/catalog/depth.js';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import { loadCatalog } from '../../src/load.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A catalog whose one payload nests `levels` block mappings (2 spaces a level, under the text scan's limit). */
async function catalogNesting(levels: number): Promise<string> {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-depth-'));
  await mkdir(path.join(root, 'events'));
  await writeFile(
    path.join(root, 'catalog.yaml'),
    "catalog:\n  id: deep\n  version: '1'\n  locales: [en]\n  sourceLocale: en\n  title: Deep\ncategories:\n  - id: c\n    title: C\n    description: D\n",
  );
  const lines = ['events:', '  - key: a.b', '    category: c', '    title: t', '    description: d', '    payload:'];
  for (let i = 0; i < levels; i++) lines.push(`${' '.repeat(6 + 2 * i)}l${i}:`);
  lines.push(`${' '.repeat(6 + 2 * levels)}x: 1`);
  await writeFile(path.join(root, 'events', 'deep.yaml'), `${lines.join('\n')}\n`);
  return root;
}

it('refuses data nested deeper than the limit, at the first node past it', async () => {
  const { diagnostics } = await loadCatalog(await catalogNesting(MAX_DATA_DEPTH + 10));
  // events / 0 / payload take three levels, so l96 is the node at depth 100.
  expect(diagnostics.map((d) => [d.code, path.basename(d.file), d.line, d.data])).toEqual([
    ['HC104', 'deep.yaml', 6 + MAX_DATA_DEPTH - 3 + 1, { nesting: 'data' }],
  ]);
});

it('accepts deep data within the limit', async () => {
  const { diagnostics } = await loadCatalog(await catalogNesting(MAX_DATA_DEPTH - 10));
  expect(diagnostics.filter((d) => d.code === 'HC104')).toEqual([]);
});

it('gives the path of the first mapping or list past the limit', () => {
  expect(pathDeeperThan({ a: 1, b: [2, { c: {} }] }, 2)).toEqual(['b', 1]);
  expect(pathDeeperThan([[], [[]]], 2)).toEqual([1, 0]);
  expect(pathDeeperThan({ a: { b: 'text' } }, 2)).toBeUndefined();
  expect(pathDeeperThan('text', 0)).toBeUndefined();
  expect(pathDeeperThan(null, 0)).toBeUndefined();
});

it('reports data nested too deep in full, at the node past the limit', () => {
  const lines = Array.from({ length: MAX_DATA_DEPTH + 1 }, (_, i) => `${' '.repeat(2 * i)}l${i}:`);
  const text = `${lines.join('\n')} end\n`;
  const { file, diagnostics } = parseCatalogFile(text, 'shown.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  expect(checkDepth(file)).toEqual([
    {
      code: 'HC104',
      severity: 'error',
      file: 'shown.yaml',
      line: MAX_DATA_DEPTH + 1,
      column: 2 * MAX_DATA_DEPTH + 1,
      message: `data nested deeper than ${MAX_DATA_DEPTH} levels`,
      hint: 'flatten the structure or move parts into shared schemas',
      data: { nesting: 'data' },
    },
  ]);
});

it('accepts data nested exactly to the limit', () => {
  const lines = Array.from({ length: MAX_DATA_DEPTH }, (_, i) => `${' '.repeat(2 * i)}l${i}:`);
  const { file } = parseCatalogFile(`${lines.join('\n')} end\n`, 'f.yaml', 'f.yaml');
  expect(checkDepth(file)).toEqual([]);
});
