/** The nesting limit, counted on the data: the text scan in `parse.ts` only guards the parser's
 * stack, and indentation styles vary, so the real limit is checked here. */
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from './positions.js';
import type { DataPath, SourceFile } from './source-file.js';

/** Deepest data a catalog file may hold (a nested object schema takes two levels a step). */
export const MAX_DATA_DEPTH = 100;

/** The path of the first mapping or sequence nested deeper than `limit`, if any. */
export function pathDeeperThan(data: unknown, limit: number): DataPath | undefined {
  const path: (string | number)[] = [];
  const found = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (path.length >= limit) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        if (found(node[i])) return true;
        path.pop();
      }
    } else {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        path.push(key);
        if (found(record[key])) return true;
        path.pop();
      }
    }
    return false;
  };
  return found(data) ? path : undefined;
}

/** HC104 when the file's data nests deeper than MAX_DATA_DEPTH levels. */
export function checkDepth(file: SourceFile): Diagnostic[] {
  const path = pathDeeperThan(file.data, MAX_DATA_DEPTH);
  if (path === undefined) return [];
  const diagnostic = diagnosticAt(
    file,
    path,
    'HC104',
    'error',
    `data nested deeper than ${MAX_DATA_DEPTH} levels`,
    'flatten the structure or move parts into shared schemas',
  );
  return [{ ...diagnostic, data: { nesting: 'data' } }];
}
