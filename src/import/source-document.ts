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

/** The JSON Pointer of the first value nested deeper than MAX_SOURCE_DEPTH, or undefined. One
 * pass without recursion over every value (GitHub's description: about 0.1 s), and a second one,
 * at most MAX_SOURCE_DEPTH deep, to name the place when there is one. */
export function tooDeepAt(value: unknown): string | undefined {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const node = values.pop();
    const depth = depths.pop()!;
    if (depth > MAX_SOURCE_DEPTH) return pointer(...pathPastLimit(value, 0)!);
    for (const child of childrenOf(node))
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
  }
  return undefined;
}

function childrenOf(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  return node !== null && typeof node === 'object' ? Object.values(node) : [];
}

/** The keys down to a value past the limit, depth first. */
function pathPastLimit(node: unknown, depth: number): string[] | undefined {
  if (depth > MAX_SOURCE_DEPTH) return [];
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const below = pathPastLimit(child, depth + 1);
    if (below !== undefined) return [key, ...below];
  }
  return undefined;
}
