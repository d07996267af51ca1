/**
 * The text of a source document -> its value, or the one problem that stops the import. JSON is
 * read with `JSON.parse` (GitHub's 4.8 MB description in about 0.05 s, where `yaml` takes
 * seconds); anything else, and JSON that `JSON.parse` refuses, with `yaml`, whose errors carry a
 * line and column; an alias bomb is refused. The importers refuse nesting deeper than they walk
 * (`sourcePastLimit`), so no source ends in a stack overflow.
 */
import { LineCounter, parseDocument } from 'yaml';
import { withoutByteOrderMark } from '../byte-order-mark.js';
import { aliasPastLimit, MAX_ALIAS_COUNT, MAX_ALIAS_EXPANSION } from '../catalog/yaml-aliases.js';
import { pointer, type ImportProblem } from './problems.js';

/** Deepest nesting an importer walks: four times the catalog format's own limit (64). */
export const MAX_SOURCE_DEPTH = 256;

export type SourceDocument = { readonly document: unknown } | { readonly problem: ImportProblem };

export function parseSourceDocument(withBom: string): SourceDocument {
  const text = withoutByteOrderMark(withBom);
  if (/^\s*[{[]/.test(text)) {
    try {
      return { document: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: YAML's flow style, or a syntax error that yaml places by line and column.
    }
  }
  const lines = new LineCounter();
  // `merge`: a `<<` key merges the mapping it names (YAML 1.1), as Redocly and the catalog loader read it.
  const doc = parseDocument(text, { lineCounter: lines, merge: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const [line, col] = error.linePos === undefined ? [1, 1] : [error.linePos[0].line, error.linePos[0].col];
    return { problem: { code: 'HI100', severity: 'error', pointer: '', line, col, message: `not JSON or YAML: ${firstLine(error.message)}` } };
  }
  const past = aliasPastLimit(doc, text);
  if (past !== undefined) {
    const message = `YAML aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} nodes: nothing imported`;
    return { problem: { code: 'HI100', severity: 'error', pointer: '', ...lines.linePos(past.range?.[0] ?? 0), message } };
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

/** Why a source is too big for an importer to walk. */
export type SourcePastLimit = { readonly kind: 'nesting'; readonly pointer: string } | { readonly kind: 'values' };

/** The problem `sourcePastLimit` found. */
export function pastLimitProblem(limit: SourcePastLimit): ImportProblem {
  return { code: 'HI100', severity: 'error', pointer: pastLimitPointer(limit), message: `${pastLimitWords(limit)}: nothing imported` };
}

/** Where in the source `limit` was found: a JSON Pointer, empty for the whole document. */
export function pastLimitPointer(limit: SourcePastLimit): string {
  return limit.kind === 'nesting' ? limit.pointer : '';
}

/** What `sourcePastLimit` found, in words. */
export function pastLimitWords(limit: SourcePastLimit): string {
  return limit.kind === 'values'
    ? `more than ${MAX_SOURCE_VALUES.toLocaleString('en')} values (YAML aliases used over and over?)`
    : `nested deeper than ${MAX_SOURCE_DEPTH} levels`;
}

/** The most values an importer walks. YAML aliases can repeat one node without limit (yaml's
 * `maxAliasCount` counts aliases inside the node, not uses of it), and every importer walks each
 * use; GitHub's description holds about 0.3 million. */
export const MAX_SOURCE_VALUES = 5_000_000;

/** Why the document is too big to walk, or undefined. One pass without recursion over every use
 * of every value, stopped at MAX_SOURCE_VALUES, and a second one, at most MAX_SOURCE_DEPTH deep,
 * to name the place of a value nested too deep. */
export function sourcePastLimit(value: unknown): SourcePastLimit | undefined {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  for (let walked = 0; values.length > 0; walked++) {
    if (walked > MAX_SOURCE_VALUES) return { kind: 'values' };
    const node = values.pop();
    const depth = depths.pop()!;
    if (depth > MAX_SOURCE_DEPTH) return { kind: 'nesting', pointer: pointer(...pathPastLimit(value, 0)!) };
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
