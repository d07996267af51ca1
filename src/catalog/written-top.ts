/**
 * Where the top two levels of a catalog file start, found in the text that `yaml` wrote from
 * `data` (`hookcat import`), without parsing it: a block mapping whose keys start lines, whose
 * block collections put their entries and items two spaces in, and whose deeper text is indented
 * further. The places count only when they name the same entries and items as `data`, in the
 * same order; anything else (a flow collection, an explicit key, an entry the scan did not find)
 * gives undefined, and the file is parsed.
 */
import { type ChildrenData, type PlaceData, TopPositions } from './top-positions.js';

/** The places of the top two levels of `text`, when they agree with `data`. */
export function writtenTopPositions(text: string, data: unknown): TopPositions | undefined {
  if (!isRecord(data)) return undefined;
  const lines = contentLines(text);
  const names = Object.keys(data);
  const entries: [string, number | null, number | null, ChildrenData][] = [];
  let at = 0;
  for (const name of names) {
    const line = lines[at];
    if (line === undefined || line.indent !== 0) return undefined;
    const entry = keyAndValue(text, line, lines[at + 1]);
    if (entry === undefined || entry.name !== name) return undefined;
    at++;
    const below: Line[] = [];
    while (lines[at] !== undefined && lines[at]!.indent > 0) below.push(lines[at++]!);
    const children = childPlaces(text, data[name], below);
    if (children === false) return undefined;
    entries.push([name, entry.key, entry.value, children]);
  }
  if (at !== lines.length) return undefined;
  return TopPositions.restore({ root: lines[0]?.start ?? null, entries });
}

interface Line {
  /** Offset of its first character that is not a space. */
  readonly start: number;
  readonly indent: number;
}

interface Entry {
  readonly name: string;
  readonly key: number;
  /** Where the value starts: on the key's line, else at the next line's content. */
  readonly value: number;
}

/** Lines that hold something: not blank, not a comment that starts a line. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    let first = start;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    if (first < end && text[first] !== '#') lines.push({ start: first, indent: first - start });
    start = end + 1;
  }
  return lines;
}

/** The entries (a mapping) or items (a sequence) of a top-level value, from the lines below its
 * key; `false` when they are not what `value` holds. An empty collection is written on the key's
 * line (`[]`, `{}`), with no lines below; a full one written there has none either, and fails. */
function childPlaces(text: string, value: unknown, below: readonly Line[]): ChildrenData | false {
  if (value === null || typeof value !== 'object') return null;
  if (below.some((line) => line.indent < 2)) return false;
  const starts = below.filter((line) => line.indent === 2);
  if (Array.isArray(value)) {
    if (starts.length !== value.length) return false;
    const items: PlaceData[] = [];
    for (const line of starts) {
      if (!text.startsWith('- ', line.start)) return false;
      const item = skipSpaces(text, line.start + 2);
      if (item === lineEnd(text, item)) return false;
      items.push([null, item]);
    }
    return { items };
  }
  const names = Object.keys(value);
  if (starts.length !== names.length) return false;
  const found: [string, ...PlaceData][] = [];
  for (let i = 0; i < starts.length; i++) {
    const line = starts[i]!;
    const child = keyAndValue(text, line, below[below.indexOf(line) + 1]);
    if (child === undefined || child.name !== names[i]) return false;
    found.push([child.name, child.key, child.value]);
  }
  return { names: found };
}

/** The key that starts `line` (plain, or quoted), and where its value starts. */
function keyAndValue(text: string, line: Line, next: Line | undefined): Entry | undefined {
  const key = keyAt(text, line.start);
  if (key === undefined) return undefined;
  const after = skipSpaces(text, key.end + 1);
  if (after < lineEnd(text, after)) return { name: key.name, key: line.start, value: after };
  // A value on the next lines starts where they do (a block mapping at its first key, a block
  // sequence at its first `-`). `yaml` writes an empty value as `null`, so a key with nothing
  // deeper after it is not its writing.
  if (next === undefined || next.indent <= line.indent) return undefined;
  return { name: key.name, key: line.start, value: next.start };
}

/** A key and the offset of the `:` after it. */
function keyAt(text: string, start: number): { name: string; end: number } | undefined {
  const first = text[start];
  if (first === "'") {
    const close = singleQuoteEnd(text, start + 1);
    if (close === undefined || text[close + 1] !== ':') return undefined;
    return { name: text.slice(start + 1, close).replaceAll("''", "'"), end: close + 1 };
  }
  if (first === '"') {
    const close = doubleQuoteEnd(text, start + 1);
    if (close === undefined || text[close + 1] !== ':') return undefined;
    try {
      return { name: JSON.parse(text.slice(start, close + 1)) as string, end: close + 1 };
    } catch {
      return undefined;
    }
  }
  // A plain key: up to the `:` that ends it. What YAML would read otherwise (an explicit key, an
  // anchor, a comment) does not name the entry the data has, and fails the comparison.
  const end = lineEnd(text, start);
  for (let i = start; i < end; i++) if (text[i] === ':' && (i + 1 === end || text[i + 1] === ' ')) return { name: text.slice(start, i), end: i };
  return undefined;
}

function singleQuoteEnd(text: string, from: number): number | undefined {
  const end = lineEnd(text, from);
  for (let i = from; i < end; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") i++;
    else return i;
  }
  return undefined;
}

function doubleQuoteEnd(text: string, from: number): number | undefined {
  const end = lineEnd(text, from);
  for (let i = from; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SPACE = 0x20;
