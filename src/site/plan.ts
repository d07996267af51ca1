/**
 * The site planned from what `generated/` holds: which locales it has (the root one at `/`), the
 * pages of each (the generated pages of every catalog in that locale, moved under the locale,
 * plus a home page, and per catalog a downloads page and, when it signs its deliveries, a page
 * on checking signatures), the files offered for download, and the VitePress config. A pure function: `prepare.ts` reads its input and writes its output.
 *
 *   generated/<catalog>/<locale>/**.md  ->  <catalog>/**.md           (the root locale)
 *                                       ->  <locale>/<catalog>/**.md  (every other locale)
 *   generated/<catalog>/{openapi.*,types.ts,schemas/**}  ->  public/downloads/<catalog>/...
 */
import { parse } from 'yaml';
import { frontMatterText } from '../emit/markdown/front-matter.js';
import type { TemplateSet } from '../emit/emitter.js';
import { UsageError } from '../usage-error.js';
import type { SiteText } from '../config/define.js';
import { downloadsFolder, downloadsPage } from './downloads-page.js';
import { homePage } from './home-page.js';
import { signaturePage } from './signature-page.js';
import { siteLabels, type SiteLabels } from './labels.js';
import { prefixOf, type SiteCatalog, type SiteLocale, type SiteManifest, type SitePage } from './manifest.js';
import type { GeneratedCatalog, GeneratedLocale } from './read.js';

/** Locale of the root when the config names none and the pages have it. */
const PREFERRED_ROOT = 'en';
/** Where the site's own pages go in a catalog's sidebar: after the changelog (4). */
const SIGNATURES_ORDER = 5;
const DOWNLOADS_ORDER = 6;
/** Folders at the site's root that are not catalogs. */
const RESERVED = ['public', 'downloads'];

export interface SitePlanSettings {
  readonly locales?: readonly string[] | undefined;
  readonly title?: SiteText | undefined;
  readonly description?: SiteText | undefined;
}

export interface PlannedFile {
  /** Path inside the site's pages folder. */
  readonly path: string;
  readonly contents: string;
}

export interface SitePlan {
  readonly manifest: SiteManifest;
  readonly pages: readonly PlannedFile[];
  /** Files to copy: `from` relative to `generated/`, `to` relative to the pages folder. */
  readonly downloads: readonly { readonly from: string; readonly to: string }[];
  /** Title and description of each locale, safe for the <head>. */
  readonly titles: { readonly [locale: string]: { readonly title: string; readonly description: string } };
}

/** Front matter of a generated page (the part between the first two `---` lines). */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const data: unknown = match === null ? undefined : parse(match[1] ?? '');
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** `events/x.md` -> `events/x`, `index.md` -> `` (VitePress links without `.md`). */
function route(page: string): string {
  return page.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '');
}

/** Site text in `locale`: the config's (one string, or the locale's entry, or the root's), else the messages'. */
function textOf(text: SiteText | undefined, locale: string, rootLocale: string, fallback: string): string {
  if (typeof text === 'string') return text;
  if (text !== undefined) return (Object.hasOwn(text, locale) ? text[locale] : Object.hasOwn(text, rootLocale) ? text[rootLocale] : undefined) ?? fallback;
  return fallback;
}

/** The site's locales, root first: the config's, else every locale with pages (`en` first when present). */
function siteLocales(generated: readonly GeneratedCatalog[], wanted: readonly string[] | undefined): string[] {
  if (wanted !== undefined && wanted.length > 0) return [...new Set(wanted)];
  const found = [...new Set(generated.flatMap((g) => g.locales.map((l) => l.locale)))].sort();
  const root = found.includes(PREFERRED_ROOT) ? PREFERRED_ROOT : found[0];
  return root === undefined ? [PREFERRED_ROOT] : [root, ...found.filter((l) => l !== root)];
}

/** A catalog id that is also a locale folder or a reserved folder would share its URL. */
function checkIds(generated: readonly GeneratedCatalog[], locales: readonly string[]): void {
  const taken = new Set([...locales.slice(1), ...RESERVED]);
  const clashing = generated.map((g) => g.catalog.id).filter((id) => taken.has(id));
  if (clashing.length > 0)
    throw new UsageError(
      `site: the catalog id ${clashing.join(', ')} is also a locale of the site or one of ${RESERVED.join(', ')}: their pages would share one URL`,
    );
}

/** One catalog's pages in one locale, moved under `base`, and their sidebar entries. */
function catalogPages(entry: GeneratedLocale, base: string): { files: PlannedFile[]; pages: SitePage[] } {
  const files: PlannedFile[] = [];
  const pages: SitePage[] = [];
  for (const { file, text } of entry.pages) {
    const fm = frontMatterOf(text);
    files.push({ path: `${base.slice(1)}${file}`, contents: text });
    pages.push({
      link: base + route(file),
      title: frontMatterText(typeof fm['title'] === 'string' ? fm['title'] : file),
      order: typeof fm['order'] === 'number' ? fm['order'] : 1000,
      page: typeof fm['page'] === 'string' ? fm['page'] : 'other',
      category: typeof fm['category_title'] === 'string' ? frontMatterText(fm['category_title']) : undefined,
    });
  }
  return { files, pages };
}

/** The pages the site adds to a catalog's in one locale: downloads, and signatures when it signs. */
function addedPages(entry: GeneratedCatalog, locale: string, base: string, labels: SiteLabels): { files: PlannedFile[]; pages: SitePage[] } {
  const page = (name: string, title: string, order: number, contents: string) => ({
    file: { path: `${base.slice(1)}${name}.md`, contents },
    page: { link: `${base}${name}`, title: frontMatterText(title), order, page: name, category: undefined },
  });
  const toRoot = '../'.repeat(base.split('/').length - 2);
  const files = new Set(entry.downloads);
  const added = [
    page('downloads', labels.site_downloads, DOWNLOADS_ORDER, downloadsPage({ catalog: entry.catalog, locale, files, toRoot, labels }, DOWNLOADS_ORDER)),
  ];
  const scheme = entry.catalog.envelope.signature;
  if (scheme !== undefined)
    added.push(page('signatures', labels.site_signatureTitle, SIGNATURES_ORDER, signaturePage(scheme, entry.catalog.id, locale, labels, SIGNATURES_ORDER)));
  return { files: added.map((a) => a.file), pages: added.map((a) => a.page) };
}

/** Plans the site from the generated catalogs (see the module comment). */
export function planSite(generated: readonly GeneratedCatalog[], templates: TemplateSet, settings: SitePlanSettings): SitePlan {
  const locales = siteLocales(generated, settings.locales);
  const rootLocale = locales[0] ?? PREFERRED_ROOT;
  checkIds(generated, locales);
  const pages: PlannedFile[] = [];
  const siteLocaleList: SiteLocale[] = [];
  const titles: { [locale: string]: { title: string; description: string } } = {};
  for (const locale of locales) {
    const prefix = prefixOf(locale, rootLocale);
    const labels: SiteLabels = siteLabels(templates, locale);
    const catalogs: SiteCatalog[] = [];
    const onHome: { catalog: GeneratedCatalog['catalog']; hasSubscriptionsPage: boolean }[] = [];
    for (const entry of generated) {
      const inLocale = entry.locales.find((l) => l.locale === locale);
      if (inLocale === undefined) continue;
      const base = `${prefix}${entry.catalog.id}/`;
      const own = catalogPages(inLocale, base);
      const added = addedPages(entry, locale, base, labels);
      pages.push(...own.files, ...added.files);
      own.pages.push(...added.pages);
      own.pages.sort((a, b) => a.order - b.order || (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
      const title = own.pages.find((p) => p.page === 'overview')?.title ?? entry.catalog.id;
      catalogs.push({ id: entry.catalog.id, title, base, pages: own.pages });
      onHome.push({ catalog: entry.catalog, hasSubscriptionsPage: inLocale.pages.some((p) => p.file === 'subscriptions.md') });
    }
    const title = textOf(settings.title, locale, rootLocale, labels.siteTitle);
    const description = textOf(settings.description, locale, rootLocale, labels.siteIntro);
    // VitePress writes the site title and description into every page's <head>, the
    // description unescaped: like page titles, they hold no markup characters.
    titles[locale] = { title: frontMatterText(title), description: frontMatterText(description) };
    pages.push({ path: `${prefix.slice(1)}index.md`, contents: homePage(onHome, locale, labels, title, description) });
    siteLocaleList.push({ locale, prefix, labels, catalogs });
  }
  const downloads = generated.flatMap((g) =>
    g.downloads.map((file) => ({ from: `${g.catalog.id}/${file}`, to: `public/${downloadsFolder(g.catalog.id)}${file}` })),
  );
  return { manifest: { rootLocale, locales: siteLocaleList }, pages, downloads, titles };
}
