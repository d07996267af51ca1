/** The settings a project keeps in `hookcat.config.{ts,mjs,js,json}`, and `defineConfig` to type them. */

/** Text of the site in each locale, or one string for every locale. */
export type SiteText = string | { readonly [locale: string]: string };

/** Settings of the docs site (`hookcat site build|dev|preview`). */
export interface SiteConfig {
  /** The site's name in the nav bar and every page title. Default: hookcat's words for "Webhook catalogs". */
  readonly title?: SiteText | undefined;
  /** One sentence under the title on the home page, and the pages' default description. */
  readonly description?: SiteText | undefined;
  /** The URL path the site is served under, such as `/docs/webhooks/`. Default `/`. */
  readonly base?: string | undefined;
  /** An image file in the project shown in the nav bar (copied into the site), such as `logo.svg`. */
  readonly logo?: string | undefined;
  /** The site's locales, in menu order; the first is served at `/`, each other under `/<locale>/`.
   * Default: every locale of the generated pages, `en` first when present. */
  readonly locales?: readonly string[] | undefined;
  /** Folder of the built site. Default `docs-site`. */
  readonly out?: string | undefined;
}

/** Every setting of a project; paths are relative to the folder hookcat runs in. Command-line flags of the same name override them. */
export interface HookcatConfig {
  /** Folder of catalogs, or one catalog folder. Default `catalog`. */
  readonly catalogs?: string | undefined;
  /** Output folder. Default `generated`. */
  readonly out?: string | undefined;
  /** Templates folder; default `templates` in the project when present, else hookcat's own. */
  readonly templates?: string | undefined;
  /** Only these catalog ids (default all). */
  readonly catalog?: readonly string[] | undefined;
  /** Only these outputs: `types`, `schemas`, `openapi`, `docs` (default all). */
  readonly only?: readonly string[] | undefined;
  /** Only these locales for the pages (default every locale of each catalog). */
  readonly locale?: readonly string[] | undefined;
  /** Folder where rendered output is kept between runs, so that a run after a small edit
   * renders only what changed; `false` for none. The CLI's default is
   * `node_modules/.cache/hookcat` when the project has `node_modules/`; the API's is none. */
  readonly cache?: string | false | undefined;
  /** The docs site. */
  readonly site?: SiteConfig | undefined;
}

/**
 * Types a config file's default export, as `defineConfig` does in Vite or Vitest:
 * `export default defineConfig({ out: 'generated', site: { title: 'Acme webhooks' } })`.
 * Returns its argument unchanged.
 */
export function defineConfig(config: HookcatConfig): HookcatConfig {
  return config;
}
