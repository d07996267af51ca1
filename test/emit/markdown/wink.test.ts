/**
 * The Estonian Wink event reference against the page it comes from (the seed page in
 * /work/shared/seeds/wink-webhook-events.et.txt): every event key in the seed's order, one
 * table per subgroup, and the counts computed from the catalog. The seed's own summary is
 * wrong (it says 64 in total and 19 managing-entity events; there are 67 and 22).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { eventsIn, textIn } from '../../../src/model/query.js';
import type { Catalog } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { loadOrFail } from '../../docs/site-build.js';
import { WINK_PAGE_KEYS } from '../../support/wink-seed.js';
import { allNodes, parseMarkdown, plain, tableCells, tables } from './mdast.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

const SEED_KEYS = WINK_PAGE_KEYS;

let wink: Catalog;
let page: string;

beforeAll(async () => {
  wink = await loadOrFail('catalog/wink');
  const files = markdownEmitter.emit(wink, { templates: await loadTemplates(), descriptions, locales: ['et'] });
  page = files.find((f) => f.path === 'wink/et/events.md')?.contents ?? '';
});

describe('Wink event reference in Estonian', () => {
  it('lists every event key of the seed page, in order, in the event tables', () => {
    const root = parseMarkdown(page);
    const eventTables = tables(root).filter((t) => tableCells(t)[0]?.[1] === 'Võti');
    expect(tableCells(eventTables[0]!)[0]).toEqual(['Sündmus', 'Võti', 'Kirjeldus']);
    const keys = eventTables.flatMap((t) =>
      tableCells(t)
        .slice(1)
        .map((cells) => cells[1]),
    );
    expect(SEED_KEYS).toHaveLength(67);
    expect(keys).toEqual(SEED_KEYS);
  });

  it('has a category heading per category and a table per subgroup, like the seed', () => {
    const root = parseMarkdown(page);
    const h2 = allNodes(root)
      .filter((n) => n.type === 'heading' && n.depth === 2)
      .map(plain);
    expect(h2).toEqual([...wink.categories.map((c) => textIn(c.title, 'et')), 'Sündmused kategooriate kaupa']);
    const groups = wink.categories.reduce((n, c) => n + Math.max(c.groups.length, 1), 0);
    expect(tables(root).length).toBe(groups + 1);
  });

  it('prints the counts per category and the total computed from the catalog', () => {
    const summary = tables(parseMarkdown(page)).at(-1)!;
    const rows = tableCells(summary);
    expect(rows[0]).toEqual(['Kategooria', 'Kogus']);
    const expected = wink.categories.map((c) => [textIn(c.title, 'et'), String(eventsIn(wink, c).length)]);
    expect(rows.slice(1, -1)).toEqual(expected);
    expect(rows.at(-1)).toEqual(['Kokku', '67']);
    const managing = rows.find((r) => r[0] === 'Halduse üksuse sündmused');
    expect(managing?.[1]).toBe('22');
    expect(rows.slice(1, -1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(67);
  });
});
