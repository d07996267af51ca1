/**
 * The docs emitter on the rich fixture: golden pages (reviewed as files under
 * test/fixtures/rich/expected/), the page set, determinism, remark fixed point, fallbacks,
 * and no English words on Estonian pages.
 */
import jsYaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCatalog } from '../../src/load.js';
import type { OutputFile, TemplateSet } from '../../src/emit/emitter.js';
import { markdownEmitter } from '../../src/emit/markdown.js';
import { printedByRemark } from './markdown/canonical-print.js';
import type { Catalog } from '../../src/model/types.js';
import { loadTemplates } from '../../src/templates.js';
import { hostileCatalog } from './markdown/hostile-catalog.js';
import { allNodes, frontMatterOf, parseMarkdown, plain, prose, tableCells, tables } from './markdown/mdast.js';
import { createDescriptionFormat } from '../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

let rich: Catalog;
let templates: TemplateSet;
let files: readonly OutputFile[];

beforeAll(async () => {
  const loaded = await loadCatalog('test/fixtures/rich/catalog');
  if (loaded.catalog === undefined) throw new Error(JSON.stringify(loaded.diagnostics, null, 2));
  rich = loaded.catalog;
  templates = await loadTemplates();
  files = markdownEmitter.emit(rich, { templates, descriptions });
});

const contentsOf = (path: string): string => files.find((f) => f.path === path)?.contents ?? '';

describe('markdown pages of the rich fixture', () => {
  it('is registered under the name docs', () => {
    expect(markdownEmitter.name).toBe('docs');
  });

  it('writes overview, event reference, subscriptions, changelog, one page per event and one per shared schema, for every locale', () => {
    const perLocale = (l: string) => [
      `rich/${l}/index.md`,
      `rich/${l}/events.md`,
      `rich/${l}/subscriptions.md`,
      `rich/${l}/changelog.md`,
      ...rich.events.map((e) => `rich/${l}/events/${e.key}.md`),
      ...rich.schemas.map((s) => `rich/${l}/schemas/${s.name}.md`),
    ];
    expect(files.map((f) => f.path)).toEqual([...perLocale('en'), ...perLocale('et')]);
  });

  it('matches the golden pages', async () => {
    for (const file of files) await expect(file.contents).toMatchFileSnapshot(`../fixtures/rich/expected/${file.path}`);
  });

  it('emits the same bytes twice, and remark changes none of them', () => {
    const again = markdownEmitter.emit(rich, { templates, descriptions });
    expect(again).toEqual(files);
    for (const file of files) expect(printedByRemark(file.contents), file.path).toBe(file.contents);
  });

  it('emits only the requested locales the catalog declares', () => {
    const only = markdownEmitter.emit(rich, { templates, descriptions, locales: ['et', 'de'] });
    expect(new Set(only.map((f) => f.path.split('/')[1]))).toEqual(new Set(['et']));
  });

  it('stamps every page in its front matter, with title, description and sidebar order', () => {
    for (const file of files) {
      const fm = frontMatterOf(parseMarkdown(file.contents));
      expect(fm['generated_by'], file.path).toBe('hookcat');
      expect(typeof fm['title'] === 'string' && fm['title'] !== '', file.path).toBe(true);
      expect(typeof fm['description'], file.path).toBe('string');
      expect(typeof fm['order'], file.path).toBe('number');
      expect(file.contents).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?!Z")/); // no timestamp outside JSON examples
    }
  });

  it('quotes front matter so YAML 1.1 readers (js-yaml, as in gray-matter) read the same strings', () => {
    const pages = markdownEmitter.emit({ ...rich, version: '2022-11-28' }, { templates, descriptions });
    for (const file of pages) {
      const yaml = file.contents.split('---\n')[1]!;
      expect(jsYaml.load(yaml), file.path).toEqual(parseYaml(yaml));
      expect(parseYaml(yaml)['catalog_version'], file.path).toBe('2022-11-28');
    }
  });

  it('marks a missing translation on the page and lists it in the front matter', () => {
    const page = contentsOf('rich/et/events/member.removed.md');
    const root = parseMarkdown(page);
    expect(plain(allNodes(root).find((n) => n.type === 'heading')!)).toBe('Member removed (tõlge puudub)');
    expect(frontMatterOf(root)['fallbacks']).toEqual(['events/member.removed/title', 'events/member.removed/description', 'events/member.removed/payload/by']);
    expect(frontMatterOf(parseMarkdown(contentsOf('rich/en/events/member.removed.md')))['fallbacks']).toBeUndefined();
  });

  it('never leaves a table cell empty', () => {
    for (const file of files) {
      for (const table of tables(parseMarkdown(file.contents))) {
        for (const row of tableCells(table))
          expect(
            row.filter((cell) => cell === ''),
            file.path,
          ).toEqual([]);
      }
    }
  });

  it('links the pages to each other with relative .md links that exist', () => {
    const paths = new Set(files.map((f) => f.path));
    for (const file of files) {
      const dir = file.path.split('/').slice(0, -1).join('/');
      for (const node of allNodes(parseMarkdown(file.contents))) {
        if (node.type !== 'link' || /^[a-z]+:/.test(node.url)) continue;
        const target = new URL(node.url, `file:///${dir}/`).pathname.slice(1);
        expect(paths.has(target), `${file.path} -> ${node.url}`).toBe(true);
      }
    }
  });

  it('puts no English message on an Estonian page', () => {
    const en = templates.messages['en']!;
    const et = templates.messages['et']!;
    // Messages spelled the same in Estonian ("variant {n}" is Estonian too); site chrome is
    // checked in the browser, not on pages.
    const sameInEstonian = new Set(['variant']);
    expect(Object.keys(en).filter((id) => en[id] === et[id] && !sameInEstonian.has(id))).toEqual([]);
    const english = Object.entries(en)
      .filter(([id]) => !sameInEstonian.has(id) && !id.startsWith('site_') && id !== 'languageName')
      .map(([, text]) => text.split(/\{[A-Za-z]+\}/)[0]!.trim())
      .filter((text) => text.length > 1);
    for (const file of files.filter((f) => f.path.startsWith('rich/et/'))) {
      // Catalog text in the source locale (marked fallbacks) is English on purpose: leave it out.
      const root = parseMarkdown(file.contents);
      const words = allNodes(root)
        .filter((n) => n.type === 'tableCell' || n.type === 'heading' || n.type === 'paragraph' || n.type === 'listItem')
        .map(prose)
        .filter((t) => !t.includes('tõlge puudub'))
        .join('\n');
      for (const text of english)
        expect(words.includes(text) && new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(words), `${file.path}: "${text}"`).toBe(false);
    }
  });

  it('falls back to English messages for a locale without messages, and says so', () => {
    const catalog = hostileCatalog();
    const ptBr = { ...catalog, locales: ['en', 'pt-BR'], title: { ...catalog.title, 'pt-BR': { text: 'Catálogo', fallback: false } } };
    const pages = markdownEmitter.emit(ptBr, { templates, descriptions });
    const index = pages.find((f) => f.path === 'hostile/pt-BR/index.md')!;
    expect(frontMatterOf(parseMarkdown(index.contents))['messages_locale']).toBe('en');
    expect(index.contents).toContain('## How to subscribe');
    const english = pages.find((f) => f.path === 'hostile/en/index.md')!;
    expect(frontMatterOf(parseMarkdown(english.contents))['messages_locale']).toBeUndefined();
  });

  it('uses the base language messages for a regional locale', () => {
    const catalog = hostileCatalog();
    const frCa = { ...catalog, locales: ['en', 'fr-CA'] };
    const index = markdownEmitter.emit(frCa, { templates, descriptions }).find((f) => f.path === 'hostile/fr-CA/index.md')!;
    expect(frontMatterOf(parseMarkdown(index.contents))['messages_locale']).toBe('fr');
    expect(index.contents).toContain('## S’abonner');
  });

  it('needs templates', () => {
    expect(() => markdownEmitter.emit(rich, {})).toThrow(/templates/);
  });
});
