/** What the site is made of, as `prepareSite` finds it: locales, their catalogs and pages. */

export interface SitePage {
  /** Link without `.md`, e.g. `/et/wink/events`. */
  readonly link: string;
  readonly title: string;
  readonly order: number;
  /** `overview`, `events`, `event`, `schema`, `subscriptions`, `changelog`, `downloads`. */
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
  /** `/` for the root locale, `/<locale>/` for the others. */
  readonly prefix: string;
  /** Site chrome words from the locale's messages (`siteTitle`, `site_outline`, ...). */
  readonly labels: { readonly [id: string]: string };
  readonly catalogs: readonly SiteCatalog[];
}

export interface SiteManifest {
  /** The locale served at `/`; every other locale lives under `/<locale>/`. */
  readonly rootLocale: string;
  readonly locales: readonly SiteLocale[];
}

/** URL prefix of `locale`: `/` for the root locale, `/<locale>/` for the others. */
export function prefixOf(locale: string, rootLocale: string): string {
  return locale === rootLocale ? '/' : `/${locale}/`;
}
