/**
 * The docs site in a real browser: the site is built from generated pages with VitePress,
 * served on 127.0.0.1 and opened in headless Chromium (Debian's `chromium` package, driven by
 * playwright-core). Checks the Estonian Wink reference page against the catalog, the locale
 * switcher, and that hostile catalog text shows as text: a catalog with markup, script, Vue
 * and markdown-it syntax in every text field of two locales runs nothing on any page (a global
 * its payloads would set stays undefined), adds no attribute or element, and every <meta>
 * holds the text intended for it, before and after navigating.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { visibleText } from '../hostile/support/description-text.js';
import { frontMatterText } from '../../src/emit/markdown/front-matter.js';
import { eventsIn, textIn } from '../../src/model/query.js';
import type { Catalog } from '../../src/model/types.js';
import { loadTemplates } from '../../src/templates.js';
import { buildSite, loadOrFail, pagesOf, type BuiltSite } from './site-build.js';
import { chromeTexts, harmDone, headOf } from './site-probes.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { crawlSite } from '../site/crawl.js';
import { searchFor } from '../site/search.js';

const CHROMIUM = '/usr/bin/chromium';

let wink: Catalog;
let sezzle: Catalog;
let rich: Catalog;
let hostile: Catalog;
/** Keys with `/` between parts, as Shopify writes its topics (test/fixtures/keys/slashes). */
let slashes: Catalog;
/** Front matter of every page of the hostile catalog, by its URL on the site. */
let hostilePages: Map<string, Record<string, unknown>>;
let siteTitles: Record<string, { title: string; description: string }>;
let site: BuiltSite;
let server: StaticServer;
/** The catalogs on the test site: two in en and et, one in fr and en, one with hostile text. */
const CATALOGS = [
  'catalog/wink',
  'catalog/sezzle',
  'test/fixtures/rich/catalog',
  'test/fixtures/hostile/site-texts-everywhere/catalog',
  'test/fixtures/keys/slashes/catalog',
];
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the docs site test needs Debian's Chromium. Install it with: apt-get install -y chromium`);
  }
  wink = await loadOrFail('catalog/wink');
  sezzle = await loadOrFail('catalog/sezzle');
  rich = await loadOrFail('test/fixtures/rich/catalog');
  hostile = await loadOrFail('test/fixtures/hostile/site-texts-everywhere/catalog');
  slashes = await loadOrFail('test/fixtures/keys/slashes/catalog');
  const templates = await loadTemplates();
  hostilePages = new Map();
  for (const [file, contents] of await pagesOf(hostile)) {
    const [, locale, ...rest] = file.split('/');
    const url = `${locale === 'en' ? '' : `/${locale}`}/hostile/${rest.join('/').replace(/\.md$/, '.html')}`;
    hostilePages.set(url, parseYaml(contents.split('---\n')[1]!) as Record<string, unknown>);
  }
  siteTitles = Object.fromEntries(
    ['en', 'et'].map((l) => [
      l,
      { title: frontMatterText(templates.messages[l]!['siteTitle']!), description: frontMatterText(templates.messages[l]!['siteIntro']!) },
    ]),
  );
  site = await buildSite('test-site', CATALOGS);
  server = await serveStatic(site.dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright starts Chromium with a fresh temporary profile of its own (no --user-data-dir).
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const response = await page.goto(server.url + path);
  expect(response?.status(), path).toBe(200);
  await page.waitForSelector('.vp-doc h1');
  return page;
}

/** The page's level-2 sections: heading text, the event keys of its tables (all but the
 * summary), and the rows of the summary table. Read from the DOM. */
async function sections(page: Page) {
  return page.$$eval('.vp-doc h2', (headings) =>
    headings.map((h2) => {
      const tables: HTMLTableElement[] = [];
      for (let node = h2.nextElementSibling; node !== null && node.tagName !== 'H2'; node = node.nextElementSibling) {
        if (node.tagName === 'TABLE') tables.push(node as HTMLTableElement);
      }
      const rows = tables.flatMap((t) => [...t.tBodies[0]!.rows]);
      return {
        title: (h2.textContent ?? '').replace(/[\u200b#]/g, '').trim(),
        tables: tables.length,
        keys: rows.map((r) => r.cells[1]?.textContent?.trim() ?? ''),
        cells: rows.map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim())),
      };
    }),
  );
}

describe('docs site in Chromium', () => {
  it('shows every Wink event in the Estonian reference, with the computed counts and total', async () => {
    const page = await open('/et/wink/events.html');
    expect(await page.textContent('.vp-doc h1')).toContain('Sündmuste loetelu');
    const found = await sections(page);
    const categories = found.slice(0, wink.categories.length);
    expect(categories.map((s) => s.title)).toEqual(wink.categories.map((c) => textIn(c.title, 'et')));
    for (const [index, category] of wink.categories.entries()) {
      const section = categories[index]!;
      // One table per subgroup (or one for the whole category), a row per event, in catalog order.
      expect(section.tables).toBe(Math.max(category.groups.length, 1));
      expect(section.keys).toEqual(eventsIn(wink, category).map((e) => e.key));
    }
    expect(categories.flatMap((s) => s.keys)).toEqual(wink.events.map((e) => e.key));

    const summary = found[found.length - 1]!;
    expect(summary.title).toBe('Sündmused kategooriate kaupa');
    const counts = wink.categories.map((c) => [textIn(c.title, 'et'), String(eventsIn(wink, c).length)]);
    expect(summary.cells).toEqual([...counts, ['Kokku', String(wink.events.length)]]);
    expect(wink.events.length).toBe(67);
    await page.close();
  });

  it('switches from the Estonian page to the English one with the locale switcher', async () => {
    const page = await open('/et/wink/events.html');
    await page.hover('.VPNavBarTranslations');
    await page.click('.VPNavBarTranslations a:has-text("English")');
    await page.waitForURL(`${server.url}/wink/events.html`);
    await page.waitForFunction(() => document.querySelector('.vp-doc h1')?.textContent?.includes('Event reference'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const english = await sections(page);
    expect(english[0]?.title).toBe(textIn(wink.categories[0]!.title, 'en'));
    await page.close();
  });

  it('shows hostile catalog text as text: no script runs, no interpolation, one table cell', async () => {
    const page = await open('/et/rich/events.html');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const event = rich.events.find((e) => e.key === 'post.updated')!;
    const row = await page.$$eval('.vp-doc table tr', (rows) =>
      (rows as HTMLTableRowElement[]).map((r) => [...r.cells].map((c) => c.textContent ?? '')).find((cells) => cells[1]?.trim() === 'post.updated'),
    );
    expect(row).toHaveLength(3);
    // The description is markdown: the cell shows what a reader sees of it (inline code as its text).
    expect(row?.[2]?.trim()).toBe(visibleText(textIn(event.description, 'et')));
    expect(await page.$$eval('.vp-doc script', (s) => s.length)).toBe(0);
    await page.click('.vp-doc a[href$="post.updated.html"]');
    await page.waitForURL(/post\.updated\.html$/);
    await page.waitForSelector('.vp-doc h1');
    expect(await page.textContent('.vp-doc')).toContain('{{title}}');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('keys with `/` on the docs site', () => {
  it('links each event page by the file-name form of its key, in both locales', async () => {
    for (const [prefix, locale] of [
      ['', 'en'],
      ['/et', 'et'],
    ] as const) {
      const page = await open(`${prefix}/slashes/events.html`);
      await page.click('.vp-doc a[href$="orders~create.html"]');
      await page.waitForURL(`${server.url}${prefix}/slashes/events/orders~create.html`);
      // Client-side navigation changes the URL before the new page is shown: wait for its heading.
      const title = textIn(slashes.events[0]!.title, locale);
      await page.waitForFunction((text) => document.querySelector('.vp-doc h1')?.textContent?.includes(text), title);
      expect(await page.textContent('.vp-doc h1')).toContain(title);
      expect(await page.textContent('.vp-doc')).toContain('orders/create');
      // The deprecation notice links the replacement's page, another key with `/`.
      await page.click('.VPSidebar a[href$="orders~paid.html"]');
      await page.waitForURL(/orders~paid\.html$/);
      await page.click('.vp-doc a[href$="order_transactions~create.html"]');
      await page.waitForURL(/order_transactions~create\.html$/);
      const replacement = textIn(slashes.events.find((e) => e.key === 'order_transactions/create')!.title, locale);
      await page.waitForFunction((title) => document.querySelector('.vp-doc h1')?.textContent?.includes(title), replacement);
      expect(await page.textContent('.vp-doc')).toContain('order_transactions/create');
      await page.close();
    }
  });
});

/** Open `url` and wait until the app has mounted (hydration runs the head updates too). */
async function openHydrated(url: string): Promise<Page> {
  const page = await open(url);
  await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
  return page;
}

/** What the <head> of a hostile page must hold: the front matter's texts, nothing else. */
function intendedHead(url: string): { title: string; meta: Record<string, string> } {
  const fm = hostilePages.get(url)!;
  const site = siteTitles[url.startsWith('/et/') ? 'et' : 'en']!;
  const description = String(fm['description']) || site.description;
  return {
    title: `${String(fm['title'])} | ${site.title}`,
    meta: {
      viewport: 'width=device-width,initial-scale=1',
      description,
      'og:title': String(fm['title']),
      ...(fm['description'] === '' ? {} : { 'og:description': String(fm['description']) }),
    },
  };
}

describe('hostile catalog text on the docs site', () => {
  it('has texts that would inject, in every locale, and front matter that reads back as them', () => {
    // Per locale: overview, events, subscriptions, changelog, the events and the shared schemas.
    expect(hostilePages.size).toBe(16);
    const lookalikesBack = (text: string) =>
      text
        .replace(/\u2039/g, '<')
        .replace(/\u203A/g, '>')
        .replace(/\u201D/g, '"')
        .replace(/\uFF06/g, '&');
    const made = hostile.events.find((e) => e.key === 'thing.made')!;
    for (const locale of ['en', 'et']) {
      const fm = hostilePages.get(`${locale === 'en' ? '' : '/et'}/hostile/events/thing.made.html`)!;
      expect(lookalikesBack(String(fm['title']))).toBe(textIn(made.title, locale));
      expect(String(fm['title'])).toContain('onerror');
    }
  });

  it('runs no payload and injects nothing on any page, with every <meta> as intended', async () => {
    const problems: string[] = [];
    for (const url of hostilePages.keys()) {
      const page = await openHydrated(url);
      const harm = await harmDone(page);
      if (harm.pwned !== undefined) problems.push(`${url}: a payload ran`);
      problems.push(...harm.injected.map((p) => `${url}: ${p}`));
      const head = await headOf(page);
      const intended = intendedHead(url);
      expect(head.title, url).toBe(intended.title);
      expect({ ...head.meta, generator: undefined }, url).toEqual({ ...intended.meta, generator: undefined });
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps <meta> and title right after navigating in the app, and in the sidebar, nav and language menu', async () => {
    const from = '/et/hostile/events/thing.made.html';
    const to = '/et/hostile/events/thing.gone.html';
    const page = await openHydrated(from);
    const chrome = await chromeTexts(page);
    const titles = [...hostilePages].filter(([url]) => url.startsWith('/et/')).map(([, fm]) => String(fm['title']));
    for (const title of titles.filter((t) => !t.startsWith('ET Catalog'))) expect(chrome.sidebar).toContain(title);
    // The nav bar shows the first words of a long catalog title.
    const catalogTitle = String(hostilePages.get('/et/hostile/index.html')!['title']);
    expect(chrome.nav.filter((text) => text.endsWith('…') && catalogTitle.startsWith(text.slice(0, -1)))).toHaveLength(1);
    expect(chrome.languages).toEqual(['English']);
    await page.click(`.VPSidebar a[href$="thing.gone.html"]`);
    await page.waitForURL(`${server.url}${to}`);
    await page.waitForFunction((title) => document.title === title, intendedHead(to).title);
    expect((await headOf(page)).meta['description']).toBe(intendedHead(to).meta['description']);
    expect(await harmDone(page)).toEqual({ pwned: undefined, injected: [] });
    await page.close();
  });

  it('shows catalog text as text in the local search', async () => {
    const page = await openHydrated('/hostile/events/thing.made.html');
    await page.click('.VPNavBarSearch button');
    await page.fill('.VPLocalSearchBox input', 'onerror');
    await page.waitForSelector('.VPLocalSearchBox .result');
    expect(await page.$$eval('.VPLocalSearchBox .result', (results) => results.length)).toBeGreaterThan(0);
    expect(await harmDone(page)).toEqual({ pwned: undefined, injected: [] });
    await page.close();
  });
});

/** The URL of every page the site should have: each generated page, a downloads page (and a signatures page, when the catalog signs) per catalog and locale, a home page per locale. */
async function expectedPages(): Promise<string[]> {
  const urls = new Set(['/', '/et/', '/fr/']);
  for (const catalog of [wink, sezzle, rich, hostile, slashes]) {
    for (const file of (await pagesOf(catalog)).keys()) {
      const [, locale, ...rest] = file.split('/');
      const prefix = `${locale === 'en' ? '' : `/${locale}`}/${catalog.id}/`;
      urls.add(
        prefix +
          rest
            .join('/')
            .replace(/(^|\/)index\.md$/, '$1')
            .replace(/\.md$/, '.html'),
      );
      urls.add(`${prefix}downloads.html`);
      if (catalog.envelope.signature !== undefined) urls.add(`${prefix}signatures.html`);
    }
  }
  return [...urls].sort();
}

describe('the site as a whole', () => {
  it('reaches every page from the home page, and no link or anchor of any page is missing', async () => {
    const report = await crawlSite(browser, server.url, '/', { render: false, limit: 1000 });
    expect(report.problems).toEqual([]);
    expect([...report.pages].sort()).toEqual(await expectedPages());
    const openapi = await readFile(path.join(site.work, 'generated', 'wink', 'openapi.yaml'), 'utf8');
    expect(report.files).toContain('/downloads/wink/openapi.yaml');
    expect(await (await fetch(`${server.url}/downloads/wink/openapi.yaml`)).text()).toBe(openapi);
    for (const event of sezzle.events) expect(report.files).toContain(`/downloads/sezzle/schemas/payloads/${event.key}.schema.json`);
  }, 120_000);

  it("offers in each catalog's language menu only the catalog's own locales, and every locale on the home pages", async () => {
    const menus: Record<string, string[]> = {};
    for (const url of ['/', '/fr/', '/sezzle/events.html', '/fr/sezzle/events.html', '/et/wink/events.html', '/wink/downloads.html']) {
      const page = await openHydrated(url);
      menus[url] = (await chromeTexts(page)).languages;
      await page.close();
    }
    expect(menus).toEqual({
      '/': ['Eesti', 'Français'],
      '/fr/': ['English', 'Eesti'],
      '/sezzle/events.html': ['Français'],
      '/fr/sezzle/events.html': ['English'],
      '/et/wink/events.html': ['English'],
      '/wink/downloads.html': ['Eesti'],
    });
  });

  it('lists the catalogs of a locale on its home page, with their event counts and how to subscribe', async () => {
    const page = await openHydrated('/et/');
    const text = (await page.textContent('.vp-doc')) ?? '';
    for (const catalog of [wink, rich, hostile]) expect(text).toContain(`Sündmusi: ${catalog.events.length}`);
    expect(text).not.toContain('Sezzle');
    expect(await page.$$eval('.vp-doc a[href$="/wink/subscriptions.html"]', (links) => links.length)).toBe(1);
    expect(await harmDone(page)).toEqual({ pwned: undefined, injected: [] });
    await page.close();
  });

  it('finds pages with the local search in every locale: an event key, an Estonian and a French word', async () => {
    const event = wink.events[0]!;
    const estonian = textIn(event.title, 'et');
    const french = sezzle.events.find((e) => e.key === 'customer.tokenized')!;
    const found: Record<string, string | undefined> = {};
    for (const [url, query] of [
      ['/wink/events.html', event.key],
      ['/et/', estonian],
      ['/fr/', textIn(french.title, 'fr')],
    ] as const) {
      const page = await openHydrated(url);
      found[query] = (await searchFor(page, query))[0];
      await page.close();
    }
    expect(found).toEqual({
      [event.key]: `/wink/events/${event.key}.html`,
      [estonian]: `/et/wink/events/${event.key}.html`,
      [textIn(french.title, 'fr')]: '/fr/sezzle/events/customer.tokenized.html',
    });
  });
});
