/**
 * Inline markdown for the fast path of page normalization: parsing the few inline forms the
 * page templates write (text with backslash escapes, code spans, links), and printing them
 * as remark prints them. Anything else is declined (undefined), and the page goes to remark.
 *
 * Printing: text of common characters is printed as it is, which is what remark's `safe`
 * gives for it (tested against it on random text); other text, and code spans with
 * backticks, go to the captured state's own `safe` and handlers.
 */
import type { State } from 'mdast-util-to-markdown';
import type { CapturedState, InlinePlace, PlaceInfo } from './remark-state.js';

export type InlineNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'inlineCode'; readonly value: string }
  | { readonly type: 'link'; readonly url: string; readonly children: readonly InlineNode[] }
  | { readonly type: 'strong'; readonly children: readonly InlineNode[] }
  | { readonly type: 'emphasis'; readonly children: readonly InlineNode[] };

/** CommonMark: any ASCII punctuation character may be backslash-escaped. */
function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** Characters that always start or end markup, or that GFM may read as part of a literal
 * link, when not escaped: such input is left to remark. */
const MARKUP = new Set(['*', '_', '~', '<', '>', '&', '[', ']', '|', '@', '!', '`', '\\']);

/** Link targets printed as they are: relative page paths (no scheme, space or parenthesis). */
const PLAIN_URL = /^[A-Za-z0-9._~/#-]+$/;

/** Where GFM may start a literal link (which then takes in backslashes and all): left to remark. */
const LITERAL_LINK_START = /www\.|https?:\/\/|mailto:|xmpp:/i;

/** Parses one line of inline markdown; undefined for anything outside the fast path's forms. */
export function parseInline(source: string, inCell: boolean, inLabel = false): InlineNode[] | undefined {
  if (LITERAL_LINK_START.test(source)) return undefined;
  const nodes: InlineNode[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const code = source.charCodeAt(i);
    if (code < 32 || code === 127) return undefined;
    if (char === '\\') {
      const next = source.charCodeAt(i + 1);
      if (Number.isNaN(next)) return undefined;
      text += isAsciiPunctuation(next) ? source[i + 1] : '\\';
      i += isAsciiPunctuation(next) ? 2 : 1;
      continue;
    }
    if (char === '`' || (char === '[' && !inLabel) || char === '*' || char === '_') {
      const found = spanAt(source, i, inCell, inLabel);
      if (found === undefined) return undefined;
      if (text !== '') nodes.push({ type: 'text', value: text });
      text = '';
      nodes.push(found.node);
      i = found.end;
      continue;
    }
    if (char === '!' ? source[i + 1] === '[' : MARKUP.has(char) && char !== '!') return undefined;
    text += char;
    i++;
  }
  if (text !== '') nodes.push({ type: 'text', value: text });
  return nodes;
}

/** The code span, link, strong or emphasis starting at `start`, and the index after it. */
function spanAt(source: string, start: number, inCell: boolean, inLabel: boolean): { node: InlineNode; end: number } | undefined {
  const char = source[start];
  if (char === '`') return codeSpanAt(source, start, inCell);
  if (char === '[') return linkAt(source, start, inCell);
  return char === '*' ? strongAt(source, start, inCell, inLabel) : emphasisAt(source, start, inCell, inLabel);
}

/** A code span starting at `start` (CommonMark 6.1), and the index after it. */
function codeSpanAt(source: string, start: number, inCell: boolean): { node: InlineNode; end: number } | undefined {
  let open = start;
  while (source[open] === '`') open++;
  const size = open - start;
  let at = open;
  for (;;) {
    const close = source.indexOf('`', at);
    if (close === -1) return undefined;
    let end = close;
    while (source[end] === '`') end++;
    if (end - close === size) {
      let value = source.slice(open, close);
      if (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
      // mdast-util-gfm-table reads `\|` and `\\` in code inside a cell as `|` and `\`.
      if (inCell) value = value.replace(/\\([\\|])/g, '$1');
      return { node: { type: 'inlineCode', value }, end };
    }
    at = end;
  }
}

/** Letters and digits: a `**` run next to one, with a space or nothing on its other side, opens or closes. */
const WORD_EDGE = /^[\p{L}\p{N}]$/u;

/** Strong emphasis `**text**` starting at `start`, around plain text that begins and ends
 * with a letter or digit, with a space or nothing outside: the one form the templates use. */
function strongAt(source: string, start: number, inCell: boolean, inLabel: boolean): { node: InlineNode; end: number } | undefined {
  if (source[start + 1] !== '*' || source[start + 2] === '*' || (start > 0 && source[start - 1] !== ' ')) return undefined;
  const close = source.indexOf('**', start + 2);
  if (close === -1 || source[close + 2] === '*' || (close + 2 < source.length && source[close + 2] !== ' ')) return undefined;
  const content = source.slice(start + 2, close);
  if (!WORD_EDGE.test(content.charAt(0)) || !WORD_EDGE.test(content.charAt(content.length - 1))) return undefined;
  const children = parseInline(content, inCell, inLabel);
  if (children === undefined || children.some((child) => child.type !== 'text')) return undefined;
  return { node: { type: 'strong', children }, end: close + 2 };
}

/** Emphasis `_text_` starting at `start`, with a space or nothing outside and no space
 * inside next to the underscores (so both can only open and close), around plain text. */
function emphasisAt(source: string, start: number, inCell: boolean, inLabel: boolean): { node: InlineNode; end: number } | undefined {
  if ((start > 0 && source[start - 1] !== ' ') || source[start + 1] === undefined || source[start + 1] === ' ' || source[start + 1] === '_') return undefined;
  let close = start + 1;
  while (close < source.length && source[close] !== '_') close += source[close] === '\\' ? 2 : 1;
  if (close >= source.length || source[close - 1] === ' ' || (close + 1 < source.length && source[close + 1] !== ' ')) return undefined;
  const children = parseInline(source.slice(start + 1, close), inCell, inLabel);
  if (children === undefined || children.length === 0 || children.some((child) => child.type !== 'text')) return undefined;
  return { node: { type: 'emphasis', children }, end: close + 1 };
}

/** A link `[text](url)` starting at `start`, with a plain url and plain text. */
function linkAt(source: string, start: number, inCell: boolean): { node: InlineNode; end: number } | undefined {
  let close = start + 1;
  while (close < source.length && source[close] !== ']') {
    if (source[close] === '[' || source[close] === '`') return undefined;
    close += source[close] === '\\' ? 2 : 1;
  }
  if (source[close + 1] !== '(') return undefined;
  const end = source.indexOf(')', close + 2);
  if (end === -1) return undefined;
  const url = source.slice(close + 2, end);
  const children = parseInline(source.slice(start + 1, close), inCell, true);
  if (children === undefined || children.length === 0 || !PLAIN_URL.test(url)) return undefined;
  // A link whose text is its address is read by normalize.ts as an autolink literal and unlinked.
  if (children.length === 1 && children[0]!.type === 'text' && [url, `http://${url}`, `mailto:${url}`, `xmpp:${url}`].includes(children[0]!.value))
    return undefined;
  return { node: { type: 'link', url, children }, end: end + 1 };
}

/** Text that remark's `safe` (and our text handler) leave as it is: letters, digits, spaces
 * and punctuation with no meaning where it stands. */
const INERT = /^[A-Za-z0-9 ,;'"/?%$^{}().:!+=>\u00A1-\uFFFF-]*$/;

function isBreak(text: string): boolean {
  return /[\r\n][\t ]*$/.test(text);
}

/** True when printing `value` between `before` and `after` changes nothing. */
export function printsAsIs(value: string, before: string, after: string): boolean {
  if (!INERT.test(value) || value.includes('{{') || /[\u2028\u2029\u0085\uFEFF]/.test(value)) return false;
  const first = value.charAt(0);
  if (isBreak(before) && (/^[-+=>:)]/.test(first) || /^\d+[.)]/.test(value) || first === ' ')) return false;
  if (value.endsWith(' ') && /^[\r\n]/.test(after)) return false;
  if (first === '(' && before.endsWith(']')) return false;
  if (value.endsWith('!') && after.startsWith('[')) return false;
  if (value.endsWith('{') && after.startsWith('{')) return false;
  const around = before.slice(-1) + value + after.charAt(0);
  if (/[Ww]\.[-.\w]/.test(around) || /www\./i.test(value) || /[ps]:\//.test(around) || /(https?|mailto|xmpp):/i.test(value)) return false;
  return true;
}

/** Prints inline nodes in `place`, as remark's containerPhrasing would. */
export function printInline(nodes: readonly InlineNode[], captured: CapturedState, place: InlinePlace): string {
  const info = captured.places[place];
  // Emphasis takes remark's attention rules (which may encode characters around it): the whole container goes to the state.
  if (nodes.some((node) => node.type === 'strong' || node.type === 'emphasis')) return viaContainer(captured.state, info, nodes);
  const linkPlace: InlinePlace = place === 'paragraph' ? 'paragraphLink' : place === 'heading' ? 'headingLink' : 'cellLink';
  let out = '';
  let before = info.before;
  nodes.forEach((node, i) => {
    const next = nodes[i + 1];
    const after = next === undefined ? info.after : next.type === 'link' ? '[' : '`';
    const printed = printNode(node, captured, info, linkPlace, before, after);
    out += printed;
    before = lastCharacter(printed);
  });
  return out;
}

/** The last character of `text`, a surrogate pair whole. */
function lastCharacter(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
}

function printNode(node: InlineNode, captured: CapturedState, info: PlaceInfo, linkPlace: InlinePlace, before: string, after: string): string {
  if (node.type === 'text') return printsAsIs(node.value, before, after) ? node.value : viaState(captured.state, info, node, before, after);
  if (node.type === 'inlineCode') return printCode(node.value, captured.state, info);
  if (node.type === 'strong' || node.type === 'emphasis') return viaContainer(captured.state, info, [node]);
  return `[${printInline(node.children, captured, linkPlace)}](${node.url})`;
}

/** The handler of `node`'s type in the captured state, at `info`'s place. */
function viaState(state: State, info: PlaceInfo, node: InlineNode, before: string, after: string): string {
  state.stack = [...info.stack] as State['stack'];
  return state.handle(node as never, undefined, state, { before, after, now: { line: 1, column: 1 }, lineShift: 0 });
}

function viaContainer(state: State, info: PlaceInfo, nodes: readonly InlineNode[]): string {
  state.stack = [...info.stack] as State['stack'];
  return state.containerPhrasing(
    { type: 'paragraph', children: nodes as never },
    { before: info.before, after: info.after, now: { line: 1, column: 1 }, lineShift: 0 },
  );
}

function printCode(value: string, state: State, info: PlaceInfo): string {
  if (/[`\r\n]/.test(value) || value === '') return viaState(state, info, { type: 'inlineCode', value }, '', '');
  const padded = /[^ ]/.test(value) && value.startsWith(' ') && value.endsWith(' ') ? ` ${value} ` : value;
  const code = `\`${padded}\``;
  return info.stack.includes('tableCell') ? escapeCellPipes(code) : code;
}

/** As mdast-util-gfm-table's inlineCodeWithTable: a `|` behind an even number of backslashes gets one more. */
function escapeCellPipes(code: string): string {
  let out = '';
  let start = 0;
  for (let index = code.indexOf('|'); index !== -1; index = code.indexOf('|', index + 1)) {
    let backslashes = 0;
    while (index - backslashes > start && code.charCodeAt(index - backslashes - 1) === 92) backslashes++;
    out += code.slice(start, index) + (backslashes % 2 === 0 ? '\\' : '');
    start = index;
  }
  return out + code.slice(start);
}
