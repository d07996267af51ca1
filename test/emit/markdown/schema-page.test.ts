/**
 * A shared schema's page: its title (the named schema's, else the schema's own, else its name),
 * its description, and the labels of the texts that fell back. The schema's own title and
 * description, in markdown and through `x-translations`, are in local-text.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { OutputFile } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Localized, NamedSchema } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown, plain } from './mdast.js';

const en = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });

let files: readonly OutputFile[];
beforeAll(async () => {
  const schema = { type: 'object', title: 'Own title', description: 'Own description.', properties: { id: { type: 'string' } } };
  const schemas: NamedSchema[] = [
    { name: 'Untitled', title: undefined, description: undefined, schema: { type: 'object', properties: { id: { type: 'string' } } } },
    { name: 'Named', title: en('Named title'), description: en('Named description.'), schema },
    { name: 'Own', title: undefined, description: undefined, schema },
  ];
  const catalog: Catalog = { ...hostileCatalog(), schemas };
  files = markdownEmitter.emit(catalog, { templates: await loadTemplates(), descriptions: createDescriptionFormat() });
});

function read(locale: string, name: string) {
  const root = parseMarkdown(files.find((f) => f.path === `hostile/${locale}/schemas/${name}.md`)!.contents);
  const blocks = root.children.filter((n) => n.type !== 'yaml').map(plain);
  return { title: blocks[0], second: blocks[1], fm: frontMatterOf(root) };
}

describe('a shared schema page', () => {
  it('is titled by its name when neither it nor its schema has a title, and has no description then', () => {
    const page = read('en', 'Untitled');
    expect(page.title).toBe('Untitled');
    // The next block is the table of the schema itself: no description paragraph before it.
    expect(page.second).toBe('NameTypeUntitledobject');
    expect(page.fm['title']).toBe('Untitled');
    expect(page.fm['description']).toBe('');
    expect(read('et', 'Untitled').fm['fallbacks']).toBeUndefined();
  });

  it("prefers the named schema's title and description to the schema's own, and lists them when they fell back", () => {
    expect(read('en', 'Named')).toMatchObject({ title: 'Named title', second: 'Named description.' });
    expect(read('et', 'Named').fm['fallbacks']).toEqual(['schemas/Named/title', 'schemas/Named/description']);
  });

  it("falls back to the schema's own title and description, and lists them when they fell back", () => {
    expect(read('en', 'Own')).toMatchObject({ title: 'Own title', second: 'Own description.' });
    expect(read('et', 'Own').fm['fallbacks']).toEqual(['schemas/Own/title', 'schemas/Own/description']);
  });
});
