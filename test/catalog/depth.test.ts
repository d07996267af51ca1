import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { MAX_DATA_DEPTH } from '../../src/catalog/depth.js';
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
