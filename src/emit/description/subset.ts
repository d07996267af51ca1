/**
 * The markdown subset of catalog descriptions, as a tree: remark's parse of a description
 * (CommonMark, no extensions) reduced to paragraphs, lists, emphasis, strong emphasis, inline
 * code and inline links to `https:`, `http:`, `mailto:` or relative targets. Anything else
 * (headings, quotes, code blocks, raw HTML, images, autolinks, reference links, links to any
 * other target) becomes text: the characters the author wrote, shown as written, never markup.
 * Nesting is bounded, so the walks below (and the printers after them) stay shallow.
 */
import type { BlockContent, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { collapseSpaces } from '../markdown/escape.js';

/** Lists nested deeper than this are shown as text. */
const MAX_LIST_DEPTH = 8;
/** Emphasis and links nested deeper than this are shown as text. */
const MAX_PHRASING_DEPTH = 16;

/** A block of the subset. */
export type SubsetBlock = Paragraph | List;

/** Whether a link to `url` may be live: `https:`, `http:`, `mailto:`, or a relative target (no
 * scheme, not `//host`); never with white space, controls or a backslash, which browsers and
 * markdown renderers read in their own ways. */
export function isAllowedTarget(url: string): boolean {
  if (url === '' || /[\s\\\u0000-\u001f\u007f]/.test(url) || url.startsWith('//')) return false;
  if (/^(?:https?|mailto):/i.test(url)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** The subset of `root`, parsed from `source`. */
export function subsetBlocks(root: Root, source: string): SubsetBlock[] {
  return blocks(root.children, source, 0);
}

/**
 * Lists and quotes one line may open before its text. remark's parser takes time quadratic in
 * the containers a line opens: one description of 10,000 characters, `- - - ... a`, took 14 to
 * 40 seconds. The subset keeps lists `MAX_LIST_DEPTH` deep and no quote, so a text with a line
 * that opens more is shown as written, whole, and never parsed.
 */
export const MAX_LINE_CONTAINERS = 16;

/** The list item and quote markers a line starts with, and each marker in them. */
const LINE_CONTAINERS = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+/;
const MARKER = />|[-+*]|\d{1,9}[.)]/g;

/** Whether a line of `source` opens more than `MAX_LINE_CONTAINERS` lists and quotes: then the
 * whole text is shown as written (`asWritten`), without being parsed. Linear in the text. */
export function opensTooManyContainers(source: string): boolean {
  return source.split(/\r\n|\r|\n/).some((line) => (LINE_CONTAINERS.exec(line)?.[0].match(MARKER)?.length ?? 0) > MAX_LINE_CONTAINERS);
}

/**
 * micromark matches each emphasis mark (`*`, `_`) against every mark still open before it: a
 * description of 10,000 characters alternating `*a_` took 1.3 to 3 s to parse (1,000 `*a_` took
 * 0.13 s; quadratic), and a catalog may hold any number of such texts. A text with more marks than
 * this is shown as written, whole, and never parsed: no description needs so much emphasis, and
 * one full of `snake_case` names reads the same unparsed (printing escapes the marks).
 */
export const MAX_EMPHASIS_MARKS = 1_000;

/** Whether `source` holds more than `MAX_EMPHASIS_MARKS` `*` and `_` in all. Linear in the text. */
export function hasTooManyEmphasisMarks(source: string): boolean {
  let marks = 0;
  for (let i = source.indexOf('*'); i !== -1; i = source.indexOf('*', i + 1)) marks++;
  for (let i = source.indexOf('_'); i !== -1; i = source.indexOf('_', i + 1)) marks++;
  return marks > MAX_EMPHASIS_MARKS;
}

/** `source` as one paragraph of text, as written. */
export function asWritten(source: string): SubsetBlock[] {
  return [paragraph([text(source)])].filter((block) => block.children.length > 0);
}

function blocks(nodes: readonly RootContent[], source: string, depth: number): SubsetBlock[] {
  return nodes
    .flatMap((node): SubsetBlock[] => {
      if (node.type === 'paragraph') return [paragraph(phrasing(node.children, source, 0))];
      if (node.type === 'list' && depth < MAX_LIST_DEPTH) return [list(node, source, depth)];
      return [paragraph([literal(node, source)])];
    })
    .filter((block) => block.children.length > 0 || block.type === 'list');
}

function list(node: List, source: string, depth: number): List {
  const items = node.children.map(
    (item): ListItem => ({ type: 'listItem', spread: item.spread === true, children: blocks(item.children, source, depth + 1) as BlockContent[] }),
  );
  return {
    type: 'list',
    ordered: node.ordered === true,
    start: node.ordered === true ? (node.start ?? 1) : null,
    spread: node.spread === true,
    children: items,
  };
}

function phrasing(nodes: readonly PhrasingContent[], source: string, depth: number): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    switch (node.type) {
      case 'text':
        return text(node.value);
      case 'inlineCode':
        return node.value.trim() === '' ? text(node.value) : { type: 'inlineCode', value: collapseSpaces(node.value) };
      case 'emphasis':
      case 'strong':
        return depth < MAX_PHRASING_DEPTH ? { type: node.type, children: phrasing(node.children, source, depth + 1) } : literal(node, source);
      case 'link': {
        const isAutolink = source.slice(node.position?.start.offset ?? 0).startsWith('<');
        if (isAutolink || !isAllowedTarget(node.url) || node.children.length === 0 || depth >= MAX_PHRASING_DEPTH) return literal(node, source);
        return { type: 'link', url: node.url, title: null, children: phrasing(node.children, source, depth + 1) };
      }
      case 'break':
        return text(' ');
      default:
        return literal(node, source);
    }
  });
}

/** A node shown as the characters that wrote it. */
function literal(node: Nodes, source: string): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return text(start === undefined || end === undefined ? '' : source.slice(start, end));
}

function text(value: string): Text {
  return { type: 'text', value: collapseSpaces(value) };
}

/** A paragraph of `children` with neighbouring texts joined and its ends trimmed. */
export function paragraph(children: PhrasingContent[]): Paragraph {
  const joined = joinTexts(children);
  const first = joined[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = joined[joined.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return { type: 'paragraph', children: joined.filter((node) => node.type !== 'text' || node.value !== '') };
}

/** Neighbouring texts as one text (as remark reads them back), in every container below. */
export function joinTexts(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text') out[out.length - 1] = text(previous.value + node.value);
    else if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'link') out.push({ ...node, children: joinTexts(node.children) });
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}
