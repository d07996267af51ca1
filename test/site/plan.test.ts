/**
 * The site's plan, from catalogs and their generated pages held in memory: which locales the site
 * has and which is served at `/`, where each page goes, each locale's catalogs (which the language
 * menu reads), the home and downloads pages, and the VitePress config made from it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/generate.js';
import type { Catalog } from '../../src/model/types.js';
import { siteLabels } from '../../src/site/labels.js';
import { planSite } from '../../src/site/plan.js';
import type { GeneratedCatalog } from '../../src/site/read.js';
import { vitePressConfig } from '../../src/site/vitepress-config.js';
import { loadTemplates } from '../../src/templates.js';
import type { TemplateSet } from '../../src/emit/emitter.js';
import { loadOrFail, pagesOf } from '../docs/site-build.js';

let wink: Catalog;
let shop: Catalog;
let templates: TemplateSet;

/** A catalog's pages as `generated/` holds them, and the downloads given. */
async function generated(catalog: Catalog, downloads: string[] = []): Promise<GeneratedCatalog> {
  const byLocale = new Map<string, { file: string; text: string }[]>();
  for (const [file, text] of await pagesOf(catalog)) {
    const [, locale, ...rest] = file.split('/');
    byLocale.set(locale!, [...(byLocale.get(locale!) ?? []), { file: rest.join('/'), text }]);
  }
  return { catalog, locales: [...byLocale].map(([locale, pages]) => ({ locale, pages })), downloads };
}

beforeAll(async () => {
  wink = await loadOrFail('catalog/wink');
  shop = await loadOrFail('catalog/shop');
  templates = await loadTemplates();
});

const LOOK = { titles: {}, base: '/', logo: undefined, srcDir: '/s', outDir: '/o', cacheDir: '/c' };

describe('the site plan', () => {
  it('serves en at the root when the pages have it, the other locales in name order, each with its own catalogs', async () => {
    const plan = planSite([await generated(wink), await generated(shop)], templates, {});
    expect(plan.manifest.locales.map((l) => [l.locale, l.prefix, l.catalogs.map((c) => c.id)])).toEqual([
      ['en', '/', ['wink', 'shop']],
      ['et', '/et/', ['wink']],
      ['fr', '/fr/', ['shop']],
      ['pl', '/pl/', ['shop']],
    ]);
    const config = vitePressConfig(plan.manifest, LOOK);
    const catalogsOf = (key: string) => (config.locales![key]!.themeConfig as { hookcat: { catalogs: string[] } }).hookcat.catalogs;
    expect(['root', 'et', 'fr', 'pl'].map(catalogsOf)).toEqual([['wink', 'shop'], ['wink'], ['shop'], ['shop']]);
    expect(plan.pages.map((p) => p.path)).toContain('et/wink/events.md');
    expect(plan.pages.map((p) => p.path)).toContain('wink/events.md');
    expect(plan.pages.filter((p) => p.path.endsWith('index.md') && !p.path.includes('/', 3)).map((p) => p.path)).toEqual([
      'index.md',
      'et/index.md',
      'fr/index.md',
      'pl/index.md',
    ]);
  });

  it('names each locale in the language menu by a name of its own, also one with no message file (the menu hides the current name)', async () => {
    const plan = planSite([await generated(wink), await generated(shop)], templates, {});
    const withLocales = (locales: string[]) => ({
      ...plan.manifest,
      locales: locales.map((locale) => ({ ...plan.manifest.locales[0]!, locale, labels: siteLabels(templates, locale) })),
    });
    const config = vitePressConfig(withLocales(['en', 'et', 'ar', 'ko', 'zh-Hant-TW', 'en-GB']), LOOK);
    const labels = Object.values(config.locales!).map((l) => l.label);
    expect(labels).toEqual(['English', 'Eesti', 'العربية', '한국어', '中文（繁體，台灣）', 'British English']);
    expect(new Set(labels).size).toBe(labels.length);
    // Arabic is laid out right to left; the others as VitePress does by default.
    expect(Object.values(config.locales!).map((l) => l.dir)).toEqual([undefined, undefined, 'rtl', undefined, undefined, undefined]);
  });

  it('follows the locales of the config, the first at the root', async () => {
    const plan = planSite([await generated(wink)], templates, { locales: ['et', 'en'], title: { et: 'Wink veebikonksud', en: 'Wink hooks' } });
    expect(plan.manifest.rootLocale).toBe('et');
    expect(plan.pages.map((p) => p.path)).toContain('wink/events.md');
    expect(plan.pages.map((p) => p.path)).toContain('en/wink/events.md');
    expect(plan.titles['et']?.title).toBe('Wink veebikonksud');
    expect(plan.titles['en']?.title).toBe('Wink hooks');
    expect(plan.pages.find((p) => p.path === 'index.md')?.contents).toContain('\n# Wink veebikonksud\n');
  });

  it('refuses a catalog id that is also a locale folder of the site', async () => {
    const clash = { ...(await generated(wink)), catalog: { ...wink, id: 'fr' } };
    expect(() => planSite([clash], templates, { locales: ['en', 'fr'] })).toThrow(UsageError);
  });

  it('shows the catalog title once in the sidebar: over its pages, the overview listed as "Overview"', async () => {
    const plan = planSite([await generated(wink)], templates, {});
    const sidebar = (
      vitePressConfig(plan.manifest, LOOK).locales!['et']!.themeConfig!.sidebar as Record<string, { text: string; items: { text: string }[] }[]>
    )['/et/wink/']!;
    const title = plan.manifest.locales[1]!.catalogs[0]!.title;
    expect(sidebar[0]!.text).toBe(title);
    expect(sidebar[0]!.items.map((i) => i.text)).toEqual(['Ülevaade', 'Sündmuste loetelu', 'Webhookid', 'Allalaadimised']);
    expect(sidebar.flatMap((group) => group.items.map((i) => i.text))).not.toContain(title);
  });
});

describe("the site's own pages", () => {
  it('show how to check signatures in each locale of a catalog that signs, with code made from its scheme', async () => {
    const plan = planSite([await generated(wink), await generated(shop)], templates, {});
    const paths = plan.pages.map((p) => p.path);
    expect(paths.filter((p) => p.endsWith('signatures.md'))).toEqual(['shop/signatures.md', 'fr/shop/signatures.md', 'pl/shop/signatures.md']);
    const polish = plan.pages.find((p) => p.path === 'pl/shop/signatures.md')!.contents;
    expect(polish).toContain('\n# Sprawdzanie podpisów\n');
    expect(polish).toContain("```ts\nimport { createHmac, timingSafeEqual } from 'node:crypto';");
    const scheme = shop.envelope.signature!;
    expect(scheme.kind).toBe('timestamped');
    if (scheme.kind === 'timestamped') expect(polish).toContain(`headers[${JSON.stringify(scheme.header.toLowerCase())}]`);
    const sidebar = plan.manifest.locales.find((l) => l.locale === 'pl')!.catalogs[0]!.pages.map((p) => p.page);
    expect(sidebar.slice(0, 2)).toEqual(['overview', 'events']);
    expect(sidebar.filter((p) => p === 'signatures' || p === 'downloads')).toEqual(['signatures', 'downloads']);
  });

  it('list each catalog with its count, version, how to subscribe and its downloads', async () => {
    const plan = planSite([await generated(wink), await generated(shop)], templates, {});
    const home = plan.pages.find((p) => p.path === 'et/index.md')!.contents;
    expect(home).toContain(`- Sündmusi: ${wink.events.length} ([Sündmuste loetelu](./wink/events.md))`);
    expect(home).toContain(`- Versioon ${wink.version}`);
    expect(home).toContain('(./wink/subscriptions.md)');
    expect(home).toContain('[OpenAPI, JSON-skeemid ja TypeScripti tüübid](./wink/downloads.md)');
    expect(home).not.toContain('shop');
    const english = plan.pages.find((p) => p.path === 'index.md')!.contents;
    expect(english).toContain(`- Events: ${shop.events.length} ([Event reference](./shop/events.md))`);
  });

  it('link the files generated/ holds, from the page up to /downloads/<catalog>/', async () => {
    const key = wink.events[0]!.key;
    const files = ['openapi.yaml', `schemas/payloads/${key}.schema.json`];
    const plan = planSite([await generated(wink, files)], templates, {});
    const page = plan.pages.find((p) => p.path === 'et/wink/downloads.md')!.contents;
    expect(page).toContain('[`openapi.yaml`](../../downloads/wink/openapi.yaml)');
    expect(page).not.toContain('openapi.json');
    expect(page).toContain(`| [\`${key}\`](./events/${key}.md) | [\`${key}.schema.json\`](../../downloads/wink/schemas/payloads/${key}.schema.json) | — |`);
    expect(page).not.toContain('types.ts');
    expect(plan.downloads).toEqual(files.map((file) => ({ from: `wink/${file}`, to: `public/downloads/wink/${file}` })));
  });
});
