/**
 * The text of a source document -> its value, or the one problem that stops the import. JSON is
 * read with `JSON.parse` (GitHub's 4.8 MB description in about 0.05 s, where `yaml` takes
 * seconds); anything else, and JSON that `JSON.parse` refuses, with `yaml`, whose errors carry a
 * line and column; an alias bomb is refused. The importers refuse nesting deeper than they walk
 * (`tooDeepAt`), so no source ends in a stack overflow.
 */
import { parseDocument } from 'yaml';
import { pointer, type ImportProblem } from './problems.js';

/** Deepest nesting an importer walks: four times the catalog format's own limit (64). */
export const MAX_SOURCE_DEPTH = 256;

/** yaml's own default; a bomb expands far past it. */
const MAX_ALIAS_COUNT = 100;

export type SourceDocument = { readonly document: unknown } | { readonly problem: ImportProblem };

export function parseSourceDocument(withBom: string): SourceDocument {
  const text = withBom.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) {
    try {
      return { document: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: YAML's flow style, or a syntax error that yaml places by line and column.
    }
  }
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error !== undefined) {
    const [line, col] = error.linePos === undefined ? [1, 1] : [error.linePos[0].line, error.linePos[0].col];
    return { problem: { code: 'HI100', severity: 'error', pointer: '', line, col, message: `not JSON or YAML: ${firstLine(error.message)}` } };
  }
  try {
    return { document: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    return {
      problem: {
        code: 'HI100',
        severity: 'error',
        pointer: '',
        message: `the YAML cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      },
    };
  }
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:$/, '');
}

/** The problem for a value nested deeper than MAX_SOURCE_DEPTH at `at`. */
export function tooDeep(at: string): ImportProblem {
  return { code: 'HI100', severity: 'error', pointer: at, message: `nested deeper than ${MAX_SOURCE_DEPTH} levels: nothing imported` };
}

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string;
  readonly parent: Visit | undefined;
}

/** The JSON Pointer of the first value nested deeper than MAX_SOURCE_DEPTH, or undefined. */
export function tooDeepAt(value: unknown): string | undefined {
  const stack: Visit[] = [{ value, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.depth > MAX_SOURCE_DEPTH) return pointerOf(visit);
    if (visit.value === null || typeof visit.value !== 'object') continue;
    for (const [key, child] of Object.entries(visit.value))
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: visit.depth + 1, key, parent: visit });
  }
  return undefined;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return pointer(...keys.reverse());
}
