/** The manifest `prepare-site.mts` writes next to the site pages and `config.mts` reads. */

/** The locale served at `/`; every other locale lives under `/<locale>/`. */
export const ROOT_LOCALE = 'en';

/** File name of the manifest inside the site's source folder (not a page: VitePress ignores it). */
export const SITE_MANIFEST = 'site.json';

export interface SitePage {
  /** Link without `.md`, e.g. `/et/wink/events`. */
  readonly link: string;
  readonly title: string;
  readonly order: number;
  /** `overview`, `events`, `event`, `schema`, `subscriptions`. */
  readonly page: string;
  /** Category title of an event page. */
  readonly category: string | undefined;
}

export interface SiteCatalog {
  readonly id: string;
  readonly title: string;
  /** `/wink/` or `/et/wink/`. */
  readonly base: string;
  readonly pages: readonly SitePage[];
}

export interface SiteLocale {
  readonly locale: string;
  readonly prefix: string;
  /** Site chrome words from the locale's messages (`siteTitle`, `site_outline`, ...). */
  readonly labels: { readonly [id: string]: string };
  readonly catalogs: readonly SiteCatalog[];
}

export interface SiteManifest {
  readonly rootLocale: string;
  readonly locales: readonly SiteLocale[];
}
