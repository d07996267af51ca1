/**
 * Generated markdown read back with remark (CommonMark + GFM tables + front matter), the way
 * a docs site reads it: are the tables whole, is there raw HTML, what text does a reader see.
 */
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

/** The few mdast fields these checks read. */
interface MdNode {
  readonly type: string;
  readonly value?: string;
  readonly url?: string;
  readonly children?: readonly MdNode[];
}

const reader = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export interface Page {
  readonly tree: MdNode;
  /** The front matter as data (undefined when the page has none). */
  readonly frontMatter: unknown;
  /** Every table: rows of cell texts, header row first. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  /** Values of `html` nodes (raw HTML that a renderer would pass through). */
  readonly html: readonly string[];
  /** Everything a reader sees as text, block by block (paragraphs, headings, cells, list items). */
  readonly texts: readonly string[];
}

export function readPage(markdown: string): Page {
  const tree = reader.parse(markdown) as MdNode;
  const tables: string[][][] = [];
  const html: string[] = [];
  const texts: string[] = [];
  let frontMatter: unknown;
  const visit = (node: MdNode): void => {
    if (node.type === 'yaml') frontMatter = parseYaml(node.value ?? '');
    if (node.type === 'html') html.push(node.value ?? '');
    if (node.type === 'table') tables.push((node.children ?? []).map((row) => (row.children ?? []).map(textOf)));
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') texts.push(textOf(node));
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { tree, frontMatter, tables, html, texts };
}

/** The text of a node as a reader sees it (mdast-util-to-string, minus images' alt). */
export function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value ?? '';
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

/** The targets of every link and image of a page. */
export function linksOf(node: MdNode): string[] {
  return [...(node.url === undefined ? [] : [node.url]), ...(node.children ?? []).flatMap(linksOf)];
}

/** How many table rows a page has (header rows included): the work a page costs to read. */
export function tableRows(page: Page): number {
  return page.tables.reduce((rows, table) => rows + table.length, 0);
}

/** Table rows whose cell count differs from their header's: a `|` or a line break from the catalog split a row. */
export function brokenRows(page: Page): string[] {
  const problems: string[] = [];
  for (const table of page.tables) {
    const width = table[0]?.length ?? 0;
    table.forEach((row, i) => {
      if (row.length !== width) problems.push(`row ${i} has ${row.length} cells, the header ${width}: ${JSON.stringify(row)}`);
    });
  }
  return problems;
}

/**
 * How catalog text shows in a table cell or a heading: one line (line breaks, tabs and
 * Unicode line separators become a space, runs of spaces one), C0 control characters dropped.
 */
export function asOneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
      .replace(/[\r\n\u2028\u2029\u0085\t\v\f]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}
