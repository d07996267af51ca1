/** The nesting limit, counted on the data: the text scan in `parse.ts` only guards the parser's
 * stack, and indentation styles vary, so the real limit is checked here. */
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from './positions.js';
import type { DataPath, SourceFile } from './source-file.js';

/** Deepest data a catalog file may hold (a nested object schema takes two levels a step). */
export const MAX_DATA_DEPTH = 100;

/** The path of the first mapping or sequence nested deeper than `limit`, if any. */
export function pathDeeperThan(data: unknown, limit: number): DataPath | undefined {
  const visit = (node: unknown, path: (string | number)[]): DataPath | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (path.length >= limit) return path;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      const found = visit(value, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(data, []);
}

/** HC104 when the file's data nests deeper than MAX_DATA_DEPTH levels. */
export function checkDepth(file: SourceFile): Diagnostic[] {
  const path = pathDeeperThan(file.data, MAX_DATA_DEPTH);
  if (path === undefined) return [];
  return [diagnosticAt(file, path, 'HC104', 'error', `data nested deeper than ${MAX_DATA_DEPTH} levels`, 'flatten the structure or move parts into shared schemas')];
}
