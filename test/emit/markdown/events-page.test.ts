/**
 * The event reference page (`events.md`): events outside any subgroup in a table of their own
 * before the subgroups, each subgroup's events in its table, and the labels of the texts that
 * fell back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { OutputFile } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Localized } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown, plain, tableCells } from './mdast.js';

const en = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });
const both = (text: string): Localized => ({ en: { text, fallback: false }, et: { text: `ET ${text}`, fallback: false } });

let files: readonly OutputFile[];
beforeAll(async () => {
  const base = hostileCatalog();
  const made = base.events[0]!;
  const plainEvent = (key: string, group: string | undefined) => ({ ...made, key, group, title: both(`Title ${key}`), description: both(`About ${key}.`) });
  const catalog: Catalog = {
    ...base,
    title: en('Catalog'),
    description: both('All events.'),
    categories: [
      {
        id: 'things',
        title: both('Things'),
        description: both('Things happen.'),
        groups: [
          { id: 'odd', title: en('Odd'), description: en('Odd things.') },
          { id: 'even', title: both('Even'), description: both('Even things.') },
        ],
      },
    ],
    events: [plainEvent('a.one', 'even'), plainEvent('b.two', undefined), plainEvent('c.three', 'odd'), plainEvent('d.four', undefined)],
  };
  files = markdownEmitter.emit(catalog, { templates: await loadTemplates(), descriptions: createDescriptionFormat() });
});

const page = (locale: string) => files.find((f) => f.path === `hostile/${locale}/events.md`)!.contents;

/** Headings and, under each, the event keys of its table. */
function outline(markdown: string): [string, string[]][] {
  const result: [string, string[]][] = [];
  for (const node of parseMarkdown(markdown).children) {
    if (node.type === 'heading' && node.depth > 1) result.push([plain(node), []]);
    if (node.type === 'table' && result.length > 0)
      result.at(-1)![1].push(
        ...tableCells(node)
          .slice(1)
          .map((row) => row[1]!),
      );
  }
  return result;
}

describe('the event reference page', () => {
  it('puts the events outside any subgroup first, in a table of their own, then each subgroup in catalog order', () => {
    expect(outline(page('en')).slice(0, 3)).toEqual([
      ['Things', ['b.two', 'd.four']],
      ['Odd', ['c.three']],
      ['Even', ['a.one']],
    ]);
  });

  it('lists the labels of the texts that fell back in the front matter', () => {
    expect(frontMatterOf(parseMarkdown(page('et')))['fallbacks']).toEqual([
      'catalog/title',
      'categories/things/groups/odd/title',
      'categories/things/groups/odd/description',
    ]);
  });
});
