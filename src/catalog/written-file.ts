/**
 * A catalog file this process has just written (`hookcat import`), taken with the data it was
 * written from instead of being parsed again. `yaml` writes data so that reading the text gives
 * it back; what the loader would read differently is looked for first (a `<<` key, which the
 * loader reads as a merge; `-0`; a lone surrogate, which UTF-8 cannot carry; a line of only
 * spaces, which `yaml` does not write back; U+FEFF; a value JSON has not), and such a file is
 * parsed, as is one whose places the scan of `written-top.ts` cannot find. The document is
 * parsed only when a diagnostic points deep.
 */
import { LineCounter } from 'yaml';
import { hasLoneSurrogate } from './checks/unicode-text.js';
import { MAX_DATA_DEPTH } from './depth.js';
import { findExcessiveNesting, parseAgain } from './parse.js';
import type { SourceFile } from './source-file.js';
import { writtenTopPositions } from './written-top.js';

/** A catalog file as written: its text, and the data `yaml` wrote it from. */
export interface WrittenCatalogFile {
  readonly text: string;
  readonly data: unknown;
}

/** Files written by this process, by absolute path. */
export type WrittenCatalogFiles = ReadonlyMap<string, WrittenCatalogFile>;

/** The `SourceFile` parsing `written.text` would give, or undefined when that is not certain. */
export function writtenSourceFile(written: WrittenCatalogFile, displayPath: string, relativePath: string): SourceFile | undefined {
  const text = written.text;
  // U+FEFF reads as a byte order mark where a line starts, which the parser drops.
  if (text.includes('\uFEFF') || findExcessiveNesting(text) !== undefined) return undefined;
  const data = plainCopy(written.data);
  if (data === undefined) return undefined;
  const top = writtenTopPositions(text, data.value);
  if (top === undefined) return undefined;
  return { displayPath, relativePath, text, data: data.value, document: parseAgain(text), lines: lineCounter(text), top };
}

/** A copy of `data` as `yaml` reads its writing back (an object written at two places is read
 * as two), or undefined when it would not read the same. */
function plainCopy(data: unknown): { value: unknown } | undefined {
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return hasLoneSurrogate(value) || hasBlankLineOfSpaces(value) ? FAILED : value;
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : FAILED;
    if (typeof value === 'boolean' || value === null) return value;
    // Deeper than the format allows (or a cycle): the parser finds and reports it.
    if (typeof value !== 'object' || depth > MAX_DATA_DEPTH) return FAILED;
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        const made = copy(item, depth + 1);
        if (made === FAILED) return FAILED;
        items.push(made);
      }
      return items;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return FAILED;
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '<<' || key === '__proto__' || hasLoneSurrogate(key)) return FAILED;
      // `yaml` leaves out an entry whose value is undefined.
      if (item === undefined) continue;
      const made = copy(item, depth + 1);
      if (made === FAILED) return FAILED;
      record[key] = made;
    }
    return record;
  };
  const value = copy(data, 0);
  return value === FAILED ? undefined : { value };
}

const FAILED = Symbol('does not read back the same');

/** Whether `text` has a line of only white space: `yaml` 2.9 writes such a text as a block
 * scalar whose blank line reads back without its spaces (`" \n"` reads as `"\n"`). */
export function hasBlankLineOfSpaces(text: string): boolean {
  return /(?:^|\n)[ \t]+(?:\n|$)/.test(text);
}

/** The line starts `yaml`'s parser records: 0, and after every line feed. */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}
