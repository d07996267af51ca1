/**
 * The default theme's `useLangs` (vitepress/dist/client/theme-default/composables/langs.js,
 * VitePress 1.6), which feeds the language menu, with one change: on a catalog's pages it offers
 * only the locales that have that catalog. Each locale's theme config lists its catalogs under
 * `hookcat.catalogs` (written by hookcat in site.json); a page's catalog is the first folder of
 * its path inside the locale. Pages outside a catalog (the home pages) offer every locale.
 */
import { computed } from 'vue';
import { useData } from 'vitepress';

function ensureStartingSlash(path) {
  return path.startsWith('/') ? path : `/${path}`;
}

function normalizeLink(link, addPath, path, addExt) {
  return addPath ? link.replace(/\/$/, '') + ensureStartingSlash(path.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, addExt ? '.html' : '')) : link;
}

export function useLangs({ correspondingLink = false } = {}) {
  const { site, localeIndex, page, theme, hash } = useData();
  const currentLang = computed(() => ({
    label: site.value.locales[localeIndex.value]?.label,
    link: site.value.locales[localeIndex.value]?.link || (localeIndex.value === 'root' ? '/' : `/${localeIndex.value}/`),
  }));
  const pagePath = computed(() => page.value.relativePath.slice(currentLang.value.link.length - 1));
  // `wink/events.md` -> `wink`; `index.md` -> none.
  const catalog = computed(() => (pagePath.value.includes('/') ? pagePath.value.split('/')[0] : undefined));
  const localeLinks = computed(() =>
    Object.entries(site.value.locales).flatMap(([key, value]) =>
      currentLang.value.label === value.label || (catalog.value !== undefined && !(value.themeConfig?.hookcat?.catalogs ?? []).includes(catalog.value))
        ? []
        : {
            text: value.label,
            link:
              normalizeLink(
                value.link || (key === 'root' ? '/' : `/${key}/`),
                theme.value.i18nRouting !== false && correspondingLink,
                pagePath.value,
                !site.value.cleanUrls,
              ) + hash.value,
          },
    ),
  );
  return { localeLinks, currentLang };
}
