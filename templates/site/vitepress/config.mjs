/**
 * The VitePress config of a hookcat docs site, copied into the site's `.vitepress/` by
 * `hookcat site build|dev|preview`. Everything made from the catalogs and the project's config
 * (locales, nav, sidebars, search words, title, base, logo) is data in `site.json` beside this
 * file, written by hookcat; what is code stays here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const site = JSON.parse(readFileSync(new URL('./site.json', import.meta.url), 'utf8'));

export default {
  ...site,
  markdown: {
    // Catalog text is text: no `:name:` or `8)` turned into emoji.
    config: (md) => {
      md.disable('emoji');
    },
  },
  vite: {
    resolve: {
      // The language menu offers, on a catalog's pages, only that catalog's locales: the
      // theme's `useLangs` is replaced (VitePress: "Overriding Internal Components").
      alias: [{ find: /^\.\.?\/composables\/langs$/, replacement: fileURLToPath(new URL('./langs.mjs', import.meta.url)) }],
    },
  },
};
