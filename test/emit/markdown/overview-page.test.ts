/** The overview page (`index.md`): the labels of the texts that fell back, in the order the page shows them. */
import { describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown } from './mdast.js';

describe('the overview page', () => {
  it('lists every text of the catalog, subscriptions and delivery that fell back, by its label', async () => {
    const files = markdownEmitter.emit(hostileCatalog(), { templates: await loadTemplates(), descriptions: createDescriptionFormat() });
    const page = (locale: string) => files.find((f) => f.path === `hostile/${locale}/index.md`)!.contents;
    expect(frontMatterOf(parseMarkdown(page('et')))['fallbacks']).toEqual([
      'catalog/title',
      'catalog/description',
      'subscriptions/title',
      'envelope/description',
      'envelope/id',
      'envelope/headers/X-Sig',
      'envelope/signature',
      'envelope/responses/2XX',
      'envelope/retries',
      'categories/things/title',
    ]);
    expect(frontMatterOf(parseMarkdown(page('en')))['fallbacks']).toBeUndefined();
  });
});
