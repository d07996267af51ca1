/** What the site is built from in `generated/`: each catalog's pages per locale and its downloadable files. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isLocaleTag } from '../locale/tags.js';
import type { Catalog } from '../model/types.js';
import { UsageError } from '../usage-error.js';
import { MANIFEST_FILE, readManifest } from '../write/manifest.js';

/** Machine-readable outputs offered for download: the OpenAPI fragment, JSON Schemas, types. */
const DOWNLOADABLE = /^(openapi\.(yaml|json)|types\.ts|schemas\/.+\.schema\.json)$/;

export interface GeneratedPage {
  /** Path inside the locale folder, e.g. `events/order.created.md`. */
  readonly file: string;
  readonly text: string;
}

export interface GeneratedLocale {
  readonly locale: string;
  readonly pages: readonly GeneratedPage[];
}

export interface GeneratedCatalog {
  readonly catalog: Catalog;
  /** The locales with pages (an `index.md`), in name order. */
  readonly locales: readonly GeneratedLocale[];
  /** Files of `generated/<catalog>/` to offer for download, relative to it, in name order. */
  readonly downloads: readonly string[];
}

/** Every file under `dir`, relative to it with `/`, in name order; empty when `dir` is absent. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The pages and downloads of `catalog` under `generatedDir`: the files its manifest lists (`owned`), when it has one. */
async function readCatalog(generatedDir: string, catalog: Catalog, owned: ReadonlySet<string> | undefined): Promise<GeneratedCatalog> {
  const folder = path.join(generatedDir, catalog.id);
  const files = (await filesUnder(folder)).filter((file) => owned === undefined || owned.has(`${catalog.id}/${file}`));
  const byLocale = new Map<string, string[]>();
  for (const file of files) {
    const [first, ...rest] = file.split('/');
    if (first !== undefined && isLocaleTag(first) && rest.length > 0 && file.endsWith('.md'))
      byLocale.set(first, [...(byLocale.get(first) ?? []), rest.join('/')]);
  }
  const locales: GeneratedLocale[] = [];
  for (const [locale, pages] of [...byLocale].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!pages.includes('index.md')) continue;
    const read = await Promise.all(pages.map(async (file) => ({ file, text: await readFile(path.join(folder, locale, file), 'utf8') })));
    locales.push({ locale, pages: read });
  }
  return { catalog, locales, downloads: files.filter((f) => DOWNLOADABLE.test(f)) };
}

/**
 * The generated pages and downloads of every catalog. Only files `hookcat generate` wrote and
 * still owns are published: a page left from an event since removed (after `generate --force`,
 * which deletes nothing) or a file someone dropped into the folder is not on the site.
 */
export async function readGenerated(generatedDir: string, catalogs: readonly Catalog[]): Promise<GeneratedCatalog[]> {
  const state = await readManifest(generatedDir);
  if (state.kind === 'unreadable')
    throw new UsageError(
      `the manifest ${path.join(generatedDir, MANIFEST_FILE)} cannot be read: ${state.reason}; run \`hookcat generate --force\`, then build the site`,
    );
  const owned = state.kind === 'read' ? new Set(Object.keys(state.manifest.files)) : undefined;
  return Promise.all(catalogs.map((catalog) => readCatalog(generatedDir, catalog, owned)));
}
