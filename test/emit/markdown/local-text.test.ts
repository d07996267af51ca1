/**
 * Picking a page's text (`createTextPicker`) and a payload schema's title or description
 * (`schemaText`): which locale gives the text, what is marked and listed as a fallback, blank
 * text taken as absent, and what the pages show of it (a schema title is plain text, a
 * description may be markdown; an optional text left blank leaves out what holds it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { OutputFile } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { createTextPicker, schemaText } from '../../../src/emit/markdown/local-text.js';
import { fallbackChain } from '../../../src/locale/tags.js';
import type { Catalog, JsonSchema, Localized } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { allNodes, frontMatterOf, parseMarkdown, plain } from './mdast.js';

const own = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });

describe('createTextPicker', () => {
  it("gives the page locale's text and lists the labels of fallbacks once, in the order picked", () => {
    const text = createTextPicker(fallbackChain('et', undefined, 'en'), 'en');
    expect(text.locale).toBe('et');
    expect(text.pick(own('Order'), 'a')).toEqual({ text: 'Order', fallback: true });
    expect(text.pick({ en: { text: 'Order', fallback: false }, et: { text: 'Tellimus', fallback: false } }, 'b')).toEqual({
      text: 'Tellimus',
      fallback: false,
    });
    text.pick(own('Order'), 'c');
    text.pick(own('Order'), 'a');
    expect(text.fallbacks()).toEqual(['a', 'c']);
  });

  it('takes blank text as absent: not marked, not listed, and no optional text at all', () => {
    const text = createTextPicker(['et', 'en'], 'en');
    const blank: Localized = { et: { text: ' \n\u2028 ', fallback: true } };
    expect(text.pick(blank, 'blank')).toEqual({ text: '', fallback: false });
    expect(text.pickOptional(blank, 'blank')).toBeUndefined();
    expect(text.optionalDescription(blank, 'blank')).toBeUndefined();
    expect(text.pickOptional(undefined, 'none')).toBeUndefined();
    expect(text.optionalDescription(undefined, 'none')).toBeUndefined();
    // A value with no text for the page's locale is blank too.
    expect(text.pick({ en: { text: 'Order', fallback: false } }, 'missing')).toEqual({ text: '', fallback: false });
    expect(text.fallbacks()).toEqual([]);
  });

  it('marks descriptions as markdown, and only descriptions', () => {
    const text = createTextPicker(['en'], 'en');
    const value = own('Has **bold**.');
    expect(text.pick(value, 'p')).toEqual({ text: 'Has **bold**.', fallback: false });
    expect(text.pickOptional(value, 'p')).toEqual({ text: 'Has **bold**.', fallback: false });
    expect(text.description(value, 'd')).toEqual({ text: 'Has **bold**.', fallback: false, markdown: true });
    expect(text.optionalDescription(value, 'd')).toEqual({ text: 'Has **bold**.', fallback: false, markdown: true });
    const schema: JsonSchema = { title: 'A *title*', description: 'A *description*' };
    expect(text.pickSchema(schema, 'title', 't')).toEqual({ text: 'A *title*', fallback: false });
    expect(text.pickSchema(schema, 'description', 'd')).toEqual({ text: 'A *description*', fallback: false, markdown: true });
    expect(text.pickSchema({}, 'title', 't')).toBeUndefined();
  });

  it('lists a schema text that fell back, and takes a blank one as absent', () => {
    const text = createTextPicker(['et', 'en'], 'en');
    expect(text.pickSchema({ title: 'Order' }, 'title', 'schemas/Order/title')).toEqual({ text: 'Order', fallback: true });
    expect(text.pickSchema({ title: '  ' }, 'title', 'schemas/Blank/title')).toBeUndefined();
    expect(text.fallbacks()).toEqual(['schemas/Order/title']);
  });
});

describe('schemaText', () => {
  const chain = ['et', 'en'];

  it('reads the source text in the keyword and the translations in x-translations', () => {
    const schema: JsonSchema = { title: 'Order', 'x-translations': { et: { title: 'Tellimus' } } };
    expect(schemaText(schema, 'title', chain, 'en')).toEqual({ text: 'Tellimus', fallback: false });
    expect(schemaText(schema, 'title', ['en'], 'en')).toEqual({ text: 'Order', fallback: false });
    expect(schemaText(schema, 'description', chain, 'en')).toBeUndefined();
  });

  it('falls back along the chain past a missing, blank or non-text translation', () => {
    for (const translations of [{}, { et: {} }, { et: { title: '' } }, { et: { title: 5 } }, { et: null }, { et: ['x'] }, null, 'et']) {
      const schema = { title: 'Order', 'x-translations': translations } as JsonSchema;
      expect(schemaText(schema, 'title', chain, 'en'), JSON.stringify(translations)).toEqual({ text: 'Order', fallback: true });
    }
  });

  it('reads a locale map left in the keyword, falling back along the chain, else to any text it holds', () => {
    expect(schemaText({ title: { en: 'Order', et: 'Tellimus' } }, 'title', chain, 'en')).toEqual({ text: 'Tellimus', fallback: false });
    expect(schemaText({ title: { en: 'Order' } }, 'title', chain, 'en')).toEqual({ text: 'Order', fallback: true });
    expect(schemaText({ title: { de: 'Bestellung' } }, 'title', chain, 'en')).toEqual({ text: 'Bestellung', fallback: true });
    expect(schemaText({ title: { de: 5, fr: 'Commande' } }, 'title', chain, 'en')).toEqual({ text: 'Commande', fallback: true });
    expect(schemaText({ title: { de: '' } }, 'title', chain, 'en')).toBeUndefined();
    expect(schemaText({ title: { de: 5 } }, 'title', chain, 'en')).toBeUndefined();
    // A source text is read only for the source locale.
    expect(schemaText({ title: 'Order' }, 'title', ['et'], 'en')).toBeUndefined();
  });

  it('takes an empty text as absent, and does not read a non-text keyword', () => {
    expect(schemaText({ title: '' }, 'title', ['en'], 'en')).toBeUndefined();
    expect(schemaText({ title: { et: '', en: 'Order' } }, 'title', chain, 'en')).toBeUndefined();
    expect(schemaText({ title: null } as JsonSchema, 'title', ['en'], 'en')).toBeUndefined();
    expect(schemaText({ title: ['Order'] } as JsonSchema, 'title', ['en'], 'en')).toBeUndefined();
  });
});

describe('picked text on the pages', () => {
  let files: readonly OutputFile[];
  const page = (path: string): string => {
    const file = files.find((f) => f.path === path);
    if (file === undefined) throw new Error(`no page ${path}; pages: ${files.map((f) => f.path).join(', ')}`);
    return file.contents;
  };
  const headings = (path: string) =>
    allNodes(parseMarkdown(page(path)))
      .filter((n) => n.type === 'heading')
      .map(plain);

  beforeAll(async () => {
    const base = hostileCatalog();
    const catalog: Catalog = {
      ...base,
      schemas: [
        {
          name: 'Thing',
          title: undefined,
          description: undefined,
          schema: {
            type: 'object',
            title: 'A *starred* [title](x)',
            description: 'Has **bold** text.',
            'x-translations': { et: { title: '', description: 'On **paks** tekst.' } },
            properties: { id: { type: 'string' } },
          },
        },
      ],
      envelope: { ...base.envelope, retries: { en: { text: ' ', fallback: false }, et: { text: '', fallback: false } } },
    };
    files = markdownEmitter.emit(catalog, { templates: await loadTemplates(), descriptions: createDescriptionFormat() });
  });

  it('writes a schema title as plain text and its description as markdown', () => {
    const root = parseMarkdown(page('hostile/en/schemas/Thing.md'));
    expect(headings('hostile/en/schemas/Thing.md')[0]).toBe('A *starred* [title](x)');
    const heading = allNodes(root).find((n) => n.type === 'heading')!;
    expect(allNodes(heading).map((n) => n.type)).toEqual(['heading', 'text']);
    expect(allNodes(root).some((n) => n.type === 'strong' && plain(n) === 'bold')).toBe(true);
    expect(frontMatterOf(root)['title']).toBe('A *starred* [title](x)');
    expect(frontMatterOf(root)['description']).toBe('Has bold text.');
  });

  it('falls back past a blank translation of a schema title, and says so', () => {
    const root = parseMarkdown(page('hostile/et/schemas/Thing.md'));
    expect(headings('hostile/et/schemas/Thing.md')[0]).toMatch(/^A \*starred\* \[title\]\(x\)/);
    expect(frontMatterOf(root)['fallbacks']).toEqual(['schemas/Thing/title']);
    expect(allNodes(root).some((n) => n.type === 'strong' && plain(n) === 'paks')).toBe(true);
  });

  it('leaves out the retries section when its text is blank', () => {
    for (const locale of ['en', 'et']) {
      const index = page(`hostile/${locale}/index.md`);
      expect(headings(`hostile/${locale}/index.md`)).not.toContain(locale === 'en' ? 'Retries' : 'Korduskatsed');
      expect(index, locale).not.toMatch(/^### .*\n\n(##|$)/m);
    }
  });
});
