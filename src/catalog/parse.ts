/**
 * Text -> plain data with `yaml` (YAML 1.2 core schema, strict, unique keys), with bounded work
 * on hostile input: nesting is measured on the text before the parser sees it, alias expansion
 * is bounded (merge keys included), and every problem is a diagnostic at its position. A file that parses cleanly
 * keeps its data, its line starts and where its top-level entries start (`top-positions.ts`),
 * not the document, which is parsed again only when a diagnostic points deeper.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { findDuplicateKeys } from './duplicate-keys.js';
import type { SourceFile } from './source-file.js';
import { type TopData, TopPositions } from './top-positions.js';
import { aliasPastLimit, MAX_ALIAS_COUNT, MAX_ALIAS_EXPANSION } from './yaml-aliases.js';
import { withoutByteOrderMark } from '../byte-order-mark.js';
import { findUnusableConstructs } from './yaml-constructs.js';

/** Deepest nesting of mappings and sequences a catalog may use. */
export const MAX_DEPTH = 64;

export interface ParseResult {
  readonly file: SourceFile;
  readonly diagnostics: Diagnostic[];
}

/** `uniqueKeys` is off: `findDuplicateKeys` does that check in linear time. `merge`: a `<<` key
 * merges the mapping (or the list of mappings) it names, as YAML 1.1 defines, so anchors can share
 * parts of events; each merge of an alias counts against MAX_ALIAS_COUNT like any alias. */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: true } as const;

/** Parses one catalog file. Never throws: every problem becomes a diagnostic. */
export function parseCatalogFile(text: string, displayPath: string, relativePath: string): ParseResult {
  const source = withoutByteOrderMark(text);
  const depthProblem = findExcessiveNesting(source);
  if (depthProblem !== undefined) {
    const lines = new LineCounter();
    lines.addNewLine(0);
    return {
      file: { displayPath, relativePath, text: source, data: undefined, document: () => undefined, lines, top: undefined },
      diagnostics: [nestingDiagnostic(source, depthProblem, displayPath)],
    };
  }
  return parseYaml(source, displayPath, relativePath);
}

function parseDocuments(source: string, lineCounter: LineCounter): Document.Parsed[] {
  const documents = parseAllDocuments(source, { lineCounter, ...YAML_OPTIONS }) as Document.Parsed[];
  return Array.isArray(documents) ? documents : [];
}

/** The document of a text that parsed cleanly before, parsed again. */
export function parseAgain(source: string): () => Document.Parsed | undefined {
  let made: { document: Document.Parsed | undefined } | undefined;
  return () => (made ??= { document: parseDocuments(source, new LineCounter())[0] }).document;
}

function parseYaml(source: string, displayPath: string, relativePath: string): ParseResult {
  const lines = new LineCounter();
  const withDocument = (document: Document.Parsed | undefined): SourceFile => ({
    displayPath,
    relativePath,
    text: source,
    data: undefined,
    document: () => document,
    lines,
    top: undefined,
  });
  const at = (code: DiagnosticCode, offset: number, message: string, hint: string): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    return { code, severity: 'error', file: displayPath, line, column: col, message, hint };
  };
  let documents: Document.Parsed[];
  try {
    documents = parseDocuments(source, lines);
  } catch (error) {
    return { file: withDocument(undefined), diagnostics: [at('HC101', 0, `the YAML parser failed: ${String(error)}`, 'fix the YAML syntax')] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      diagnostics.push(at('HC101', error.pos[0], `YAML syntax error: ${firstLine(error.message)}`, 'fix the YAML syntax at this position'));
    }
  }
  for (const document of documents) {
    for (const offset of findDuplicateKeys(document).offsets) {
      diagnostics.push(at('HC102', offset, 'this key appears twice in the same mapping', 'remove or rename one of the two entries'));
    }
  }
  if (documents.length > 1) {
    const second = documents[1]?.range[0] ?? 0;
    diagnostics.push(at('HC101', second, 'a catalog file holds one YAML document, this file has several', 'split the documents into separate files'));
  }
  const document = documents[0];
  if (diagnostics.length > 0 || document === undefined) {
    return { file: withDocument(document), diagnostics };
  }
  const constructs = findUnusableConstructs(document);
  if (constructs.length > 0) {
    return { file: withDocument(document), diagnostics: constructs.map((c) => at('HC106', c.offset, c.message, c.hint)) };
  }
  const past = aliasPastLimit(document, source);
  if (past !== undefined) {
    const message = `YAML aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} nodes in all`;
    return {
      file: withDocument(document),
      diagnostics: [at('HC103', past.range?.[0] ?? 0, message, 'write the repeated data out, or use a shared schema with $ref')],
    };
  }
  try {
    const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return {
      file: { displayPath, relativePath, text: source, data, document: parseAgain(source), lines, top: TopPositions.of(document) },
      diagnostics,
    };
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const aliases = /alias/i.test(message);
    return {
      file: withDocument(document),
      diagnostics: [
        at(
          aliases ? 'HC103' : 'HC106',
          0,
          aliases
            ? `YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} expansions allowed)`
            : `YAML could not be converted: ${firstLine(message)}`,
          aliases ? 'write the repeated data out, or use a shared schema with $ref' : 'use plain mappings, sequences and scalars',
        ),
      ],
    };
  }
}

/** What is kept of a file that parsed cleanly, as plain data, for the cache of parsed files. */
interface ParsedRecord {
  readonly data: unknown;
  readonly lineStarts: readonly number[];
  readonly top: TopData;
}

/**
 * A cleanly parsed `file` as JSON text, to be made a `SourceFile` again by `restoreParsedFile`;
 * undefined when JSON would not give its data back the same (a number JSON cannot spell, such
 * as NaN or -0, or one object at two places, which a YAML alias makes).
 */
export function parsedFileRecord(file: SourceFile): string | undefined {
  if (file.top === undefined || !roundTrips(file.data)) return undefined;
  const record: ParsedRecord = { data: file.data, lineStarts: file.lines.lineStarts, top: file.top.toData() };
  return JSON.stringify(record);
}

/** The `SourceFile` `parseCatalogFile` gave for `text`, from its record; undefined when the
 * record is not one `parsedFileRecord` wrote (a damaged cache: the file is parsed instead). */
export function restoreParsedFile(record: string, text: string, displayPath: string, relativePath: string): SourceFile | undefined {
  try {
    const { data, lineStarts, top } = JSON.parse(record) as ParsedRecord;
    const source = withoutByteOrderMark(text);
    const lines = new LineCounter();
    for (const start of lineStarts) {
      if (typeof start !== 'number') return undefined;
      lines.addNewLine(start);
    }
    return { displayPath, relativePath, text: source, data, document: parseAgain(source), lines, top: TopPositions.restore(top) };
  } catch {
    return undefined;
  }
}

function roundTrips(data: unknown): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
    } else if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return false;
      seen.add(value);
      const prototype = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return false;
      for (const item of Object.values(value)) pending.push(item);
    } else if (typeof value !== 'string' && typeof value !== 'boolean' && value !== null) {
      return false;
    }
  }
  return true;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Finds the offset where flow or block nesting exceeds MAX_DEPTH, before the recursive
 * composer could exhaust the stack. A cheap over-approximation: brackets and indentation.
 * Jumps from one character that matters to the next (quotes, `#`, brackets, line ends).
 * Exported for the test that holds it to the character-by-character scan. */
export function findExcessiveNesting(text: string): number | undefined {
  // Global expressions keep their position between calls: each call has its own.
  const significant = new RegExp(SIGNIFICANT, 'g');
  const doubleQuotedEnd = new RegExp(DOUBLE_QUOTED_END, 'g');
  const singleQuotedEnd = new RegExp(SINGLE_QUOTED_END, 'g');
  let depth = 0;
  let i = 0;
  for (;;) {
    significant.lastIndex = i;
    if (significant.exec(text) === null) break;
    i = significant.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === HASH) {
      // The comment, up to its line end, which is looked at next: the line after may nest deeper.
      const newline = text.indexOf('\n', i);
      if (newline === -1) break;
      i = newline;
      continue;
    }
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (i === 0 || opensQuote(text, i - 1)) {
        // The quoted text, up to the closing quote (included) or the line end, which is looked
        // at next: what looks like a quote may be part of a plain scalar (`a 'b:`).
        const close = c === DOUBLE_QUOTE ? doubleQuotedEnd : singleQuotedEnd;
        close.lastIndex = i + 1;
        if (close.exec(text) === null) break;
        i = text.charCodeAt(close.lastIndex - 1) === NEWLINE ? close.lastIndex - 1 : close.lastIndex;
        continue;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === NEWLINE && blockDepth(text, i + 1) > 4 * MAX_DEPTH) return i + 1;
    i++;
  }
  return blockDepth(text, 0) > 4 * MAX_DEPTH ? 0 : undefined;
}

/** The characters `findExcessiveNesting` looks at, and the ends of quoted text. A line can nest
 * deeper than the limit only when its first 4 * MAX_DEPTH + 1 characters are all spaces or
 * compact indicators, so only such line ends are looked at. */
const SIGNIFICANT = `["'#[\\]{}]|\\n(?=[ ?:-]{${4 * MAX_DEPTH + 1}})`;
const DOUBLE_QUOTED_END = '["\\n]';
const SINGLE_QUOTED_END = "['\\n]";

const NEWLINE = 0x0a;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** Whether the character at `at` may come right before a quoted scalar: white space, `,`, `[`, `{` or `:`. */
function opensQuote(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x20 || c === NEWLINE || c === 0x2c || c === 0x5b || c === 0x7b || c === 0x3a || (c >= 0x09 && c <= 0x0d)) return true;
  return c > 0x7f && /\s/.test(text[at]!);
}

/** Block nesting of the line at `start`, in columns: where its content starts after the
 * indentation and any compact indicators (`- - - x` nests three sequences on one line). Two
 * columns a level is the common case; 4 * MAX_DEPTH leaves room for any style. */
function blockDepth(text: string, start: number): number {
  let j = start;
  while (text[j] === ' ') j++;
  while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && text[j + 1] === ' ') {
    j += 2;
    while (text[j] === ' ') j++;
  }
  return j - start;
}

function nestingDiagnostic(text: string, offset: number, displayPath: string): Diagnostic {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return {
    code: 'HC104',
    severity: 'error',
    file: displayPath,
    line,
    column,
    message: `nesting deeper than ${MAX_DEPTH} levels`,
    hint: 'flatten the structure or move parts into shared schemas',
    data: { nesting: 'text' },
  };
}
