/**
 * What the overview page says a delivery's body is, in the shapes the seed and shape fixtures do
 * not cover (test/emit/shapes.test.ts has their goldens): the bare payload without an action
 * field, a batch whose events are envelopes with a data field, a batch description that falls
 * back, and a bare catalog without events (its naming header has no example).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Envelope, Localized } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown, plain, tableCells } from './mdast.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const en = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: true } });

function overview(envelope: Partial<Envelope>, locale = 'en', change: Partial<Catalog> = {}): string {
  const base = hostileCatalog();
  const catalog: Catalog = { ...base, ...change, envelope: { ...base.envelope, description: en('About deliveries.'), ...envelope } };
  const files = markdownEmitter.emit(catalog, { templates, descriptions: createDescriptionFormat() });
  return files.find((f) => f.path === `hostile/${locale}/index.md`)!.contents;
}

/** The blocks between the heading `from` and the next heading, as text (a table as its rows). */
function section(markdown: string, from: string): string[] {
  const nodes = parseMarkdown(markdown).children;
  const start = nodes.findIndex((n) => n.type === 'heading' && plain(n) === from);
  expect(start, from).toBeGreaterThan(-1);
  const blocks: string[] = [];
  for (const node of nodes.slice(start + 1)) {
    if (node.type === 'heading') break;
    if (node.type === 'table') blocks.push(...tableCells(node).map((row) => row.join(' | ')));
    else blocks.push(plain(node));
  }
  return blocks;
}

const bare: Partial<Envelope> = { shape: 'bare', typeHeader: 'X-Event', dataField: undefined, properties: {}, required: [] };

describe('the body of a delivery on the overview page', () => {
  it('is the bare payload named by a header, with the action field only when there is one', () => {
    expect(section(overview(bare), 'Body of a delivery')).toEqual([
      "The body is the event's payload itself, described on the page of each event; the X-Event header names the event.",
    ]);
    expect(section(overview({ ...bare, actionField: 'action' }), 'Body of a delivery')[0]).toBe(
      "The body is the event's payload itself, described on the page of each event; the X-Event header names the event, and the payload's action field its action.",
    );
    // The naming header heads the headers table, with the first event's name as its example.
    expect(section(overview(bare), 'Headers').slice(0, 2)).toEqual([
      'Header | Description | Example',
      'X-Event | The name of the event, as given on the page of each event. | thing.made',
    ]);
  });

  it('lists no naming header when the events are envelopes, though the catalog declares a typeHeader', () => {
    const batch = { field: undefined, item: 'envelope' as const, description: en(''), properties: {}, required: [] };
    for (const envelope of [{ typeHeader: 'X-Event' }, { shape: 'batch' as const, batch, typeHeader: 'X-Event' }]) {
      const headers = section(overview(envelope), 'Headers');
      expect(
        headers.map((row) => row.split(' | ')[0]),
        JSON.stringify(envelope),
      ).toEqual(['Header', 'X-Sig']);
    }
  });

  it('names the header of a bare catalog without events, with no example', () => {
    const page = overview(bare, 'en', { events: [] });
    expect(section(page, 'Headers')[1]).toBe('X-Event | The name of the event, as given on the page of each event. | —');
  });

  it('is a batch whose events are envelopes with a data field, in a list field beside the batch fields', () => {
    const batch = {
      field: 'events',
      item: 'envelope' as const,
      description: en('Several at once.'),
      properties: { sentAt: { type: 'integer' } },
      required: [],
    };
    const page = overview({ shape: 'batch', batch });
    expect(section(page, 'Body of a delivery')).toEqual([
      'The body is a JSON object whose events field holds a list of events, each in the form described below.',
      'Several at once.',
      'Field | Type | Required | Description',
      'sentAt | integer | No | —',
      'events | array | Yes | The events of this delivery.',
    ]);
    const item = section(page, 'Each event of a delivery');
    expect(item[0]).toBe('Each event is a JSON object with the event key in type and the payload in data.');
    expect(item.slice(1).map((row) => row.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'Field | Type | Required',
      'type | string | Yes',
      'id | string | Yes',
      'data | object | Yes',
    ]);
    // The batch description fell back on the Estonian page, and is listed with its label.
    expect(frontMatterOf(parseMarkdown(overview({ shape: 'batch', batch }, 'et')))['fallbacks']).toContain('envelope/batch');
  });
});
