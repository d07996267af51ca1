/** Text -> YAML document with positions -> plain data, with bounded work on hostile input. */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import type { SourceFile } from './source-file.js';
import { findUnusableConstructs } from './yaml-constructs.js';

/** Alias expansions allowed per file: enough for real anchors, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of mappings and sequences a catalog may use. */
export const MAX_DEPTH = 64;

export interface ParseResult {
  readonly file: SourceFile;
  readonly diagnostics: Diagnostic[];
}

/** Parses one catalog file. Never throws: every problem becomes a diagnostic. */
export function parseCatalogFile(text: string, displayPath: string, relativePath: string): ParseResult {
  const lineCounter = new LineCounter();
  const empty: SourceFile = { displayPath, relativePath, document: undefined, lineCounter, data: undefined };
  const at = (code: DiagnosticCode, offset: number, message: string, hint: string): Diagnostic => {
    const { line, col } = lineCounter.linePos(offset);
    return { code, severity: 'error', file: displayPath, line, column: col, message, hint };
  };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const depthProblem = findExcessiveNesting(source);
  if (depthProblem !== undefined) {
    lineCounter.addNewLine(0);
    const diagnostic = nestingDiagnostic(source, depthProblem, displayPath);
    return { file: empty, diagnostics: [diagnostic] };
  }
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document.Parsed[];
  } catch (error) {
    return { file: empty, diagnostics: [at('HC101', 0, `the YAML parser failed: ${String(error)}`, 'fix the YAML syntax')] };
  }
  if (!Array.isArray(documents)) documents = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      diagnostics.push(
        at(
          duplicate ? 'HC102' : 'HC101',
          error.pos[0],
          duplicate ? 'this key appears twice in the same mapping' : `YAML syntax error: ${firstLine(error.message)}`,
          duplicate ? 'remove or rename one of the two entries' : 'fix the YAML syntax at this position',
        ),
      );
    }
  }
  if (documents.length > 1) {
    const second = documents[1]?.range[0] ?? 0;
    diagnostics.push(at('HC101', second, 'a catalog file holds one YAML document, this file has several', 'split the documents into separate files'));
  }
  const document = documents[0];
  if (diagnostics.length > 0 || document === undefined) {
    return { file: { ...empty, document }, diagnostics };
  }
  const constructs = findUnusableConstructs(document);
  if (constructs.length > 0) {
    return { file: { ...empty, document }, diagnostics: constructs.map((c) => at('HC106', c.offset, c.message, c.hint)) };
  }
  try {
    const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { file: { displayPath, relativePath, document, lineCounter, data }, diagnostics };
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const aliases = /alias/i.test(message);
    return {
      file: { ...empty, document },
      diagnostics: [
        at(
          aliases ? 'HC103' : 'HC106',
          0,
          aliases ? `YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} expansions allowed)` : `YAML could not be converted: ${firstLine(message)}`,
          aliases ? 'write the repeated data out, or use a shared schema with $ref' : 'use plain mappings, sequences and scalars',
        ),
      ],
    };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Finds the offset where flow or block nesting exceeds MAX_DEPTH, before the recursive
 * composer could exhaust the stack. A cheap over-approximation: brackets and indentation. */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\n') quote = undefined;
      continue;
    }
    if (c === '#' ) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || /[\s,[{:]/.test(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n' && blockDepth(text, i + 1) > 4 * MAX_DEPTH) return i + 1;
  }
  return blockDepth(text, 0) > 4 * MAX_DEPTH ? 0 : undefined;
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
  };
}
