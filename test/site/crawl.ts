/**
 * Crawling a built docs site in Chromium. From the home page, every link of every page is
 * followed (nav, sidebar, language menu, page body): each page and file it reaches must answer
 * 200, and each `#anchor` must name an element of its page. Pages are either opened for real
 * (`render: true`: the app runs, and console errors are collected) or fetched and parsed by the
 * browser's own HTML parser (`DOMParser`), which is quicker for large sites.
 */
import type { Browser, ConsoleMessage, Page } from 'playwright-core';

export interface CrawlReport {
  /** Every page reached (path with `.html`), in the order reached. */
  readonly pages: readonly string[];
  /** Every other file reached (downloads). */
  readonly files: readonly string[];
  /** `from -> link: problem` for each broken link or anchor. */
  readonly problems: readonly string[];
  /** Errors the pages printed on the console (render mode only). */
  readonly consoleErrors: readonly string[];
}

interface PageLinks {
  readonly status: number;
  readonly ids: readonly string[];
  readonly hrefs: readonly string[];
}

/** The status, element ids and link targets of `url`, read by Chromium's HTML parser without running the page. */
async function parsedLinks(page: Page, url: string): Promise<PageLinks> {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    return {
      status: response.status,
      ids: [...doc.querySelectorAll('[id]')].map((e) => e.id),
      hrefs: [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    };
  }, url);
}

/** The same, from the page opened for real and hydrated. */
async function renderedLinks(page: Page, url: string, errors: string[]): Promise<PageLinks> {
  // The browser asks every site for /favicon.ico, which a docs site need not have.
  const onError = (message: ConsoleMessage) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${url}: ${message.text()}`);
  };
  const onPageError = (error: Error) => errors.push(`${url}: ${error.message}`);
  page.on('console', onError);
  page.on('pageerror', onPageError);
  try {
    const response = await page.goto(url);
    await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
    const { ids, hrefs } = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    }));
    return { status: response?.status() ?? 0, ids, hrefs };
  } finally {
    page.off('console', onError);
    page.off('pageerror', onPageError);
  }
}

function isPage(pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html');
}

/** Crawls the site at `origin` + `start`; `limit` bounds the pages (a crawl that finds more fails). */
export async function crawlSite(browser: Browser, origin: string, start: string, options: { render: boolean; limit: number }): Promise<CrawlReport> {
  const page = await browser.newPage();
  await page.goto(origin + start);
  const seen = new Set<string>([start]);
  const queue = [start];
  const pages: string[] = [];
  const files: string[] = [];
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  const anchors: { from: string; target: string; id: string }[] = [];
  const ids = new Map<string, ReadonlySet<string>>();
  try {
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (pages.length >= options.limit) throw new Error(`more than ${options.limit} pages from ${start}`);
      const links = options.render ? await renderedLinks(page, origin + current, consoleErrors) : await parsedLinks(page, origin + current);
      if (links.status !== 200) {
        problems.push(`${current}: answers ${links.status}`);
        continue;
      }
      pages.push(current);
      ids.set(current, new Set(links.ids));
      for (const href of links.hrefs) {
        const url = new URL(href, origin + current);
        if (url.origin !== origin) continue;
        // `wink/index.html` and `wink/` are one page.
        const target = url.pathname.replace(/\/index\.html$/, '/');
        if (url.hash.length > 1) anchors.push({ from: current, target, id: decodeURIComponent(url.hash.slice(1)) });
        if (seen.has(target)) continue;
        seen.add(target);
        if (isPage(target)) queue.push(target);
        else {
          const status = await page.evaluate(async (u) => (await fetch(u)).status, origin + target);
          if (status === 200) files.push(target);
          else problems.push(`${current} -> ${href}: answers ${status}`);
        }
      }
    }
    for (const { from, target, id } of anchors) {
      const known = ids.get(target);
      if (known !== undefined && !known.has(id)) problems.push(`${from} -> ${target}#${id}: no such anchor`);
    }
  } finally {
    await page.close();
  }
  return { pages, files, problems, consoleErrors };
}
