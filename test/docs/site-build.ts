/** Building the docs site for tests as a project does: catalogs copied into a project folder of
 * their own under `docs-site/` (gitignored, and inside the repository so the pages resolve
 * `vue` and `vitepress` from its node_modules), then `hookcat generate --only docs` and
 * `hookcat site build` run there, from the sources. */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
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

/** The docs pages of `catalog`, as `hookcat generate` writes them: path -> markdown. */
export async function pagesOf(catalog: Catalog): Promise<Map<string, string>> {
  const templates = await loadTemplates();
  return new Map(markdownEmitter.emit(catalog, { templates, descriptions }).map((file) => [file.path, file.contents]));
}

export interface BuiltSite {
  /** The project folder. */
  readonly work: string;
  /** The built site. */
  readonly dist: string;
}

/** Runs hookcat's CLI from the sources in `cwd`. */
export function hookcat(cwd: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(PROJECT_ROOT, 'src', 'cli.ts'), ...argv], {
    cwd,
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Copies the catalog folders `catalogs` (relative to the repository) into `docs-site/<name>/catalog/`, generates their pages and builds the site. */
export async function buildSite(name: string, catalogs: readonly string[]): Promise<BuiltSite> {
  const work = path.join(PROJECT_ROOT, 'docs-site', name);
  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(work, 'catalog'), { recursive: true });
  for (const [index, folder] of catalogs.entries()) await cp(path.join(PROJECT_ROOT, folder), path.join(work, 'catalog', `c${index}`), { recursive: true });
  await hookcat(work, 'generate', '--quiet');
  await hookcat(work, 'site', 'build');
  return { work, dist: path.join(work, 'docs-site') };
}
