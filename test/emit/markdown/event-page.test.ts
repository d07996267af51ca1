/**
 * An event's page beyond what the goldens show: how a bare delivery names the event (header and
 * action) and the headers of its examples, a payload that is a shared schema, a deprecation
 * without a replacement, and the labels of the texts that fell back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Envelope, EventType, Localized, NamedSchema } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { allNodes, frontMatterOf, parseMarkdown, plain, tableCells, tables } from './mdast.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const en = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });
const both = (text: string): Localized => ({ en: { text, fallback: false }, et: { text: `ET ${text}`, fallback: false } });

const base = hostileCatalog();
const made: EventType = {
  ...base.events[0]!,
  title: both('Made'),
  description: both('A thing was made.'),
  examples: [{ name: 'one', summary: undefined, payload: { id: 'x' } }],
};
const bare: Envelope = { ...base.envelope, shape: 'bare', typeHeader: 'X-Event', dataField: undefined, properties: {}, required: [] };

function eventPage(catalog: Partial<Catalog>, key: string, locale = 'en'): string {
  const files = markdownEmitter.emit({ ...base, ...catalog }, { templates, descriptions: createDescriptionFormat() });
  const file = files.find((f) => f.path === `hostile/${locale}/events/${key}.md`);
  if (file === undefined) throw new Error(`no page for ${key}`);
  return file.contents;
}

/** The page's paragraphs, as text. */
const paragraphs = (markdown: string): string[] =>
  allNodes(parseMarkdown(markdown))
    .filter((n) => n.type === 'paragraph')
    .map(plain);

/** The page's code blocks, as [language, text]. */
const codeBlocks = (markdown: string): [string | null | undefined, string][] =>
  allNodes(parseMarkdown(markdown)).flatMap((n) => (n.type === 'code' ? [[n.lang, n.value] as [string | null | undefined, string]] : []));

describe('an event page of a bare delivery', () => {
  it('names the header that names the event, and shows it before each example body', () => {
    const page = eventPage({ envelope: bare, events: [made] }, 'thing.made');
    expect(paragraphs(page)).toContain('Delivered with the X-Event header set to thing.made.');
    expect(codeBlocks(page)).toEqual([
      ['http', 'X-Event: thing.made'],
      ['json', '{\n  "id": "x"\n}'],
    ]);
  });

  it('names the action field too, when the event has an action', () => {
    const withAction = { ...made, deliveredAs: { name: 'thing', action: 'made' } };
    const page = eventPage({ envelope: { ...bare, actionField: 'action' }, events: [withAction] }, 'thing.made');
    expect(paragraphs(page)).toContain("Delivered with the X-Event header set to thing and the payload's action field set to made.");
    // An event without an action in the same catalog is named by the header alone.
    const alone = eventPage({ envelope: { ...bare, actionField: 'action' }, events: [made] }, 'thing.made');
    expect(paragraphs(alone)).toContain('Delivered with the X-Event header set to thing.made.');
  });

  it('says nothing of headers for an envelope delivery', () => {
    // Also when the catalog declares a typeHeader, which only bare deliveries use.
    for (const envelope of [base.envelope, { ...base.envelope, typeHeader: 'X-Event' }]) {
      const page = eventPage({ envelope, events: [made] }, 'thing.made');
      expect(paragraphs(page).some((p) => p.startsWith('Delivered with'))).toBe(false);
      expect(codeBlocks(page).map(([lang]) => lang)).toEqual(['json']);
    }
  });
});

describe('an event page', () => {
  const schemas: NamedSchema[] = [
    { name: 'First', title: undefined, description: undefined, schema: { type: 'object', properties: { first: { type: 'string' } } } },
    { name: 'Second', title: undefined, description: undefined, schema: { type: 'object', properties: { second: { type: 'integer' } } } },
  ];

  it('shows the fields of the shared schema its payload is', () => {
    const page = eventPage({ schemas, events: [{ ...made, payload: { $ref: '#/schemas/Second' } }] }, 'thing.made');
    expect(paragraphs(page)).toContain('Payload schema: Second.');
    const [, fields] = tables(parseMarkdown(page));
    expect(
      tableCells(fields!)
        .slice(1)
        .map((row) => row.slice(0, 2)),
    ).toEqual([['second', 'integer']]);
  });

  it("writes the description of the shared schema its payload is after the schema's link, as on the schema's page", () => {
    const described: NamedSchema[] = [
      schemas[0]!,
      { ...schemas[1]!, schema: { ...schemas[1]!.schema, description: 'The *second* kind.', 'x-translations': { et: { description: 'Teine liik.' } } } },
    ];
    const catalog = { schemas: described, events: [{ ...made, payload: { $ref: '#/schemas/Second' } }] };
    expect(paragraphs(eventPage(catalog, 'thing.made'))).toContain('Payload schema: Second. The second kind.');
    expect(paragraphs(eventPage(catalog, 'thing.made', 'et'))).toContain('Andmete skeem: Second. Teine liik.');
    // Without a translation the source text is used, marked, and listed as a fallback.
    const untranslated = { ...catalog, schemas: [schemas[0]!, { ...schemas[1]!, schema: { ...schemas[1]!.schema, description: 'The second kind.' } }] };
    const et = eventPage(untranslated, 'thing.made', 'et');
    expect(paragraphs(et)).toContain('Andmete skeem: Second. The second kind. (tõlge puudub)');
    expect(frontMatterOf(parseMarkdown(et))['fallbacks']).toContain('schemas/Second/description');
    // A translation left blank is no description: nothing after the link, not a dash.
    const blank = {
      ...catalog,
      schemas: [
        schemas[0]!,
        { ...schemas[1]!, schema: { ...schemas[1]!.schema, description: 'The second kind.', 'x-translations': { et: { description: '   ' } } } },
      ],
    };
    expect(paragraphs(eventPage(blank, 'thing.made', 'et'))).toContain('Andmete skeem: Second.');
  });

  it('shows a deprecation without a replacement, and lists the texts that fell back', () => {
    const gone = { ...made, key: 'thing.gone', deprecated: { since: '2.0', reason: en('Not made any more.'), replacement: undefined } };
    const page = eventPage({ events: [made, gone] }, 'thing.gone');
    const notice = allNodes(parseMarkdown(page)).find((n) => n.type === 'blockquote');
    expect(notice === undefined ? '' : plain(notice)).toBe('Deprecated (since 2.0)Not made any more.');
    const replaced = { ...gone, deprecated: { ...gone.deprecated, replacement: 'thing.made' } };
    const made2 = { ...made, title: en('Made') };
    const fm = frontMatterOf(parseMarkdown(eventPage({ events: [made2, replaced] }, 'thing.gone', 'et')));
    expect(fm['fallbacks']).toEqual([
      'categories/things/title',
      'categories/things/groups/odd/title',
      'events/thing.gone/deprecation',
      'events/thing.made/title',
    ]);
    expect(fm['deprecated']).toBe(true);
  });
});
