/**
 * Descriptions written in markdown, parsed with remark and printed for each output: canonical
 * page markdown (blocks, a line, a table cell), CommonMark for OpenAPI, JSON Schema and doc
 * comments, and plain text for front matter. Only the subset of `subset.ts` stays markup.
 * This module loads remark: it is imported only when some description has markdown syntax
 * (see `index.ts`). Each text is parsed once per format, which lives for one run.
 */
import type { Paragraph, PhrasingContent, Root, Table } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { CANONICAL_GFM, CANONICAL_STRINGIFY } from '../markdown/canonical.js';
import type { Catalog } from '../../model/types.js';
import { type DescriptionFormat, hasMarkdownSyntax, type PageDescription } from './index.js';
import { withDescriptions } from './model.js';
import { asWritten, hasTooManyEmphasisMarks, joinTexts, opensTooManyContainers, paragraph, type SubsetBlock, subsetBlocks } from './subset.js';

/** Description source: CommonMark only (no GFM: no tables, literal autolinks or strikethrough). */
const parser = remark().freeze();
/** The page printer: the canonical form of the pages (the settings remark holds them to). */
const pagePrinter = remark().use(remarkGfm, CANONICAL_GFM).use({ settings: CANONICAL_STRINGIFY }).freeze();
/** CommonMark for OpenAPI and JSON Schema descriptions: remark's own escaping of text. */
const commonMarkPrinter = remark()
  .use({ settings: { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', incrementListMarker: true, rule: '-', fence: '`', fences: true } })
  .freeze();

/** A new format, with its own cache of parsed texts. */
export function createDescriptionFormat(): DescriptionFormat {
  const parsed = new Map<string, SubsetBlock[]>();
  const subset = (text: string): SubsetBlock[] => {
    let blocks = parsed.get(text);
    if (blocks === undefined) {
      // Texts remark's parser would take seconds over are shown as written (see subset.ts).
      const unparsed = opensTooManyContainers(text) || hasTooManyEmphasisMarks(text);
      parsed.set(text, (blocks = unparsed ? asWritten(text) : subsetBlocks(parser.parse(text), text)));
    }
    return blocks;
  };
  // Catalogs repeat a field's description wherever the field is (GitHub's catalog: 1,545 page
  // lines and cells, 401 distinct; 636 CommonMark texts, 484 distinct): each is printed once per
  // format, as remark's printer takes about a millisecond a text.
  const printedOnce = (printedTexts: Map<string, string>, text: string, print: (text: string) => string): string => {
    let out = printedTexts.get(text);
    if (out === undefined) printedTexts.set(text, (out = print(text)));
    return out;
  };
  const lines = new Map<string, string>();
  const cells = new Map<string, string>();
  const commonMarkTexts = new Map<string, string>();
  // `{@` would start a JSDoc inline tag (`{@link ...}`) in a doc comment; `\@` reads as `@` in CommonMark.
  const commonMark = (text: string): string =>
    printedOnce(commonMarkTexts, text, (t) => printed(commonMarkPrinter, { type: 'root', children: subset(t) }).replaceAll('{@', '{\\@'));
  const catalogs = new WeakMap<Catalog, Catalog>();
  return {
    page: (text) => pageBlocks(subset(text)),
    pageInline: (text, inTable) =>
      inTable
        ? printedOnce(cells, text, (t) => cell(onPage(flatten(subset(t)), true)))
        : printedOnce(lines, text, (t) => line(onPage(flatten(subset(t)), false))),
    commonMark,
    plain: (text) => flatten(subset(text)).map(plainText).join(''),
    commonMarkCatalog(catalog) {
      let converted = catalogs.get(catalog);
      if (converted === undefined)
        catalogs.set(catalog, (converted = withDescriptions(catalog, (text) => (hasMarkdownSyntax(text) ? commonMark(text) : text))));
      return converted;
    },
  };
}

function printed(printer: typeof parser, root: Root): string {
  return printer.stringify(root).replace(/\n+$/, '');
}

/** Blocks of a page: paragraphs and lists. */
function pageBlocks(blocks: readonly SubsetBlock[]): PageDescription {
  const children = blocks.map(mapList);
  const last = children[children.length - 1];
  return { markdown: printed(pagePrinter, { type: 'root', children }), endsInList: last?.type === 'list' };
}

/** A block with `onPage` applied to every paragraph in it. */
function mapList<T extends SubsetBlock>(block: T): T {
  if (block.type === 'paragraph') return paragraph(onPage(block.children, false)) as T;
  return { ...block, children: block.children.map((item) => ({ ...item, children: item.children.map((child) => mapList(child as SubsetBlock)) })) };
}

/** Phrasing content on one line: the blocks' contents joined by a space, each list item led by
 * its number or a bullet. */
function flatten(blocks: readonly SubsetBlock[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const add = (nodes: readonly PhrasingContent[]): void => {
    if (out.length > 0 && nodes.length > 0) out.push({ type: 'text', value: ' ' });
    out.push(...nodes);
  };
  const walk = (block: SubsetBlock): void => {
    if (block.type === 'paragraph') {
      add(block.children);
      return;
    }
    block.children.forEach((item, i) => {
      add([{ type: 'text', value: block.ordered ? `${(block.start ?? 1) + i}. ` : '• ' }]);
      for (const child of item.children) walk(child as SubsetBlock);
    });
  };
  for (const block of blocks) walk(block);
  return paragraph(out).children;
}

/** What VitePress would misread on a page becomes text: `{{` in code (Vue interpolates code
 * spans), and in a table cell a backslash before a pipe in code (GFM reads `\|` as a pipe). */
function onPage(nodes: readonly PhrasingContent[], inTable: boolean): PhrasingContent[] {
  const mapped = nodes.map((node): PhrasingContent => {
    if (node.type === 'inlineCode' && (node.value.includes('{{') || (inTable && node.value.includes('\\|')))) return { type: 'text', value: node.value };
    if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'link') return { ...node, children: onPage(node.children, inTable) };
    return node;
  });
  return joinTexts(mapped);
}

/** Phrasing content printed inside a paragraph, as a line. */
function line(children: PhrasingContent[]): string {
  const block: Paragraph = { type: 'paragraph', children };
  return printed(pagePrinter, { type: 'root', children: [block] });
}

/** Phrasing content printed as a GFM table cell (pipes in code escaped), without the `| ` and ` |` around it. */
function cell(children: PhrasingContent[]): string {
  const table: Table = { type: 'table', align: [null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }] }] };
  const first = printed(pagePrinter, { type: 'root', children: [table] }).split('\n')[0] ?? '';
  return first.slice(2, -2);
}

function plainText(node: PhrasingContent): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}
