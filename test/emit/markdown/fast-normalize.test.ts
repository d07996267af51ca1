/**
 * The fast path of page normalization gives remark's bytes or declines: on every page of the
 * seed and hostile catalogs, on random pages made of the forms it reads, and for its pieces
 * (text printed as it is, table layout) against the code remark itself runs.
 */
import fc from 'fast-check';
import { markdownTable } from 'markdown-table';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/load.js';
import { pageSources, type PageSource } from '../../../src/emit/markdown.js';
import { printsAsIs } from '../../../src/emit/markdown/fast-inline.js';
import { fastNormalize, layoutTable } from '../../../src/emit/markdown/fast-normalize.js';
import { normalizeMarkdown, normalizeWithRemark, pageSerializer } from '../../../src/emit/markdown/normalize.js';
import type { InlinePlace } from '../../../src/emit/markdown/remark-state.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';

const SEED = { seed: 42 };

let seedPages: PageSource[];
let hostilePages: PageSource[];

beforeAll(async () => {
  const templates = await loadTemplates();
  const { catalogs } = await loadCatalogs(['catalog']);
  seedPages = catalogs.flatMap((catalog) => pageSources(catalog, { templates }));
  hostilePages = pageSources(hostileCatalog(), { templates });
});

/** The fast path's result, which must be remark's whenever it gives one. */
function agrees(markdown: string): boolean {
  const fast = fastNormalize(markdown, pageSerializer());
  if (fast !== undefined) expect(fast).toBe(normalizeWithRemark(markdown));
  return fast !== undefined;
}

describe('fast page normalization', () => {
  it('gives remark’s bytes for every seed page it takes, and takes nearly every event page', () => {
    const taken = seedPages.filter((page) => agrees(page.text));
    const eventPages = seedPages.filter((page) => page.path.includes('/events/'));
    const eventPagesTaken = taken.filter((page) => page.path.includes('/events/'));
    expect(eventPages.length).toBeGreaterThan(100);
    expect(eventPagesTaken.length / eventPages.length).toBeGreaterThan(0.9);
    // The event reference grows with the catalog: remark on it would cost seconds at 10,000 events.
    expect(seedPages.filter((page) => page.path.endsWith('/events.md')).every((page) => taken.includes(page))).toBe(true);
  });

  it('gives remark’s bytes for hostile pages, or leaves them to remark', () => {
    for (const page of hostilePages) agrees(page.text);
    for (const page of hostilePages) expect(normalizeMarkdown(page.text)).toBe(normalizeWithRemark(page.text));
  });

  it('is a fixed point on its own output', () => {
    for (const page of seedPages.slice(0, 200)) {
      const once = normalizeMarkdown(page.text);
      expect(normalizeMarkdown(once)).toBe(once);
    }
  });

  it('declines what it does not read: lists, quotes, emphasis, HTML, setext and multi-line paragraphs, ragged tables', () => {
    const declined = [
      '- item\n',
      '1. item\n',
      '> quote\n',
      'a *b* c\n',
      'a _b c\n',
      '<div>x</div>\n',
      'Title\n=====\n',
      'one\ntwo\n',
      '| a | b |\n| --- | --- |\n| c |\n',
      '| a |\n| --- |\nlazy row\n',
      '    indented code\n',
      '# heading #\n',
      '[ref]: ./x.md\n',
      '![image](./x.png)\n',
      'a@b.co\n',
      '```\nunclosed\n',
    ];
    for (const markdown of declined) expect(fastNormalize(markdown, pageSerializer()), markdown).toBeUndefined();
  });

  it('takes the forms the templates write', () => {
    const taken = [
      '| A | B |\n| --- | --- |\n| **Kokku** | **67** |\n',
      '---\ntitle: x\n---\n\n# T\n',
      '## Payload\n\nText\\. With `code` and [a link](./b.md)\\.\n',
      '| A | B |\n| --- | ---: |\n| `x \\| y` | 1 |\n',
      '```json\n{ "a": "```" }\n```\n',
    ];
    for (const markdown of taken) expect(agrees(markdown), markdown).toBe(true);
  });
});

/** Characters with a meaning somewhere in markdown, GFM, our text handler or Vue. */
const UNITS = [
  ...'aZ09 .,;:!?\'"()[]{}<>#*_`~|\\/@&%$^+=-\u00e9\u0142\u2014\u00a0'.split(''),
  'www.',
  'http:',
  'https://',
  'mailto:',
  '{{',
  'W.x',
  '1.',
  '1)',
  'p:/',
];
/** Mostly ordinary text, with any of the units now and then. */
const COMMON = ['word', ' ', 'é', 'ł', '—', '.', ',', '(', ')', ':', '1', '-', '!', '?'];
const textOf = fc.string({
  unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...UNITS) }),
  maxLength: 16,
});
const PLACES: InlinePlace[] = ['paragraph', 'heading', 'cell', 'paragraphLink', 'headingLink', 'cellLink'];

describe('text printed as it is', () => {
  it('only where remark’s own text handler prints it the same', () => {
    const { state, places } = pageSerializer();
    let asIs = 0;
    fc.assert(
      fc.property(
        textOf,
        fc.constantFrom(...PLACES),
        fc.constantFrom('', '`', ')', '\n', ' ', '# ', '[', ']', 'w', 'p'),
        fc.constantFrom('', '`', '[', '\n', ' ', '](', '/', '{'),
        (value, place, before, after) => {
          if (!printsAsIs(value, before, after)) return;
          asIs++;
          state.stack = [...places[place].stack] as typeof state.stack;
          const real = state.handle({ type: 'text', value }, undefined, state, { before, after, now: { line: 1, column: 1 }, lineShift: 0 });
          expect(real).toBe(value);
        },
      ),
      { ...SEED, numRuns: 3000 },
    );
    expect(asIs).toBeGreaterThan(1000);
  });
});

describe('table layout', () => {
  it('is markdown-table’s with the options mdast-util-gfm-table passes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', '—', '`', ' ', '\\|', 'ł'), maxLength: 8 });
    const align = fc.constantFrom<'left' | 'right' | 'center' | null>('left', 'right', 'center', null);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(cell),
        fc.infiniteStream(align),
        (columns, rowCount, cells, aligns) => {
          const rows = Array.from({ length: rowCount }, () => Array.from({ length: columns }, () => cells.next().value as string));
          const alignment = Array.from({ length: columns }, () => aligns.next().value as 'left' | 'right' | 'center' | null);
          expect(layoutTable(rows, alignment)).toBe(
            markdownTable(rows, { align: alignment, alignDelimiters: true, fillRows: false, padding: true, stringLength: undefined }),
          );
        },
      ),
      { ...SEED, numRuns: 500 },
    );
  });
});

/** Random pages made of the block forms the fast path reads, with random inline text. */
const SOURCE_UNITS = [
  '\\.',
  '\\(',
  '\\)',
  '\\*',
  '\\_',
  '\\[',
  '\\|',
  '\\\\',
  '\\`',
  '\\@',
  '\\{',
  '\\#',
  '`code`',
  '`a|b`',
  '` x `',
  '`\\|`',
  '[link](./a.md)',
  '[www.x](./y.md)',
  '[\\.x](../z.md)',
  '**Total**',
  '**12**',
  '**ł\\.1**',
  '** x**',
  '**x **',
  '**a*b**',
  '[**b**](./c.md)',
  '_(Deprecated)_',
  '_x_',
  '_ x_',
  '_x _',
  '_a\\_b_',
  '__x__',
  '_(x)_y',
];
const inlineSource = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...COMMON, '\\.', '`code`', '[link](./a.md)') },
    { weight: 1, arbitrary: fc.constantFrom(...UNITS, ...SOURCE_UNITS) },
  ),
  maxLength: 10,
});
const block = fc.oneof(
  inlineSource.map((text) => `# ${text}`),
  inlineSource.map((text) => `### ${text}`),
  inlineSource.map((text) => text),
  fc
    .array(fc.array(inlineSource, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((rows) => ['| H | I |', '| --- | :-: |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')),
  fc.string({ unit: fc.constantFrom('a', '`', '{', '\n', ' ', '"'), maxLength: 20 }).map((code) => `\`\`\`json\n${code}\n\`\`\``),
  fc.constantFrom(' ', '\u00a0', '   x', '- x', '1. x', '> x', '---', '***', '| x |', 'x |'),
);
/** Blocks mostly apart, now and then on consecutive lines (a paragraph runs on, a table meets text). */
const separator = fc.oneof({ weight: 5, arbitrary: fc.constant('\n\n') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n \n', '\n\n\n') });

describe('random pages', () => {
  it('are given remark’s bytes or left to remark', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 5 }), fc.boolean(), (blocks, front) => {
        const body = blocks.map(([text, after]) => text + after).join('');
        const markdown = `${front ? '---\ntitle: "x"\n---\n\n' : ''}${body}`;
        if (agrees(markdown)) taken++;
      }),
      { ...SEED, numRuns: 1500 },
    );
    // The property is only worth something if the fast path takes a good share of them.
    expect(taken).toBeGreaterThan(300);
  });
});
