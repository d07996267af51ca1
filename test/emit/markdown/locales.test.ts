/**
 * Pages of a catalog whose locales are full BCP 47 tags (test/fixtures/locales): folders named by
 * the canonical tag, texts and message files taken along the fallback chain (zh-Hant-TW ->
 * zh-Hant -> zh -> the fallback locale -> the source locale), and front matter that lists
 * exactly the texts that fell back. Goldens under test/fixtures/locales/expected/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { loadCatalog } from '../../../src/load.js';
import type { Catalog } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { printedByRemark } from './canonical-print.js';
import { allNodes, frontMatterOf, parseMarkdown, plain } from './mdast.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

let catalog: Catalog;
let files: readonly OutputFile[];

beforeAll(async () => {
  const loaded = await loadCatalog('test/fixtures/locales/catalog');
  if (loaded.catalog === undefined) throw new Error(JSON.stringify(loaded.diagnostics, null, 2));
  catalog = loaded.catalog;
  files = markdownEmitter.emit(catalog, { templates: await loadTemplates(), descriptions });
});

const page = (path: string) => {
  const file = files.find((f) => f.path === `polyglot/${path}`);
  if (file === undefined) throw new Error(`no page ${path}`);
  const root = parseMarkdown(file.contents);
  const headings = allNodes(root)
    .filter((n) => n.type === 'heading')
    .map(plain);
  return { root, text: file.contents, front: frontMatterOf(root), headings };
};

describe('pages in BCP 47 locales', () => {
  it('matches the golden pages, which remark prints back unchanged', async () => {
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(`../../fixtures/locales/expected/${file.path}`);
      expect(printedByRemark(file.contents), file.path).toBe(file.contents);
    }
  });

  it('names each locale folder by its canonical tag', () => {
    expect([...new Set(files.map((f) => f.path.split('/')[1]))]).toEqual(['ja', 'en', 'ko', 'zh', 'zh-Hant', 'zh-Hant-TW', 'es', 'es-419']);
  });

  it('takes a missing zh-Hant-TW text from zh-Hant, then zh, and marks it', () => {
    const event = page('zh-Hant-TW/events/order.created.md');
    expect(event.headings[0]).toBe('已建立訂單 (translation missing)');
    const field = allNodes(event.root).find((n) => n.type === 'tableCell' && plain(n).startsWith('订单 ID'));
    expect(field).toBeDefined();
    expect(event.front['fallbacks']).toEqual([
      'events/order.created/title',
      'events/order.created/description',
      'categories/orders/title',
      'events/order.created/payload/orderId',
    ]);
  });

  it('takes a missing Korean text from the fallback locale (en), not the source locale (ja)', () => {
    const event = page('ko/events/order.created.md');
    expect(event.headings[0]).toBe('Order created (translation missing)');
    expect(event.text).toContain('새 주문이 생성되었습니다.');
    expect(event.front['fallbacks']).toEqual(['events/order.created/title', 'events/order.created/payload/orderId']);
  });

  it('lists no fallback on a page whose texts are all its own', () => {
    expect(page('ja/events/order.created.md').front['fallbacks']).toBeUndefined();
    expect(page('en/events/order.created.md').front['fallbacks']).toBeUndefined();
  });

  it('gives es-419 pages the Spanish message file, and says so', () => {
    const overview = page('es-419/index.md');
    expect(overview.headings).toContain('Cómo suscribirse');
    expect(overview.front['messages_locale']).toBe('es');
    expect(overview.headings[0]).toBe('Webhooks de órdenes');
  });

  it('gives Japanese pages the Japanese message file', () => {
    const overview = page('ja/index.md');
    expect(overview.headings).toContain('登録方法');
    expect(overview.front['messages_locale']).toBeUndefined();
  });

  it('gives Korean and Chinese pages, which have no message file of their language, the fallback locale English', () => {
    for (const locale of ['ko', 'zh', 'zh-Hant', 'zh-Hant-TW']) {
      const overview = page(`${locale}/index.md`);
      expect(overview.headings, locale).toContain('How to subscribe');
      expect(overview.front['messages_locale'], locale).toBe('en');
    }
  });
});
