/**
 * Writes the site's source folder (`.hookcat/site/` in the project: VitePress's root) from the
 * catalogs and `generated/`: the pages folder (the plan's pages, the downloads, the logo) and
 * `.vitepress/` (hookcat's `config.mjs` and `langs.mjs`, and `site.json` with the config data).
 */
import { copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/define.js';
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors } from '../diagnostics.js';
import { loadTemplateSet } from '../generate.js';
import { UsageError } from '../usage-error.js';
import { loadCatalogs } from '../load.js';
import { DEFAULT_TEMPLATES_DIR } from '../templates.js';
import type { SiteManifest } from './manifest.js';
import { planSite } from './plan.js';
import { readGenerated } from './read.js';
import { vitePressConfig } from './vitepress-config.js';

/** The site's source folder, inside the project. */
export const SITE_ROOT = path.join('.hookcat', 'site');
/** The built site, unless the config says otherwise. */
export const DEFAULT_SITE_OUT = 'docs-site';

export interface SiteOptions {
  /** The project folder; every other path is relative to it. */
  readonly projectRoot: string;
  readonly catalogs?: string | undefined;
  /** The generated output (`generated`), whose pages and files the site shows. */
  readonly out?: string | undefined;
  readonly templates?: string | undefined;
  readonly site?: SiteConfig | undefined;
}

export interface PreparedSite {
  /** VitePress's root (absolute). */
  readonly root: string;
  /** The built site's folder (absolute). */
  readonly outDir: string;
  readonly manifest: SiteManifest;
  readonly pages: number;
  /** Catalogs without pages in `generated/` (not on the site). */
  readonly missing: readonly string[];
}

export type PrepareResult = { readonly diagnostics: readonly Diagnostic[]; readonly site: PreparedSite | undefined };

/** `/docs/` from `docs`, `/docs/` or `/docs`: VitePress wants a base with a slash at both ends. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The built site's folder: inside the project, not the project itself, and apart from the catalogs, the output and the site's source. */
function siteOutDir(projectRoot: string, out: string | undefined, keep: readonly string[]): string {
  const outDir = path.resolve(projectRoot, out ?? DEFAULT_SITE_OUT);
  const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + path.sep);
  const overlaps = (folder: string): boolean => inside(path.resolve(projectRoot, folder), outDir) || inside(outDir, path.resolve(projectRoot, folder));
  if (outDir === projectRoot || !inside(outDir, projectRoot) || keep.some(overlaps))
    throw new UsageError(`site.out ${out ?? DEFAULT_SITE_OUT} must be a folder of its own inside the project (it is emptied on every build)`);
  return outDir;
}

/** The logo's URL on the site: a web address as it is, a file of the project copied into the site. */
async function placeLogo(logo: string | undefined, projectRoot: string, pagesDir: string): Promise<string | undefined> {
  if (logo === undefined) return undefined;
  if (/^https?:\/\//.test(logo)) return logo;
  const name = path.basename(logo);
  await copyFile(path.resolve(projectRoot, logo), path.join(pagesDir, 'public', name)).catch(() => {
    throw new UsageError(`site.logo ${logo}: no such file in the project`);
  });
  return `/${encodeURIComponent(name)}`;
}

/** Loads the catalogs, reads `generated/`, and writes the site's source folder. */
export async function prepareSite(options: SiteOptions): Promise<PrepareResult> {
  const { projectRoot } = options;
  const catalogsDir = path.resolve(projectRoot, options.catalogs ?? 'catalog');
  const generatedDir = path.resolve(projectRoot, options.out ?? 'generated');
  const outDir = siteOutDir(projectRoot, options.site?.out, [catalogsDir, generatedDir, SITE_ROOT]);
  const loaded = await loadCatalogs([catalogsDir]);
  if (hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics, site: undefined };
  const generated = await readGenerated(generatedDir, loaded.catalogs);
  const withPages = generated.filter((g) => g.locales.length > 0);
  if (withPages.length === 0)
    throw new UsageError(
      `site: no pages in ${options.out ?? 'generated'}/ for ${loaded.catalogs.length === 0 ? 'any catalog' : 'the catalogs'}: run \`hookcat generate\` first`,
    );
  const templates = await loadTemplateSet({ templates: options.templates, projectRoot });
  const plan = planSite(withPages, templates, { locales: options.site?.locales, title: options.site?.title, description: options.site?.description });

  const root = path.resolve(projectRoot, SITE_ROOT);
  const pagesDir = path.join(root, 'pages');
  const configDir = path.join(root, '.vitepress');
  await rm(pagesDir, { recursive: true, force: true });
  await mkdir(path.join(pagesDir, 'public'), { recursive: true });
  await writeFile(path.join(root, '..', '.gitignore'), '# Made by hookcat site: the docs site being built.\n*\n');
  for (const page of plan.pages) {
    const target = path.join(pagesDir, page.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, page.contents);
  }
  for (const { from, to } of plan.downloads) {
    const target = path.join(pagesDir, to);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(generatedDir, from), target);
  }
  const logo = await placeLogo(options.site?.logo, projectRoot, pagesDir);
  await cp(path.join(DEFAULT_TEMPLATES_DIR, 'site', 'vitepress'), configDir, { recursive: true });
  const config = vitePressConfig(plan.manifest, {
    titles: plan.titles,
    base: normalizeBase(options.site?.base),
    logo,
    srcDir: pagesDir,
    outDir,
    cacheDir: path.join(root, 'cache'),
  });
  await writeFile(path.join(configDir, 'site.json'), `${JSON.stringify(config, null, 2)}\n`);
  const missing = generated.filter((g) => g.locales.length === 0).map((g) => g.catalog.id);
  return { diagnostics: loaded.diagnostics, site: { root, outDir, manifest: plan.manifest, pages: plan.pages.length, missing } };
}
