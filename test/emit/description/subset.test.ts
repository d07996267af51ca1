/**
 * The subset as remark parses it, printed exactly in each place: lists (ordered, from their
 * start, spread or tight, nested up to a depth), code spans, breaks, links (titles dropped,
 * autolinks and empty links as written), and what is left as written.
 */
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import { subsetBlocks } from '../../../src/emit/description/subset.js';

const format = createDescriptionFormat();

/** Each place a description is printed: page blocks, a table cell, a line, CommonMark, plain text. */
function printed(text: string) {
  const page = format.page(text);
  return {
    page: page.markdown,
    endsInList: page.endsInList,
    cell: format.pageInline(text, true),
    line: format.pageInline(text, false),
    commonMark: format.commonMark(text),
    plain: format.plain(text),
  };
}

describe('blocks', () => {
  it('ends in a paragraph or a list', () => {
    expect(printed('a')).toEqual({ page: 'a', endsInList: false, cell: 'a', line: 'a', commonMark: 'a', plain: 'a' });
    expect(printed('- a\n- b\n\ntail')).toEqual({
      page: '- a\n- b\n\ntail',
      endsInList: false,
      cell: '• a • b tail',
      line: '• a • b tail',
      commonMark: '- a\n- b\n\ntail',
      plain: '• a • b tail',
    });
    expect(printed('')).toEqual({ page: '', endsInList: false, cell: '', line: '', commonMark: '', plain: '' });
  });

  it('keeps a spread list spread', () => {
    expect(printed('- a\n\n- b')).toMatchObject({ page: '- a\n\n- b', endsInList: true, commonMark: '- a\n\n- b', plain: '• a • b' });
  });

  it('numbers ordered lists from their start, with a dot', () => {
    expect(printed('0. zero\n1. one')).toEqual({
      page: '0. zero\n1. one',
      endsInList: true,
      cell: '0\\. zero 1\\. one',
      line: '0\\. zero 1\\. one',
      commonMark: '0. zero\n1. one',
      plain: '0. zero 1. one',
    });
    expect(printed('5) five\n6) six')).toMatchObject({ page: '5. five\n6. six', commonMark: '5. five\n6. six', plain: '5. five 6. six' });
  });

  it('nests lists eight deep; a deeper list is shown as written', () => {
    const text = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- l${i}`).join('\n');
    const nested = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- l${i}`).join('\n');
    expect(printed(text)).toEqual({
      page: `${nested}\n\n                \\- l8 \\- l9`,
      endsInList: true,
      cell: '• l0 • l1 • l2 • l3 • l4 • l5 • l6 • l7 \\- l8 \\- l9',
      line: '• l0 • l1 • l2 • l3 • l4 • l5 • l6 • l7 \\- l8 \\- l9',
      commonMark: `${nested}\n\n                \\- l8 - l9`,
      plain: '• l0 • l1 • l2 • l3 • l4 • l5 • l6 • l7 - l8 - l9',
    });
  });

  it('shows a text with a line that opens more than sixteen lists or quotes as written, on one line, unparsed', () => {
    // remark's parser is quadratic in the containers one line opens: this text of 10,000
    // characters took 14 to 40 s to parse, and a catalog may hold any number of such texts.
    const bomb = `${'- '.repeat(4999)}a`;
    expect(printed(bomb)).toMatchObject({ commonMark: `\\${bomb}`, plain: bomb, endsInList: false });
    expect(printed(`> ${'1. '.repeat(3000)}a`).plain).toBe(`> ${'1. '.repeat(3000)}a`);
    // Sixteen are parsed (eight lists kept), seventeen are not.
    expect(printed(`${'- '.repeat(16)}a`).commonMark).toBe(`${'- '.repeat(8)}\\-${' -'.repeat(7)} a`);
    expect(printed(`b\n${'- '.repeat(17)}a`).commonMark).toBe(`b -${' -'.repeat(16)} a`);
  });

  it('shows a text with more than 1,000 emphasis marks as written, unparsed, and parses one with 1,000', () => {
    // remark's parser is quadratic in the emphasis marks: 10,000 characters of `*a_` took seconds.
    const bomb = '*a_'.repeat(3333);
    expect(printed(bomb)).toMatchObject({ plain: bomb, endsInList: false });
    expect(printed(bomb).commonMark).toBe(bomb.replaceAll('*', '\\*').replaceAll('_', '\\_'));
    // Parsed below the limit: the marks pair into emphasis, which the subset keeps as text.
    const under = `${'*a* '.repeat(499)}_b_`;
    expect(printed(under).plain).toBe(`${'a '.repeat(499)}b`);
    const over = `${under} _`;
    expect(printed(over).plain).toBe(over);
    // Counted from the first mark, whatever the text starts with.
    expect(printed(`x ${under}`).plain).toBe(`x ${'a '.repeat(499)}b`);
  });

  it('shows headings and code blocks as written, on one line', () => {
    expect(printed('# h')).toMatchObject({ page: '\\# h', commonMark: '\\# h', plain: '# h' });
    expect(printed('```\ncode\n```')).toMatchObject({ page: '\\`\\`\\` code \\`\\`\\`', plain: '``` code ```' });
  });

  it('gives the tree of the subset: list items spread or not, ordered lists with a start, others without', () => {
    const source = '- a\n\n  more\n- b\n\n3. c';
    expect(subsetBlocks(remark().parse(source), source)).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: [
          {
            type: 'listItem',
            spread: true,
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: 'a' }] },
              { type: 'paragraph', children: [{ type: 'text', value: 'more' }] },
            ],
          },
          { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'b' }] }] },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        spread: false,
        children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'c' }] }] }],
      },
    ]);
  });
});

describe('phrasing', () => {
  it('gives the tree remark reads back from the printed CommonMark: what is shown as written joins the text beside it, inside emphasis and links too', () => {
    const tree = (text: string) => subsetBlocks(remark().parse(text), text);
    for (const source of ['*a ![i](x.png) b*', '**a <b> c**', '[a ![i](x.png) b](https://x.example)', 'a ![i](x.png) b', '- *a <br> b*']) {
      const blocks = tree(source);
      expect(tree(format.commonMark(source)), source).toEqual(blocks);
    }
    expect(tree('*a ![i](x.png) b*')).toEqual([
      { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'a ![i](x.png) b' }] }] },
    ]);
  });

  it('collapses spaces in code, and shows code of spaces only as text', () => {
    expect(printed('`a   b`')).toMatchObject({ page: '`a b`', commonMark: '`a b`', plain: 'a b' });
    expect(printed('x `  ` y')).toMatchObject({ page: 'x y', commonMark: 'x y', plain: 'x y' });
  });

  it('prints a hard break as a space', () => {
    expect(printed('a  \nb')).toMatchObject({ page: 'a b', commonMark: 'a b' });
    expect(printed('a\\\nb')).toMatchObject({ page: 'a b', commonMark: 'a b' });
  });

  it('drops a link title, and shows autolinks and links without text as written', () => {
    expect(printed('[t](https://x.example "title")')).toMatchObject({ page: '[t](https://x.example)', commonMark: '[t](https://x.example)', plain: 't' });
    expect(printed('<https://x.example>')).toMatchObject({ commonMark: '\\<https://x.example>', plain: '<https://x.example>' });
    expect(printed('[](https://x.example)')).toMatchObject({ commonMark: '\\[]\\(https://x.example)', plain: '[](https://x.example)' });
    expect(printed('see <https://x.example> and [a](https://y.example)')).toMatchObject({
      commonMark: 'see \\<https://x.example> and [a](https://y.example)',
    });
  });

  it('shows code with a backslash before a pipe as text in a table cell only, inside emphasis and links too', () => {
    expect(printed('`a \\| b`')).toMatchObject({ page: '`a \\| b`', cell: 'a \\\\\\| b', line: '`a \\| b`', commonMark: '`a \\| b`', plain: 'a \\| b' });
    expect(printed('*`a \\| b`*')).toMatchObject({ page: '_`a \\| b`_', cell: '_a \\\\\\| b_', line: '_`a \\| b`_' });
    expect(printed('**`a \\| b`**')).toMatchObject({ cell: '**a \\\\\\| b**' });
    expect(printed('[`x \\| y`](https://x.example)')).toMatchObject({ page: '[`x \\| y`](https://x.example)', cell: '[x \\\\\\| y](https://x.example)' });
    expect(printed('`a | b`')).toMatchObject({ cell: '`a \\| b`', line: '`a | b`' });
  });

  it('joins text that was code with the text beside it', () => {
    expect(printed('a `{{ x }}` b')).toMatchObject({ page: 'a &#x7B;&#x7B; x }} b', line: 'a &#x7B;&#x7B; x }} b', plain: 'a {{ x }} b' });
  });

  it('prints emphasis with underscores and strong with asterisks, and nests them sixteen deep', () => {
    expect(printed('x *y* __z__')).toMatchObject({ page: 'x _y_ **z**', commonMark: 'x _y_ **z**', plain: 'x y z' });
    const deep = (n: number) => `${'*a '.repeat(n)}b${' c*'.repeat(n)}`;
    expect(printed(deep(16)).commonMark).toBe(`${'_a '.repeat(16)}b${' c_'.repeat(16)}`);
    expect(printed(deep(17)).commonMark).toBe(`${'_a '.repeat(16)}\\*a b c\\*${' c_'.repeat(16)}`);
  });

  it('nests a link sixteen deep in emphasis; a deeper link is shown as written', () => {
    const deepLink = (n: number) => `${'*a '.repeat(n)}[l](https://x.example)${' c*'.repeat(n)}`;
    expect(printed(deepLink(15)).commonMark).toBe(`${'_a '.repeat(15)}[l](https://x.example)${' c_'.repeat(15)}`);
    expect(printed(deepLink(16)).commonMark).toBe(`${'_a '.repeat(16)}\\[l]\\(https://x.example)${' c_'.repeat(16)}`);
    // A link's text counts one level: emphasis fifteen deep inside it, the sixteenth as written.
    const inLink = (n: number) => `[${'*a '.repeat(n)}b${' c*'.repeat(n)}](https://x.example)`;
    expect(printed(inLink(15)).commonMark).toBe(`[${'_a '.repeat(15)}b${' c_'.repeat(15)}](https://x.example)`);
    expect(printed(inLink(16)).commonMark).toBe(`[${'_a '.repeat(15)}\\*a b c\\*${' c_'.repeat(15)}](https://x.example)`);
  });
});

describe('text', () => {
  it('reads escapes and character references as the characters they stand for', () => {
    expect(printed('Tom &amp; Jerry')).toMatchObject({ page: 'Tom \\& Jerry', commonMark: 'Tom & Jerry', plain: 'Tom & Jerry' });
    expect(printed('2 \\* 3 &#x7B;')).toMatchObject({ page: '2 \\* 3 &#x7B;', commonMark: '2 \\* 3 {', plain: '2 * 3 {' });
  });

  it('leaves out a paragraph that holds nothing but code of spaces, and an empty list item stays a list item', () => {
    expect(printed('a\n\n` `\n\nb')).toMatchObject({ page: 'a\n\nb', commonMark: 'a\n\nb', plain: 'a b' });
    expect(printed('` `')).toMatchObject({ page: '', endsInList: false, plain: '' });
    expect(printed('- ` `\n- b')).toMatchObject({ page: '-\n- b', endsInList: true, plain: '• • b' });
  });
});
