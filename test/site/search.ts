/** The site's local search (VitePress, MiniSearch) driven in Chromium as a reader uses it. */
import type { Page } from 'playwright-core';

/** Opens the search box on `page`, types `query`, and returns the links of the results, best first. */
export async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.click('.VPNavBarSearch button');
  await page.fill('.VPLocalSearchBox input', query);
  await page.waitForSelector('.VPLocalSearchBox .result');
  const hrefs = await page.$$eval('.VPLocalSearchBox a.result', (links) => links.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname));
  await page.keyboard.press('Escape');
  return hrefs;
}
