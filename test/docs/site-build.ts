/** Building the docs site for tests: generate pages from catalogs, prepare the site, run
 * `vitepress build` — the same steps as `npm run generate && npm run docs:build`, in a
 * folder of their own under `docs-site/` (which is gitignored, and inside the project so
 * the pages resolve `vue` from its node_modules). */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadCatalog } from '../../src/load.js';
import { markdownEmitter } from '../../src/emit/markdown.js';
import type { Catalog } from '../../src/model/types.js';
import { loadTemplates } from '../../src/templates.js';
import { createDescriptionFormat } from '../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

const run = promisify(execFile);
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Loads a catalog folder, failing with its diagnostics when it does not load. */
export async function loadOrFail(dir: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(path.resolve(PROJECT_ROOT, dir));
  if (catalog === undefined)
    throw new Error(`${dir} did not load:\n${diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  return catalog;
}

/** Writes the docs pages of `catalogs` under `outDir`, as `hookcat generate` would. */
export async function writePages(catalogs: readonly Catalog[], outDir: string): Promise<number> {
  const templates = await loadTemplates();
  let count = 0;
  for (const catalog of catalogs) {
    for (const file of markdownEmitter.emit(catalog, { templates, descriptions })) {
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
      count++;
    }
  }
  return count;
}

export interface BuiltSite {
  readonly dist: string;
}

/** Generates, prepares and builds the site in `docs-site/<name>/`. */
export async function buildSite(name: string, catalogs: readonly Catalog[]): Promise<BuiltSite> {
  const work = path.join(PROJECT_ROOT, 'docs-site', name);
  await rm(work, { recursive: true, force: true });
  const generated = path.join(work, 'generated');
  const src = path.join(work, 'src');
  const dist = path.join(work, 'dist');
  await writePages(catalogs, generated);
  const bin = (tool: string) => path.join(PROJECT_ROOT, 'node_modules', '.bin', tool);
  const options = { cwd: PROJECT_ROOT, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 };
  await run(bin('tsx'), ['templates/site/prepare-site.mts', generated, src], options);
  await run(bin('vitepress'), ['build', 'templates/site'], {
    ...options,
    env: { ...process.env, HOOKCAT_SITE_SRC: src, HOOKCAT_SITE_OUT: dist, HOOKCAT_SITE_CACHE: path.join(work, 'cache') },
  });
  return { dist };
}
