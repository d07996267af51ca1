import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

// Rendering very long paragraphs is superlinear in remark-gfm: catalog texts are bounded.
it('refuses texts over 10,000 characters, in catalog text and in payload schema descriptions', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-long-'));
  await cp('test/fixtures/rich/catalog', root, { recursive: true });
  const file = path.join(root, 'catalog.yaml');
  const text = await readFile(file, 'utf8');
  const long = 'x'.repeat(10_001);
  await writeFile(file, text.replace(/^(\s+)en: (.*)$/m, `$1en: ${long}`));
  await writeFile(
    path.join(root, 'events', 'zz-long.yaml'),
    ['schemas:', '  Long:', '    type: string', `    description: { en: ${long}, et: lühike }`, ''].join('\n'),
  );
  const { catalog, diagnostics } = await loadCatalog(root);
  expect(catalog).toBeUndefined();
  const long203 = diagnostics.filter((d) => d.code === 'HC203');
  expect(long203.map((d) => path.basename(d.file)).sort()).toEqual(['catalog.yaml', 'zz-long.yaml']);
  expect(long203.find((d) => d.file.endsWith('zz-long.yaml'))).toMatchObject({ line: 4, column: 24 });
});

it('counts a schema title or description plainly or per locale, each locale on its own, up to exactly 10,000', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-long-'));
  await cp('test/fixtures/rich/catalog', root, { recursive: true });
  const over = 'x'.repeat(10_001);
  const limit = 'y'.repeat(10_000);
  await writeFile(
    path.join(root, 'events', 'zz-long.yaml'),
    [
      'schemas:',
      '  PlainTitle:',
      '    type: string',
      `    title: ${over}`,
      `    description: ${limit}`,
      '  PerLocale:',
      '    type: string',
      `    title: { en: ${limit}, et: lühike }`,
      `    description: { en: ${over}, et: ${over} }`,
      '',
    ].join('\n'),
  );
  const { diagnostics } = await loadCatalog(root);
  const long203 = diagnostics.filter((d) => d.code === 'HC203' && d.file.endsWith('zz-long.yaml'));
  expect(long203.map((d) => [d.line, d.column, d.message])).toEqual([
    [4, 12, 'this text is 10001 characters long, more than 10000'],
    [9, 24, 'this text is 10001 characters long, more than 10000'],
    [9, 10031, 'this text is 10001 characters long, more than 10000'],
  ]);
});
