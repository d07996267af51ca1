/**
 * Descriptions in the markdown subset, printed for pages, OpenAPI / JSON Schema and doc
 * comments, and read back with remark as a renderer would: the subset stays markup, the rest
 * shows as written, no link leads anywhere but https, http, mailto or a relative target, and
 * every page print is remark's own canonical print.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import { hasMarkdownSyntax } from '../../../src/emit/description/index.js';
import { isAllowedTarget } from '../../../src/emit/description/subset.js';
import { paragraphText } from '../../../src/emit/markdown/escape.js';
import { commonMarkLinks, isAllowedLink, visibleText } from '../../hostile/support/description-text.js';
import { printedByRemark } from '../markdown/canonical-print.js';
import { allNodes, parseMarkdown } from '../markdown/mdast.js';

const format = createDescriptionFormat();

/** What a page shows of `markdown` (GFM, as the docs site reads pages): node types and link targets. */
function onPage(markdown: string) {
  const nodes = allNodes(parseMarkdown(markdown));
  return {
    types: new Set(nodes.map((n) => n.type)),
    links: nodes.flatMap((n) => (n.type === 'link' ? [n.url] : [])),
  };
}

describe('the subset stays markup on pages', () => {
  it('prints paragraphs, emphasis, strong, inline code, lists and links in the canonical form', () => {
    const text = 'A **strong** and *em* word with `code`.\n\n* one [docs](https://example.com/docs)\n* two\n  1) nested\n  2) [mail](mailto:team@example.com)';
    expect(format.page(text)).toEqual({
      markdown: 'A **strong** and _em_ word with `code`.\n\n- one [docs](https://example.com/docs)\n- two\n  1. nested\n  2. [mail](mailto:team@example.com)',
      endsInList: true,
    });
  });

  it('keeps nested emphasis and links inside emphasis', () => {
    const { types, links } = onPage(format.page('***both*** and _one **two _three_ two** one_ and **[strong link](https://example.com/s)**').markdown);
    expect([...types].filter((t) => t === 'emphasis' || t === 'strong' || t === 'link').sort()).toEqual(['emphasis', 'link', 'strong']);
    expect(links).toEqual(['https://example.com/s']);
  });

  it('puts a description on one line in a table cell: blocks joined, list items led by a bullet or their number', () => {
    expect(format.pageInline('First.\n\n- a `x | y`\n- b\n\n3. c', true)).toBe('First. • a `x \\| y` • b 3\\. c');
    expect(format.pageInline('First.\n\n- a', false)).toBe('First. • a');
  });

  it('gives the text without markup for front matter', () => {
    expect(format.plain('See [the **guide**](https://example.com) and `code`; <b>x</b>')).toBe('See the guide and code; <b>x</b>');
  });
});

describe('everything else shows as written', () => {
  it.each([
    ['raw HTML', 'Raw <b onclick="pwned()">bold</b> <script>pwned()</script>'],
    ['an HTML block', '<div onclick="pwned()">\nblock\n</div>'],
    ['an image', 'See ![pwned](https://evil.example/x.png)'],
    ['an image inside a link', '[![badge](https://evil.example/b.svg)](https://example.com/ok)'],
    ['autolinks', '<https://evil.example/a> <javascript:pwned()> <a@evil.example>'],
    ['a javascript: link in a list', '- [click](javascript:pwned())\n- [up](JAVASCRIPT:pwned())\n- [enc](java&#x73;cript:pwned())'],
    ['data:, vbscript: and file: links', '[a](data:text/html,x) [b](vbscript:x) [c](file:///etc/passwd)'],
    ['protocol-relative and backslash links', '[a](//evil.example) [b](/\\evil.example) [c](<java script:x>)'],
    ['a reference link', '[link][r]\n\n[r]: https://evil.example'],
    ['headings, quotes, code blocks and rules', '# H\n\n> q\n\n```\ncode\n```\n\n    indented\n\n---'],
    ['GFM tables, strikethrough, footnotes and literal links', '| a |\n| - |\n| b |\n\n~~s~~ [^1] www.evil.example https://evil.example\n\n[^1]: n'],
  ])('%s', (_, text) => {
    const page = format.page(text).markdown;
    const shown = onPage(page);
    expect(shown.types.has('html') || shown.types.has('image') || shown.types.has('imageReference') || shown.types.has('linkReference')).toBe(false);
    for (const url of shown.links) expect(isAllowedLink(url), url).toBe(true);
    // Word joiners keep literal links from forming on the site; a reader does not see them.
    expect(visibleText(page).replace(/\u2060/g, '')).toBe(visibleText(text));
    const commonMark = commonMarkLinks(format.commonMark(text));
    expect(commonMark.markup).toEqual([]);
    for (const url of commonMark.links) expect(isAllowedLink(url), url).toBe(true);
    expect(visibleText(format.commonMark(text))).toBe(visibleText(text));
  });

  it('never lets `{@` start a JSDoc inline tag in a doc comment', () => {
    expect(format.commonMark('See {@link javascript:alert(1)} and *this*')).toBe('See {\\@link javascript:alert(1)} and _this_');
    expect(hasMarkdownSyntax('See {@link javascript:alert(1)}')).toBe(true);
  });

  it('never prints code with `{{` as code on a page (Vue interpolates code spans)', () => {
    const page = format.page('Use `{{ x }}` here').markdown;
    expect(onPage(page).types.has('inlineCode')).toBe(false);
    expect(page).not.toContain('{{');
    expect(format.commonMark('Use `{{ x }}` here')).toBe('Use `{{ x }}` here');
  });
});

describe('link targets', () => {
  it.each([
    ['https://example.com', true],
    ['HTTP://example.com', true],
    ['mailto:a@example.com', true],
    ['../events.md', true],
    ['other.md#part', true],
    ['/guide/', true],
    ['#anchor', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['javascript:alert(1)//http:', false],
    ['data:text/html,mailto:', false],
    ['guide/setup:advanced', true],
    ['?q=a:b', true],
    ['//evil.example', false],
    ['/\\evil.example', false],
    ['a b', false],
    ['', false],
  ])('%j is live: %s', (url, live) => {
    expect(isAllowedTarget(url)).toBe(live);
    expect(isAllowedLink(url)).toBe(live);
  });
});

describe('hasMarkdownSyntax', () => {
  it('finds what remark could read as markup', () => {
    for (const text of ['a `b`', '*a*', 'a_b', '[a](b)', '<b>', 'AT&amp;T', 'a\\*', '# h', '- item', '1. item', '> q', '    code', '~~~', 'x\n===']) {
      expect(hasMarkdownSyntax(text), text).toBe(true);
    }
  });

  it('lets plain text through, which the plain path prints as remark would', () => {
    for (const text of ['An order was created.', 'Zamówienie utworzone (PLN), 100%!', 'a - b, c: d', '注文が作成されました。']) {
      expect(hasMarkdownSyntax(text), text).toBe(false);
      expect(format.page(text).markdown).toBe(paragraphText(text));
    }
  });
});

/** Pieces of descriptions: the subset, what lies outside it, and hostile targets. */
const PIECES = [
  'word',
  ' ',
  '\n',
  '\n\n',
  '*',
  '_',
  '**',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '&amp;',
  '&#x6a;',
  '\\',
  '{{',
  '|',
  '- ',
  '1. ',
  '# ',
  '> ',
  '    ',
  'https://example.com/x',
  'javascript:alert(1)',
  '[a](https://example.com)',
  '[b](javascript:alert(1))',
  '[c](./page.md)',
  '![i](https://evil.example/i.png)',
  '<https://evil.example>',
  '<b>',
  '`code`',
  '*em*',
  '**strong**',
  'www.example.com',
  'é',
];

describe('random descriptions', () => {
  it('print canonical pages with no live link outside the allowed targets, in every place', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const page = format.page(text).markdown;
        const skeleton = `# Title\n\n${page === '' ? 'x' : page}\n\n| a | b |\n| - | - |\n| ${format.pageInline(text, true) || 'x'} | y |\n\nSee ${format.pageInline(text, false) || 'x'} here.\n`;
        expect(printedByRemark(skeleton)).toBe(skeleton);
        for (const url of onPage(skeleton).links) expect(isAllowedLink(url), url).toBe(true);
        for (const url of commonMarkLinks(format.commonMark(text)).links) expect(isAllowedLink(url), url).toBe(true);
        expect(commonMarkLinks(format.commonMark(text)).markup).toEqual([]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
