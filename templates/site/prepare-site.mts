/**
 * Prepares the VitePress site from the generated pages:
 *
 *   generated/<catalog>/<locale>/**.md  ->  docs-site/src/<catalog>/**.md          (en, the root locale)
 *                                       ->  docs-site/src/<locale>/<catalog>/**.md (every other locale)
 *
 * VitePress wants the locale first in the URL (its locale switcher swaps that prefix), the
 * generator writes the catalog first; this step turns one layout into the other, writes a
 * landing page per locale listing its catalogs, and a manifest (`site.json`) from which
 * `.vitepress/config.mts` builds the locales, nav and sidebars. Only `.md` pages are copied:
 * the TypeScript, JSON Schema and OpenAPI files next to them never reach the site.
 *
 * Usage: tsx templates/site/prepare-site.mts [generated-dir] [site-src-dir]
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { inlineText } from '../../src/emit/markdown/escape.js';
import { frontMatter, frontMatterText } from '../../src/emit/markdown/front-matter.js';
import { pageMessages } from '../../src/emit/markdown/messages.js';
import { generalTags, isLocaleTag } from '../../src/locale/tags.js';
import { loadTemplates } from '../../src/templates.js';
import { ROOT_LOCALE, SITE_MANIFEST, type SiteCatalog, type SiteLocale, type SiteManifest, type SitePage } from './site-manifest.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Front matter of a generated page (the part between the first two `---` lines). */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const data: unknown = match === null ? undefined : parse(match[1] ?? '');
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

async function listDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function listMarkdown(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listMarkdown(path.join(dir, entry.name), relative)));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(relative);
  }
  return found;
}

/** URL prefix of a locale: `/` for the root locale, `/<locale>/` for the others. */
function prefixOf(locale: string): string {
  return locale === ROOT_LOCALE ? '/' : `/${locale}/`;
}

/** `events/x.md` -> `events/x`, `index.md` -> `` (VitePress links without `.md`). */
function route(page: string): string {
  return page === 'index.md' ? '' : page.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '');
}

export async function prepareSite(generatedDir: string, siteSrc: string): Promise<SiteManifest> {
  const templates = await loadTemplates();
  const byLocale = new Map<string, SiteCatalog[]>();
  await rm(siteSrc, { recursive: true, force: true });
  for (const catalogId of await listDirs(generatedDir)) {
    for (const locale of (await listDirs(path.join(generatedDir, catalogId))).filter(isLocaleTag)) {
      const from = path.join(generatedDir, catalogId, locale);
      const files = await listMarkdown(from);
      if (!files.includes('index.md')) continue;
      const base = `${prefixOf(locale)}${catalogId}/`;
      const pages: SitePage[] = [];
      for (const file of files) {
        const text = await readFile(path.join(from, file), 'utf8');
        const fm = frontMatterOf(text);
        const target = path.join(siteSrc, base, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, text);
        pages.push({
          link: base + route(file),
          title: frontMatterText(typeof fm['title'] === 'string' ? fm['title'] : file),
          order: typeof fm['order'] === 'number' ? fm['order'] : 1000,
          page: typeof fm['page'] === 'string' ? fm['page'] : 'other',
          category: typeof fm['category_title'] === 'string' ? frontMatterText(fm['category_title']) : undefined,
        });
      }
      pages.sort((a, b) => a.order - b.order || a.link.localeCompare(b.link));
      const title = pages.find((p) => p.page === 'overview')?.title ?? catalogId;
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), { id: catalogId, title, base, pages }]);
    }
  }
  if (!byLocale.has(ROOT_LOCALE)) byLocale.set(ROOT_LOCALE, []);

  const locales: SiteLocale[] = [];
  for (const locale of [ROOT_LOCALE, ...[...byLocale.keys()].filter((l) => l !== ROOT_LOCALE).sort()]) {
    const messages = pageMessages(templates, generalTags(locale));
    const labels = Object.fromEntries(
      [
        'languageName',
        'siteTitle',
        'siteIntro',
        'site_outline',
        'site_prev',
        'site_next',
        'site_returnToTop',
        'site_sidebarMenu',
        'site_appearance',
        'site_lightMode',
        'site_darkMode',
        'site_langMenu',
        'site_skipToContent',
        'site_notFound',
        'site_home',
        'sharedSchemas',
      ].map((id) => [id, messages.text(id)]),
    );
    // VitePress writes the site title and description into every page's <head>, the
    // description unescaped: like page titles, they hold no markup characters.
    for (const id of ['siteTitle', 'siteIntro']) labels[id] = frontMatterText(labels[id] ?? '');
    const catalogs = byLocale.get(locale) ?? [];
    locales.push({ locale, prefix: prefixOf(locale), labels, catalogs });
    const head = frontMatter({
      title: labels['siteTitle'] ?? '',
      description: labels['siteIntro'] ?? '',
      catalog: '',
      catalogVersion: '',
      locale,
      page: 'home',
      order: 0,
      messagesLocale: undefined,
      fallbacks: [],
      extra: {},
    });
    const list = catalogs.map((c) => `- [${inlineText(c.title)}](./${c.id}/index.md)\n`).join('');
    const landing = `${head}\n# ${inlineText(labels['siteTitle'] ?? '')}\n\n${inlineText(labels['siteIntro'] ?? '')}\n${list === '' ? '' : `\n${list}`}`;
    const target = path.join(siteSrc, prefixOf(locale), 'index.md');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, landing);
  }
  const manifest: SiteManifest = { rootLocale: ROOT_LOCALE, locales };
  await writeFile(path.join(siteSrc, SITE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const generated = path.resolve(process.argv[2] ?? path.join(projectRoot, 'generated'));
  const siteSrc = path.resolve(process.argv[3] ?? path.join(projectRoot, 'docs-site', 'src'));
  const manifest = await prepareSite(generated, siteSrc);
  const pages = manifest.locales.reduce((n, l) => n + l.catalogs.reduce((m, c) => m + c.pages.length, 0), 0);
  if (pages === 0) {
    console.error(`no generated pages in ${generated}: run \`npm run generate\` first`);
    process.exit(1);
  }
  console.log(`docs site: ${pages} pages in ${manifest.locales.length} locales -> ${siteSrc}`);
}
