/**
 * The canonical form of our pages: what remark (remark-parse, remark-gfm, remark-frontmatter)
 * prints with `CANONICAL_STRINGIFY` and `CANONICAL_GFM`. The page templates and the escapers
 * in `escape.ts` write exactly that form, so a page is never parsed again after it is rendered
 * (tests hold every page to remark's bytes); only pages from templates a user overrides go
 * through remark (see `normalize.ts`).
 *
 * Text is printed by `escapeText`, the one text handler of the printer: a function of the text
 * alone, never of what stands around it, so the text of a template (` › `, ` (`) and the text
 * from a catalog can be escaped apart and joined. Every ASCII punctuation character that can
 * start markup somewhere (in CommonMark, GFM, VitePress's markdown-it or Vue) is escaped
 * wherever it is; the few that matter only in one position are escaped in every such position.
 *
 * Only types are imported here: the pipeline writes pages without loading remark.
 */
import type { Options as StringifyOptions } from 'mdast-util-to-markdown';

/** Escaped with a backslash wherever they are: each can start markup in some position. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#', '@', '+', '=', '!']);

/** Letters and digits (of any script): a character next to one is inside a word. */
const WORD = /[\p{L}\p{N}]/u;

function inWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** `.` or `)` after digits that start a word could end a list marker (`1.`, `2)`) at a line start. */
function endsListNumber(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && /[0-9]/.test(text[start - 1]!)) start--;
  return start < index && !inWord(text[start - 1]) && !inWord(text[index + 1]);
}

/** U+2060 WORD JOINER: invisible, and it breaks the patterns of GFM literal links, which GFM
 * finds in the text after escapes are read (`www.`, `https://`, `a@b.co`), so no escape helps. */
export const LINK_BREAK = '\u2060';

/** How one character of `text` is printed. Looks only at its neighbours inside `text`, and
 * treats the start and the end of `text` like a space or punctuation next to it. */
function printed(text: string, index: number): string {
  const char = text[index]!;
  const next = text[index + 1];
  const previous = text[index - 1];
  if (char === '@') return /[\w-]/.test(next ?? '') ? `\\@${LINK_BREAK}` : '\\@';
  if (ALWAYS.has(char)) return `\\${char}`;
  // `{` starts Vue interpolation (`{{`) and markdown-it-attrs (`{.class}`) on the docs site; a
  // character reference reaches the browser as written (VitePress keeps entities).
  if (char === '{') return '&#x7B;';
  // A dash that is no part of a word could start a list, a thematic break or a setext underline.
  if (char === '-') return inWord(previous) || inWord(next) ? char : '\\-';
  if ((char === '.' || char === ')') && endsListNumber(text, index)) return `\\${char}`;
  // Literal links: `www.` and `scheme://` (GFM, markdown-it's linkify), `//` (linkify).
  if (char === '.' && /www$/i.test(text.slice(Math.max(0, index - 3), index))) return `${LINK_BREAK}.`;
  if (char === ':' && next === '/' && text[index + 2] === '/' && previous !== LINK_BREAK) return `${LINK_BREAK}:`;
  if (char === '/' && next === '/') return '\\/';
  // `:::` opens a VitePress container.
  if (char === ':' && (next === ':' || (next === LINK_BREAK && text[index + 2] === ':')) && !inWord(previous)) return '\\:';
  // Spaces and tabs next to a line break would be taken as indentation or a hard break.
  if ((char === ' ' || char === '\t') && (previous === '\n' || next === '\n' || next === '\r')) return char === ' ' ? '&#x20;' : '&#x9;';
  return char;
}

/**
 * Text as it stands in the canonical page: every character that could be read as markup is
 * escaped, the rest is written as it is. Parsed back, it is the same text, in any phrasing
 * position (paragraph, heading, table cell, link text, emphasis).
 */
export function escapeText(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) out += printed(text, index);
  return out;
}

/** remark-gfm's options for the canonical form: tables without column padding. */
export const CANONICAL_GFM = { tablePipeAlign: false } as const;

/** remark-stringify's options for the canonical form. */
export const CANONICAL_STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  handlers: { text: (node) => escapeText(node.value) },
};
