/** Turns a data path into a `line:col` in the YAML source, so any check can point at a node:
 * from the places of the top two levels kept at parse time when they tell (cheap), else from
 * `yaml`'s document. */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity } from '../diagnostics.js';
import type { DataPath, SourceFile } from './source-file.js';
import { isMergeKey } from './yaml-constructs.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Which part of a mapping entry to point at: its value (default) or its key. */
export type Target = 'value' | 'key';

/** The position of the node at `path`, or of its nearest existing ancestor. */
export function positionOf(file: SourceFile, path: DataPath, target: Target = 'value'): Position {
  const best = file.top?.offset(path, target) ?? offsetInDocument(file, path, target);
  if (best === undefined) return { line: 1, column: 1 };
  const { line, col } = file.lines.linePos(best);
  return { line, column: col };
}

/** The same walk over the file's document. */
export function offsetInDocument(file: SourceFile, path: DataPath, target: Target): number | undefined {
  return offsetInParsed(file.document(), path, target);
}

/** Where the node at `path` of `document` starts (or its nearest existing ancestor), following
 * merge keys to where an anchor wrote a merged entry. */
export function offsetInParsed(document: Document.Parsed | undefined, path: DataPath, target: Target = 'value'): number | undefined {
  const contents = document?.contents;
  let node: unknown = contents;
  let best = rangeStart(contents);
  for (const segment of path) {
    const next = child(node, segment, document);
    if (next === undefined) break;
    node = next.value;
    best = (target === 'key' && segment === path[path.length - 1] ? rangeStart(next.key) : undefined) ?? rangeStart(next.value) ?? rangeStart(next.key) ?? best;
  }
  return best;
}

/** Merges followed to find a key: more would be an alias bomb, which the parser refused. */
export const MAX_MERGE_DEPTH = 16;

function child(node: unknown, segment: string | number, document: Document.Parsed | undefined, depth = 0): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && !isMergeKey(pair.key) && keyText(pair.key) === String(segment)) return { key: pair.key, value: pair.value };
    }
    // An entry that came from a merge (`<<: *base`) is placed where its anchor wrote it.
    if (document === undefined || depth >= MAX_MERGE_DEPTH) return undefined;
    for (const pair of node.items) {
      if (!isPair(pair) || !isMergeKey(pair.key)) continue;
      const resolve = (value: unknown): unknown => (isAlias(value) ? value.resolve(document) : value);
      const value = resolve(pair.value);
      for (const source of isSeq(value) ? value.items.map(resolve) : [value]) {
        const found = child(source, segment, document, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** Builds a diagnostic at a node of a file. */
export function diagnosticAt(
  file: SourceFile,
  path: DataPath,
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  hint: string,
  target: Target = 'value',
): Diagnostic {
  const { line, column } = positionOf(file, path, target);
  return { code, severity, file: file.displayPath, line, column, message, hint };
}
