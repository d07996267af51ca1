/**
 * Every generated page passes markdownlint with the small documented config in
 * `templates/site/pages.markdownlint.yaml` (each disabled rule says why there).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lint } from 'markdownlint/sync';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { markdownEmitter } from '../../src/emit/markdown.js';
import { loadCatalog } from '../../src/load.js';
import { loadTemplates } from '../../src/templates.js';
import { loadOrFail, PROJECT_ROOT } from './site-build.js';
import { createDescriptionFormat } from '../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

const CONFIG_FILE = path.join(PROJECT_ROOT, 'templates', 'site', 'pages.markdownlint.yaml');

async function catalogDirs(): Promise<string[]> {
  const folders = async (dir: string, inside = ''): Promise<string[]> =>
    (await readdir(path.join(PROJECT_ROOT, dir), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => `${dir}/${e.name}${inside}`)
      .sort();
  return [
    ...(await folders('catalog')),
    'test/fixtures/rich/catalog',
    'test/fixtures/locales/catalog',
    ...(await folders('test/fixtures/shapes', '/catalog')),
    ...(await folders('test/fixtures/providers', '/catalog')),
  ];
}

describe('markdownlint on the generated pages', () => {
  it('reports nothing for any page of any catalog', async () => {
    const config = parse(await readFile(CONFIG_FILE, 'utf8')) as Record<string, unknown>;
    const templates = await loadTemplates();
    const strings: Record<string, string> = {};
    let catalogs = 0;
    for (const dir of await catalogDirs()) {
      // A provider fixture whose keys the loader still refuses (LINE's camelCase) has no pages yet.
      if (dir.startsWith('test/fixtures/providers/') && (await loadCatalog(path.join(PROJECT_ROOT, dir))).catalog === undefined) continue;
      catalogs++;
      const catalog = await loadOrFail(dir);
      for (const file of markdownEmitter.emit(catalog, { templates, descriptions })) strings[file.path] = file.contents;
    }
    expect(catalogs).toBeGreaterThanOrEqual(12);
    expect(Object.keys(strings).length).toBeGreaterThan(100);
    const results = lint({ strings, config });
    const problems = Object.entries(results).flatMap(([name, errors]) =>
      errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`),
    );
    expect(problems).toEqual([]);
  });

  it('would report a long line without the config, so the config is really in use', async () => {
    const config = parse(await readFile(CONFIG_FILE, 'utf8')) as Record<string, unknown>;
    const page = `# Title\n\n${'word '.repeat(40).trim()}\n`;
    expect(lint({ strings: { page }, config: { default: true } })['page']).not.toEqual([]);
    expect(lint({ strings: { page }, config })['page']).toEqual([]);
  });
});
