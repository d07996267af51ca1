/**
 * The VitePress config of the site, as data: locales (each with only its own catalogs in the
 * nav and sidebars), local search with each locale's words, the title, base and logo. The site's
 * `.vitepress/config.mjs` (from `templates/site/vitepress/`) reads it as JSON and adds the two
 * things that are code: the markdown setting and the language menu's filter.
 */
import type { DefaultTheme, LocaleConfig, UserConfig } from 'vitepress';
import type { SiteCatalog, SiteLocale, SiteManifest, SitePage } from './manifest.js';

/** VitePress renders nav, sidebar and language menu texts with `v-html`: page titles come
 * from catalog text, so they are escaped here (they hold no markup characters to begin with:
 * see `frontMatterText` in src/emit/markdown/front-matter.ts). */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NAV_TITLE_LENGTH = 40;

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

/** The sidebar of one catalog: its title over its top pages (the overview as "Overview"), its
 * event pages by category, its shared schemas. */
function sidebarOf(catalog: SiteCatalog, labels: SiteLocale['labels']): DefaultTheme.SidebarItem[] {
  const item = (p: SitePage) => ({ text: html(p.page === 'overview' ? (labels['site_overview'] ?? p.title) : p.title), link: p.link });
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

/** The theme of one locale. `hookcat.catalogs` lists the catalogs it has: the language menu
 * (`langs.mjs`) offers a locale on a catalog's pages only when the catalog is in it. */
function themeOf(locale: SiteLocale): DefaultTheme.Config & { hookcat: { catalogs: string[] } } {
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
    hookcat: { catalogs: locale.catalogs.map((c) => c.id) },
  };
}

type SearchWords = NonNullable<DefaultTheme.LocalSearchOptions['translations']>;

/** The local search's words in one locale. */
function searchWords(labels: SiteLocale['labels']): SearchWords {
  const l = (id: string): string => labels[id] ?? '';
  return {
    button: { buttonText: l('site_search'), buttonAriaLabel: l('site_search') },
    modal: {
      displayDetails: l('site_searchDetails'),
      resetButtonTitle: l('site_searchReset'),
      backButtonTitle: l('site_searchBack'),
      noResultsText: l('site_searchNoResults'),
      footer: {
        selectText: l('site_searchSelect'),
        selectKeyAriaLabel: l('site_searchSelect'),
        navigateText: l('site_searchNavigate'),
        navigateUpKeyAriaLabel: l('site_searchNavigate'),
        navigateDownKeyAriaLabel: l('site_searchNavigate'),
        closeText: l('site_searchClose'),
        closeKeyAriaLabel: l('site_searchClose'),
      },
    },
  };
}

export interface SiteLook {
  /** The title and description per locale, made safe for the <head> (no markup characters). */
  readonly titles: { readonly [locale: string]: { readonly title: string; readonly description: string } };
  /** `/` or `/docs/webhooks/`. */
  readonly base: string;
  /** The logo's URL on the site (`/logo.svg`) or elsewhere; undefined for none. */
  readonly logo: string | undefined;
  /** Folders, absolute: VitePress resolves them from the site's root otherwise. */
  readonly srcDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
}

/** The VitePress config of the site, as JSON-able data. */
export function vitePressConfig(manifest: SiteManifest, look: SiteLook): UserConfig<DefaultTheme.Config> {
  const locales: LocaleConfig<DefaultTheme.Config> = {};
  const search: { [key: string]: { translations: SearchWords } } = {};
  for (const locale of manifest.locales) {
    const key = locale.locale === manifest.rootLocale ? 'root' : locale.locale;
    const words = look.titles[locale.locale];
    locales[key] = {
      label: html(locale.labels['languageName'] ?? locale.locale),
      lang: locale.locale,
      ...(writtenRightToLeft(locale.locale) ? { dir: 'rtl' } : {}),
      ...(key === 'root' ? {} : { link: locale.prefix }),
      // Written into the <head> as they are: made safe there by the caller.
      title: words?.title ?? 'hookcat',
      description: words?.description ?? '',
      themeConfig: themeOf(locale),
    };
    search[key] = { translations: searchWords(locale.labels) };
  }
  return {
    srcDir: look.srcDir,
    outDir: look.outDir,
    cacheDir: look.cacheDir,
    base: look.base,
    cleanUrls: false,
    lastUpdated: false,
    locales,
    themeConfig: {
      search: { provider: 'local', options: { locales: search } },
      ...(look.logo === undefined ? {} : { logo: look.logo }),
    },
  };
}

/** Whether `locale`'s script runs right to left (Arabic, Hebrew, Persian...): VitePress then lays its pages out so. */
function writtenRightToLeft(locale: string): boolean {
  try {
    // `textInfo` is a getter in Node 20's V8; later versions name it `getTextInfo()`.
    const intl = new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    return (intl.getTextInfo?.() ?? intl.textInfo)?.direction === 'rtl';
  } catch {
    return false;
  }
}
