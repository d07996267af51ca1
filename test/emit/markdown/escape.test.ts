/** Escaping functions, checked by parsing their output back with remark (property-based). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, fencedCode, inlineText, jsonText, literal, oneLine, paragraphText } from '../../../src/emit/markdown/escape.js';
import { linkTo } from '../../../src/emit/markdown/helpers.js';
import { printedByRemark } from './canonical-print.js';
import { allNodes, parseMarkdown, plain as plainWithBreaks, tableCells, tables } from './mdast.js';

/** What a reader sees: the text without the invisible word joiners that keep literal links from forming. */
const plain = (node: Parameters<typeof plainWithBreaks>[0]): string => plainWithBreaks(node).replace(/\u2060/g, '');

/** Strings made of the characters that mean something in markdown, HTML or Vue. */
const nasty = fc.string({
  unit: fc.constantFrom(...'ab 1.|`*_[]()<>!#&;{}\\~:-+=/\'"\n\u2028\t'.split(''), 'www.', '<script>', '{{', '&amp;', '<!--', 'https://'),
  maxLength: 40,
});

describe('escaping catalog text for markdown', () => {
  it('inline text parses back to the same text, with no HTML and no markup', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        const root = parseMarkdown(inlineText(value));
        expect(allNodes(root).filter((n) => n.type === 'html')).toEqual([]);
        expect(allNodes(root).filter((n) => ['emphasis', 'strong', 'inlineCode', 'heading', 'list', 'table', 'code'].includes(n.type))).toEqual([]);
        expect(plain(root)).toBe(oneLine(value));
      }),
      { numRuns: 500 },
    );
  });

  it('a table cell keeps its text and the table its cells', () => {
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        const cell = (s: string) => (inlineText(s) === '' ? '—' : inlineText(s));
        const root = parseMarkdown(`| x | y |\n| --- | --- |\n| ${cell(a)} | ${codeSpan(b, true) || '—'} |\n`);
        const [table] = tables(root);
        const rows = tableCells(table!);
        expect(rows[1]?.map((cell) => cell.replace(/\u2060/g, ''))).toEqual([oneLine(a) || '—', oneLine(b) || '—']);
      }),
      { numRuns: 500 },
    );
  });

  it('a code span holds its text literally (text with {{ is written as plain text instead)', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        const root = parseMarkdown(`x ${codeSpan(value, false)} y`);
        expect(plain(root)).toBe(oneLine(value) === '' ? 'x  y' : `x ${oneLine(value)} y`);
        if (!oneLine(value).includes('{{') && oneLine(value) !== '') expect(allNodes(root).some((n) => n.type === 'inlineCode')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a fenced block holds any text, backtick runs included', () => {
    for (const body of ['```', '````\n```', 'a\n\n~~~\n`']) {
      const root = parseMarkdown(fencedCode(body, 'json'));
      const code = allNodes(root).find((n) => n.type === 'code');
      expect(code?.type === 'code' ? code.value : undefined).toBe(body);
    }
  });

  it('keeps paragraphs apart and joins the lines inside one', () => {
    expect(paragraphText('one\ntwo\n\n  three  \n\n\n')).toBe('one two\n\nthree');
    // Windows and old Mac line ends separate paragraphs too.
    expect(paragraphText('one\r\n\r\ntwo\r\rthree')).toBe('one\n\ntwo\n\nthree');
  });

  it('drops control characters and makes runs of spaces and breaks one space', () => {
    expect(oneLine(' a\u0007b  \t c\u2028d ')).toBe('ab c d');
    expect(inlineText('a\u0000\u001f  b')).toBe('a b');
    expect(literal(' a\u0007\n b ')).toBe(' a  b ');
  });

  it('writes a backslash before a pipe in a table cell as plain text, read back as written', () => {
    const root = parseMarkdown(`| x |\n| --- |\n| ${codeSpan('a\\|b', true)} |\n`);
    expect(tableCells(tables(root)[0]!)[1]).toEqual(['a\\|b']);
    expect(allNodes(root).some((n) => n.type === 'inlineCode')).toBe(false);
  });

  it('normalises line ends in a fenced block and leaves out trailing newlines', () => {
    for (const [body, value] of [
      ['a\r\nb\rc', 'a\nb\nc'],
      ['{}\n\n\n', '{}'],
    ] as const) {
      const code = allNodes(parseMarkdown(fencedCode(body, 'http'))).find((n) => n.type === 'code');
      expect(code?.type === 'code' ? code.value : undefined).toBe(value);
    }
  });

  it('writes JSON with line and paragraph separators escaped, the same value', () => {
    const value = { a: 'x\u2028y\u2029z' };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('writes what remark prints, and never shows {{ to Vue', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        const cell = inlineText(value) || '—';
        const code = codeSpan(value, true) || '—';
        const page = `# ${inlineText(value) || '—'}\n\n${paragraphText(value) || '—'}\n\n[${cell}](./x.md)\n\n| a | b |\n| - | - |\n| ${cell} | ${code} |\n`;
        expect(printedByRemark(page)).toBe(page);
        expect(page).not.toContain('{{');
      }),
      { numRuns: 300 },
    );
  });

  it('makes a link live only to a relative page or an https, http or mailto address', () => {
    for (const url of ['./events/a.md', '../schemas/B.md', 'c.md', 'https://x.example/a', 'HTTP://x.example', 'mailto:a@b.example'])
      expect(linkTo('label', url), url).toBe(`[label](${url})`);
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://x.example',
    ])
      expect(linkTo('label', url), url).toBe('label');
  });
});
