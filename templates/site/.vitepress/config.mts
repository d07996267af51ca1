/**
 * The VitePress site of the generated reference pages. `templates/site/prepare-site.mts` copies the
 * pages from `generated/` into `docs-site/src/` (locale first in the path) and writes the
 * manifest read here; locales, nav and sidebars follow the pages present.
 *
 * Folders can be moved with HOOKCAT_SITE_SRC, HOOKCAT_SITE_OUT and HOOKCAT_SITE_CACHE (the
 * browser test builds into a temporary folder).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme, type LocaleConfig } from 'vitepress';
import { SITE_MANIFEST, type SiteCatalog, type SiteLocale, type SiteManifest, type SitePage } from '../site-manifest.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const srcDir = path.resolve(process.env['HOOKCAT_SITE_SRC'] ?? path.join(projectRoot, 'docs-site', 'src'));
const outDir = path.resolve(process.env['HOOKCAT_SITE_OUT'] ?? path.join(projectRoot, 'docs-site', 'dist'));
const cacheDir = path.resolve(process.env['HOOKCAT_SITE_CACHE'] ?? path.join(projectRoot, 'docs-site', 'cache'));

function readManifest(): SiteManifest {
  const file = path.join(srcDir, SITE_MANIFEST);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteManifest;
  } catch {
    throw new Error(
      `${file} is missing: run \`npm run generate\`, then \`tsx templates/site/prepare-site.mts\` (npm run docs:build does both steps after generate)`,
    );
  }
}

/** VitePress renders nav, sidebar and language menu texts with `v-html`: page titles come
 * from catalog text, so they are escaped here (they hold no markup characters to begin with:
 * see `frontMatterText` in src/emit/markdown/front-matter.ts). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A catalog title as a nav item: the nav bar has room for a few words per catalog. */
function navText(title: string): string {
  const chars = [...title];
  return html(
    chars.length > NAV_TITLE_LENGTH
      ? `${chars
          .slice(0, NAV_TITLE_LENGTH - 1)
          .join('')
          .trimEnd()}…`
      : title,
  );
}

const NAV_TITLE_LENGTH = 40;

/** The sidebar of one catalog: its top pages, its event pages by category, its shared schemas. */
function sidebarOf(catalog: SiteCatalog, labels: SiteLocale['labels']): DefaultTheme.SidebarItem[] {
  const item = (p: SitePage) => ({ text: html(p.title), link: p.link });
  const top = catalog.pages.filter((p) => p.page !== 'event' && p.page !== 'schema').map(item);
  const byCategory = new Map<string, DefaultTheme.SidebarItem[]>();
  for (const page of catalog.pages.filter((p) => p.page === 'event')) {
    const name = page.category ?? '';
    byCategory.set(name, [...(byCategory.get(name) ?? []), item(page)]);
  }
  const schemas = catalog.pages.filter((p) => p.page === 'schema').map(item);
  return [
    { text: html(catalog.title), items: top },
    ...[...byCategory].map(([text, items]) => ({ text: html(text), items, collapsed: true })),
    ...(schemas.length === 0 ? [] : [{ text: html(labels['sharedSchemas'] ?? ''), items: schemas, collapsed: true }]),
  ];
}

function themeOf(locale: SiteLocale): DefaultTheme.Config {
  const l = locale.labels;
  return {
    nav: [
      { text: html(l['site_home'] ?? 'Home'), link: locale.prefix },
      ...locale.catalogs.map((c) => ({ text: navText(c.title), link: c.base, activeMatch: `^${c.base}` })),
    ],
    sidebar: Object.fromEntries(locale.catalogs.map((c) => [c.base, sidebarOf(c, l)])),
    outline: { level: [2, 3], label: l['site_outline'] ?? '' },
    docFooter: { prev: l['site_prev'] ?? '', next: l['site_next'] ?? '' },
    returnToTopLabel: l['site_returnToTop'] ?? '',
    sidebarMenuLabel: l['site_sidebarMenu'] ?? '',
    darkModeSwitchLabel: l['site_appearance'] ?? '',
    lightModeSwitchTitle: l['site_lightMode'] ?? '',
    darkModeSwitchTitle: l['site_darkMode'] ?? '',
    langMenuLabel: l['site_langMenu'] ?? '',
    skipToContentLabel: l['site_skipToContent'] ?? '',
    notFound: { title: l['site_notFound'] ?? '', quote: '', linkText: l['site_home'] ?? '', linkLabel: l['site_home'] ?? '' },
  };
}

const manifest = readManifest();
const locales: LocaleConfig<DefaultTheme.Config> = {};
for (const locale of manifest.locales) {
  const key = locale.locale === manifest.rootLocale ? 'root' : locale.locale;
  locales[key] = {
    label: html(locale.labels['languageName'] ?? locale.locale),
    lang: locale.locale,
    ...(key === 'root' ? {} : { link: locale.prefix }),
    // Written into the <head> as they are: prepare-site.mts made them safe there.
    title: locale.labels['siteTitle'] ?? 'hookcat',
    description: locale.labels['siteIntro'] ?? '',
    themeConfig: themeOf(locale),
  };
}

export default defineConfig({
  srcDir,
  outDir,
  cacheDir,
  cleanUrls: false,
  lastUpdated: false,
  locales,
  markdown: {
    // Catalog text is text: no `:name:` or `8)` turned into emoji.
    config: (md) => {
      md.disable('emoji');
    },
  },
  themeConfig: { search: { provider: 'local' } },
  vite: {
    // The pages live outside templates/site/; let the dev server read them.
    server: { fs: { allow: [projectRoot, srcDir] } },
  },
});
