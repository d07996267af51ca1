/**
 * Escaping catalog text for each place it lands in a markdown page. Catalog text is data:
 * whatever it holds (`|`, `<script>`, backticks, `*`, `[`, `{{`), it must come out as the
 * same characters, never as markup. Each function is made for one place, and writes what
 * remark prints for that place in the canonical form (see `canonical.ts`).
 */
import { escapeText } from './canonical.js';

/** Line and paragraph separators (and tabs) that would break a table row or a line. */
const BREAKS = /[\r\n\u2028\u2029\u0085\t\v\f]+/g;
/** Control characters that have no place in a page. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Text on one line without trimming it: controls dropped, breaks become spaces, runs of spaces one space. */
export function collapseSpaces(text: string): string {
  return text.replace(CONTROLS, '').replace(BREAKS, ' ').replace(/ {2,}/g, ' ');
}

/** One line of text: breaks become spaces, runs of spaces one space, no ends. */
export function oneLine(text: string): string {
  return collapseSpaces(text).trim();
}

/**
 * Catalog text as inline markdown (a heading, a list item, a table cell, link text): one
 * line, every character that could be read as markup escaped, `|` included.
 */
export function inlineText(text: string): string {
  return escapeText(oneLine(text));
}

/** Text made literal for markdown without trimming it (for pieces of a longer line, such as a
 * message with its values filled in). */
export function literal(text: string): string {
  return escapeText(text.replace(CONTROLS, '').replace(BREAKS, ' '));
}

/** Catalog text as block markdown: paragraphs (separated by blank lines) are kept, each
 * becomes one escaped line. */
export function paragraphText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(inlineText)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** The backtick fence remark gives a code span: the shortest run of backticks that does not
 * occur in the text on its own (mdast-util-to-markdown's inline code handler). */
function codeFence(text: string): string {
  const runs = new Set(text.match(/`+/g)?.map((run) => run.length));
  let size = 1;
  while (runs.has(size)) size++;
  return '`'.repeat(size);
}

/**
 * A code span (CommonMark 6.1) holding `text` literally, as remark prints it: padded with a
 * space when the text starts or ends with a backtick (or with a space at both ends).
 * `inTable`: a `|` is escaped even inside code in a GFM table cell (GFM 4.10).
 * Text with `{{` is not put in a code span: VitePress renders pages as Vue templates and
 * code spans are not protected from interpolation, while plain text is (see canonical.ts).
 */
export function codeSpan(text: string, inTable: boolean): string {
  const line = oneLine(text);
  if (line === '') return '';
  // In a table, `\|` is read as an escaped pipe even inside code, so a code span cannot
  // hold a backslash followed by a pipe there: such text is written as plain text.
  if (line.includes('{{') || (inTable && line.includes('\\|'))) return inlineText(line);
  const padded = /^`|`$/.test(line) || (line.startsWith(' ') && line.endsWith(' ')) ? ` ${line} ` : line;
  const fence = codeFence(line);
  return fence + (inTable ? padded.replace(/\|/g, '\\|') : padded) + fence;
}

/** A fenced code block (CommonMark 4.5) holding `text` literally, with an info string. */
export function fencedCode(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}${language}\n${body}\n${fence}`;
}

/** JSON for a code block: two-space indented; U+2028/U+2029 written as escapes (same
 * value, and no raw line separator in the page). */
export function jsonText(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
