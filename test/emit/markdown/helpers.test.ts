/**
 * The template helpers on their own: small templates rendered with the shipped partials and
 * messages (plus the ones a case adds, as an overriding template or message file would), the
 * result read back with remark. What a catalog page shows of them is in the goldens; these are
 * the cases the shipped catalogs never reach: a template naming what its view lacks, a missing
 * partial, partials and messages on several lines, empty messages and values, numbers, a
 * description that ends in a list, a type naming several shared schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { pageMessages } from '../../../src/emit/markdown/messages.js';
import { compileTemplates, PAGE_TEMPLATES } from '../../../src/emit/markdown/render.js';
import type { FieldRow } from '../../../src/emit/markdown/field-table.js';
import { loadTemplates } from '../../../src/templates.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import { printedByRemark } from './canonical-print.js';
import { allNodes, parseMarkdown, plain, tableCells, tables } from './mdast.js';

const descriptions = createDescriptionFormat();

let shipped: TemplateSet;
beforeAll(async () => {
  shipped = await loadTemplates();
});

interface Extra {
  readonly messages?: { readonly [id: string]: string };
  readonly partials?: { readonly [name: string]: string };
  readonly locale?: string;
}

/** `source` rendered as a page with `view`, on the shipped partials and messages and `extra`. */
function render(source: string, view: object, extra: Extra = {}): string {
  const locale = extra.locale ?? 'en';
  const set: TemplateSet = {
    pages: Object.fromEntries(PAGE_TEMPLATES.map((name) => [name, source])),
    partials: { ...shipped.partials, ...extra.partials },
    messages: { ...shipped.messages, [locale]: { ...shipped.messages[locale], ...extra.messages } },
  };
  return compileTemplates(set).render('overview', view, pageMessages(set, [locale]), descriptions);
}

/** The cells of the one table of `markdown`, below its header row. */
function bodyCells(markdown: string): string[][] {
  const [table] = tables(parseMarkdown(markdown));
  if (table === undefined) throw new Error(`no table in ${JSON.stringify(markdown)}`);
  return tableCells(table).slice(1);
}

const row = (cells: string): string => `| a | b |\n| - | - |\n| ${cells} |\n`;

const local = (text: string, fallback = false, markdown = false) => ({ text, fallback, ...(markdown ? { markdown: true as const } : {}) });

describe('template helpers', () => {
  it('refuse a name the view lacks, naming it and the template line', () => {
    expect(() => render('# Title\n\n{{text event.nope}}\n', { event: {} })).toThrow(
      '{{text}} got an undefined value for "event.nope": a name the view does not have (template line 3)',
    );
    expect(() => render('{{cell (lookup event "nope")}}\n', { event: {} })).toThrow(
      /^\{\{cell\}\} got an undefined value: a name the view does not have \(template line 1\)$/,
    );
    // The first argument may be there and the second missing.
    expect(() => render('{{link title nope}}\n', { title: local('A') })).toThrow(/\{\{link\}\} got an undefined value for "nope"/);
  });

  it('refuse a partial the templates lack, by name', () => {
    expect(() => render('{{inline "nowhere"}}\n', {})).toThrow('partial "nowhere" is missing from the templates');
  });

  it('put a partial on several lines on one line inside a table cell', () => {
    const page = render(row('x | {{inline "two-lines"}}'), {}, { partials: { 'two-lines': 'first\n   second  \n\n third\n' } });
    expect(page).toBe(row('x | first second third'));
    expect(bodyCells(page)).toEqual([['x', 'first second third']]);
  });

  it('write a message on one line, trimmed, with its slots filled and escaped', () => {
    const page = render(row('x | {{t "twoLines" name=name}}'), { name: 'a|b' }, { messages: { twoLines: '  Hello\n{name}, and *you*  \n' } });
    expect(bodyCells(page)).toEqual([['x', 'Hello a|b, and *you*']]);
    expect(printedByRemark(page)).toBe(page);
  });

  it('show an empty message, an empty value and blank text as — in a table cell and a heading', () => {
    const page = render(row('{{t "empty"}} | {{text blank}}'), { blank: local('') }, { messages: { empty: '' } });
    expect(bodyCells(page)).toEqual([['—', '—']]);
    expect(render(row('{{cell blank}} | {{cellCode blank}}'), { blank: '' })).toBe(row('— | —'));
    expect(plain(parseMarkdown(render('# {{text blank}}\n', { blank: local('  ') })))).toBe('—');
  });

  it('write blank paragraphs as nothing', () => {
    expect(render('before\n\n{{paragraphs blank}}\n\nafter\n', { blank: local('') })).toBe('before\n\n\n\nafter\n');
  });

  it('write numbers and booleans as their text', () => {
    const page = render(row('{{cell status}} | {{text on}}'), { status: 404, on: true });
    expect(bodyCells(page)).toEqual([['404', 'true']]);
    expect(render('{{t "variant" n=count}}\n', { count: 3 })).toBe('variant 3\n');
  });

  it('mark a fallback after a description that ends in a list as a paragraph of its own, not in the last item', () => {
    const page = render('{{paragraphs description}}\n', { description: local('Modes:\n\n- *fast*\n- slow', true, true) }, { locale: 'et' });
    const root = parseMarkdown(page);
    const list = allNodes(root).find((n) => n.type === 'list');
    expect(list === undefined ? undefined : plain(list)).toBe('fastslow');
    expect(root.children.map((n) => n.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(plain(root.children[2]!)).toBe('(tõlge puudub)');
    expect(printedByRemark(page)).toBe(page);
  });

  it('end a description that ends in a list with the list when nothing is marked', () => {
    expect(render('{{paragraphs description}}\n', { description: local('Modes:\n\n- fast\n- slow', false, true) })).toBe('Modes:\n\n- fast\n- slow\n');
  });

  it('keep a pipe inside code of a markdown description in its table cell', () => {
    const page = render(row('x | {{cell description}}'), { description: local('Use `a|b` or *c*', false, true) });
    const [cells] = bodyCells(page);
    expect(cells).toEqual(['x', 'Use a|b or c']);
    expect(allNodes(parseMarkdown(page)).filter((n) => n.type === 'inlineCode')).toHaveLength(1);
  });

  it('escape a pipe in code only inside a table cell', () => {
    const page = render(`### {{code name}}\n\n${row('x | {{cellCode name}}')}`, { name: 'a|b' });
    const codes = allNodes(parseMarkdown(page)).filter((n) => n.type === 'inlineCode');
    expect(codes.map((n) => plain(n))).toEqual(['a|b', 'a|b']);
    expect(page).toContain('### `a|b`\n');
    const described = render('# {{text description}}\n', { description: local('Use `a|b`', false, true) });
    expect(
      allNodes(parseMarkdown(described))
        .filter((n) => n.type === 'inlineCode')
        .map((n) => plain(n)),
    ).toEqual(['a|b']);
  });

  it('write HTTP headers as an http code block', () => {
    const page = render('{{httpHeaders headers}}\n', { headers: 'X-Event: a.b\nX-Id: 1' });
    const code = allNodes(parseMarkdown(page)).find((n) => n.type === 'code');
    expect(code?.type === 'code' ? [code.lang, code.value] : undefined).toEqual(['http', 'X-Event: a.b\nX-Id: 1']);
  });

  it('link the type of a field to the one shared schema it names, and each of several apart', () => {
    const field = (links: FieldRow['links'], variant: string | null = null): FieldRow => ({
      path: 'p',
      type: 'A | B',
      links,
      facets: ['minItems: 1'],
      variant,
      required: true,
      description: null,
    });
    const one = render(row('x | {{fieldType row}}'), { row: field([{ name: 'A', url: './A.md' }], '2') });
    expect(one).toBe(row('x | [`A \\| B`](./A.md) `minItems: 1` (variant 2\\)'));
    expect(printedByRemark(one)).toBe(one);
    const two = render(row('x | {{fieldType row}}'), {
      row: field([
        { name: 'A', url: './A.md' },
        { name: 'B', url: './B.md' },
      ]),
    });
    expect(two).toBe(row('x | `A \\| B` [`A`](./A.md) [`B`](./B.md) `minItems: 1`'));
    const links = allNodes(parseMarkdown(two)).filter((n) => n.type === 'link');
    expect(links.map((n) => [plain(n), n.type === 'link' ? n.url : ''])).toEqual([
      ['A', './A.md'],
      ['B', './B.md'],
    ]);
  });

  it('list values and shared schemas as code, comma-separated, for a message slot', () => {
    const view = {
      values: ['a|b', 'c'],
      links: [
        { name: 'A', url: './A.md' },
        { name: 'B', url: './B.md' },
      ],
    };
    const page = render('{{t "list" values=(codeList values) links=(schemaLinks links)}}\n', view, { messages: { list: 'Values {values}; schemas {links}.' } });
    expect(page).toBe('Values `a|b`, `c`; schemas [`A`](./A.md), [`B`](./B.md).\n');
  });
});
