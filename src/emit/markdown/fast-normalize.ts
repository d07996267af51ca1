/**
 * The fast path of page normalization. remark costs about 12 ms a page (micromark's tokenizer
 * and the serializer's escaping rules), which is minutes for the tens of thousands of pages
 * of a large catalog. The pages the templates write are made of a few block forms: front
 * matter, ATX headings, one-line paragraphs, GFM tables, fenced code. This reads exactly
 * those and prints them as remark does; anything else (lists, quotes, HTML, emphasis,
 * multi-line paragraphs, any doubt) returns undefined and the page goes through remark.
 *
 * It is held to remark's bytes by tests: every page of the fixture catalogs and random pages
 * go both ways (test/emit/markdown/fast-normalize.test.ts).
 */
import { parseInline, printInline, type InlineNode } from './fast-inline.js';
import type { CapturedState } from './remark-state.js';

type Align = 'left' | 'right' | 'center' | null;

/** `markdown` as remark would print it with the page settings, or undefined when unsure. */
export function fastNormalize(markdown: string, captured: CapturedState): string | undefined {
  if (markdown.includes('\r') || markdown.includes('\t')) return undefined;
  const lines = markdown.split('\n');
  const blocks: string[] = [];
  let i = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close <= 1 || lines.slice(1, close).some(isBlank)) return undefined;
    blocks.push(lines.slice(0, close + 1).join('\n'));
    i = close + 1;
  }
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const block = line.startsWith('```')
      ? fencedCode(lines, i)
      : line.startsWith('|')
        ? table(lines, i, captured)
        : line.startsWith('#')
          ? heading(lines, i, captured)
          : paragraph(lines, i, captured);
    if (block === undefined) return undefined;
    blocks.push(block.text);
    i = block.next;
  }
  return blocks.length === 0 ? undefined : `${blocks.join('\n\n')}\n`;
}

interface Block {
  readonly text: string;
  /** The index of the line after the block. */
  readonly next: number;
}

/** A fence of backticks with an optional one-word language, closed by the same fence. */
function fencedCode(lines: readonly string[], start: number): Block | undefined {
  const open = /^(`{3,})([A-Za-z0-9-]*)$/.exec(lines[start]!);
  if (open === null) return undefined;
  const [, fence, lang] = open as unknown as [string, string, string];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    // Any run of at least as many backticks alone on a line would close it.
    if (/^ {0,3}`+ *$/.test(line) && trimSpaces(line).length >= fence.length) {
      if (line !== fence) return undefined;
      const value = lines.slice(start + 1, i).join('\n');
      const sequence = '`'.repeat(Math.max(longestBacktickRun(value) + 1, 3));
      return { text: `${sequence}${lang}\n${value === '' ? '' : `${value}\n`}${sequence}`, next: i + 1 };
    }
  }
  return undefined;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** `#` to `######`, a space, and text with no closing sequence. */
function heading(lines: readonly string[], start: number, captured: CapturedState): Block | undefined {
  const match = /^(#{1,6}) (.*)$/.exec(lines[start]!);
  if (match === null) return undefined;
  const [, marks, rest] = match as unknown as [string, string, string];
  const content = trimSpaces(rest);
  if (content === '' || rest.startsWith(' ') || /(^|[ ])#+$/.test(content) || content.endsWith('\\')) return undefined;
  const nodes = parseInline(content, false);
  if (nodes === undefined) return undefined;
  const text = printInline(nodes, captured, 'heading');
  if (text === '' || /^[ \t]/.test(text)) return undefined;
  return { text: `${marks} ${text}`, next: start + 1 };
}

/** CommonMark trims spaces and tabs only (not every Unicode space, as `String.trim` does). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A blank line holds spaces and tabs at most (U+00A0 and other Unicode spaces are text). */
function isBlank(line: string): boolean {
  return trimSpaces(line) === '';
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** One line of text followed by a blank line or the end. */
function paragraph(lines: readonly string[], start: number, captured: CapturedState): Block | undefined {
  const line = lines[start]!;
  const next = lines[start + 1];
  if (next !== undefined && !isBlank(next)) return undefined;
  if (!startsParagraph(line) || line.endsWith(' ')) return undefined;
  const nodes = parseInline(line, false);
  if (nodes === undefined || nodes.length === 0) return undefined;
  return { text: printInline(nodes, captured, 'paragraph'), next: start + 1 };
}

/** A line that can only start a paragraph: no list, quote, heading, fence, HTML or definition. */
function startsParagraph(line: string): boolean {
  if (/^\d+[.)]/.test(line)) return false;
  return /^[A-Za-z0-9\\("'[\u00A1-\uFFFF]/.test(line) && !/^[\u2028\u2029\u0085\u00A0\uFEFF]/.test(line);
}

/** A GFM table: header, delimiter row, body rows with the same number of cells, then a blank line or the end. */
function table(lines: readonly string[], start: number, captured: CapturedState): Block | undefined {
  const header = cellsOf(lines[start]!);
  const delimiter = lines[start + 1] === undefined ? undefined : cellsOf(lines[start + 1]!);
  if (header === undefined || delimiter === undefined || header.length !== delimiter.length) return undefined;
  const align: Align[] = [];
  for (const cell of delimiter) {
    const match = /^(:?)-+(:?)$/.exec(cell);
    if (match === null) return undefined;
    align.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }
  const head = printRow(header, captured);
  if (head === undefined) return undefined;
  const rows: string[][] = [head];
  let i: number;
  for (i = start + 2; i < lines.length && !isBlank(lines[i]!); i++) {
    const cells = cellsOf(lines[i]!);
    if (cells === undefined || cells.length !== header.length) return undefined;
    const printed = printRow(cells, captured);
    if (printed === undefined) return undefined;
    rows.push(printed);
  }
  return { text: layoutTable(rows, align), next: i };
}

function printRow(cells: readonly string[], captured: CapturedState): string[] | undefined {
  const printed: string[] = [];
  for (const cell of cells) {
    const nodes: InlineNode[] | undefined = cell === '' ? [] : parseInline(cell, true);
    if (nodes === undefined) return undefined;
    printed.push(printInline(nodes, captured, 'cell'));
  }
  return printed;
}

/** The trimmed cells of a row `| a | b |`; a backslash keeps the `\` or `|` after it in the cell. */
function cellsOf(line: string): string[] | undefined {
  if (!line.startsWith('|') || !line.trimEnd().endsWith('|') || line.trimEnd().length < 2) return undefined;
  const cells: string[] = [];
  let cell = '';
  const body = line.trimEnd();
  for (let i = 1; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\' && (body[i + 1] === '\\' || body[i + 1] === '|')) {
      cell += char + body[i + 1];
      i++;
    } else if (char === '|') {
      cells.push(trimSpaces(cell));
      cell = '';
    } else cell += char;
  }
  // The closing pipe ends the last cell, so nothing may be left over.
  if (cell !== '') return undefined;
  return cells;
}

/**
 * The table as mdast-util-gfm-table prints it through `markdown-table` with its defaults
 * (padded cells, aligned delimiters, widths by string length), for rows of equal length.
 */
export function layoutTable(rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = align.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const delimiter = align.map((alignment, column) => {
    const before = alignment === 'left' || alignment === 'center' ? ':' : '';
    const after = alignment === 'right' || alignment === 'center' ? ':' : '';
    const cell = before + '-'.repeat(Math.max(1, widths[column]! - before.length - after.length)) + after;
    widths[column] = Math.max(widths[column]!, cell.length);
    return cell;
  });
  const line = (cells: readonly string[]): string => {
    let text = '|';
    cells.forEach((cell, column) => {
      const room = widths[column]! - cell.length;
      const alignment = align[column];
      const left = alignment === 'right' ? room : alignment === 'center' ? Math.ceil(room / 2) : 0;
      text += ` ${' '.repeat(left)}${cell}${' '.repeat(room - left)} |`;
    });
    return text;
  };
  return [line(rows[0]!), line(delimiter), ...rows.slice(1).map(line)].join('\n');
}
