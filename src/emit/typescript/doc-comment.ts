/**
 * JSDoc comments built from catalog text. Catalog text is hostile until proven otherwise:
 * it must not be able to close the comment, start a line outside it, or invent a tag.
 */

/** A doc comment as lines of already-escaped text (no `/**`, no leading ` * `). */
export type DocLines = readonly string[];

export interface DocTag {
  readonly name: string;
  /** Free text after the tag name; escaped like any other text. */
  readonly text: string;
}

export interface DocParts {
  /** Paragraphs (title, description...), empty ones skipped, separated by a blank line. */
  readonly paragraphs: readonly (string | undefined)[];
  readonly tags?: readonly DocTag[];
}

/** Every character sequence TypeScript treats as a line break. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
/** Control characters other than tab; they are shown as `\uXXXX` rather than written raw. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Anything the steps of `commentLines` change besides trailing blanks (most text has none). */
const NEEDS_CARE = /[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff@]|\*\//;
/** An `@` that TypeScript's JSDoc parser would read as the start of a tag. */
const TAG_START = /(^|\s)@(?=\S)/g;

/**
 * Catalog text as comment lines: `*\/` cannot close the comment, line and paragraph
 * separators become real line breaks (each gets its own ` * ` prefix), an `@` that would
 * start a tag is escaped as `\@` (which Markdown hovers render as `@`), and trailing
 * blanks and blank edges are dropped.
 */
export function commentLines(text: string): string[] {
  if (!NEEDS_CARE.test(text)) {
    const line = text.trimEnd();
    return line === '' ? [] : [line];
  }
  const lines = text
    .replace(LONE_SURROGATE, '\ufffd')
    .split(LINE_BREAK)
    .map((line) =>
      line
        .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replaceAll('*/', '*\\/')
        .replace(TAG_START, '$1\\@')
        .trimEnd(),
    );
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines of a doc comment: paragraphs separated by blank lines, then the tags. */
export function docLines(parts: DocParts): DocLines {
  const lines: string[] = [];
  for (const paragraph of parts.paragraphs) {
    const text = paragraph === undefined ? [] : commentLines(paragraph);
    if (text.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(...text);
  }
  for (const tag of parts.tags ?? []) {
    const [first = '', ...rest] = commentLines(tag.text);
    lines.push(first === '' ? `@${tag.name}` : `@${tag.name} ${first}`, ...rest);
  }
  return lines;
}

/** The comment as source lines: `/** text *\/` for one line, a ` * ` block otherwise (the
 * shape ts-morph prints for `docs`). */
export function jsDocComment(lines: DocLines): string[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`/** ${lines[0]} */`];
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'];
}
