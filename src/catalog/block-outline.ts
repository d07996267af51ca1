/**
 * Where nodes start, read from the text alone, for files read the fast way (no node tree):
 * block mappings with plain one-word keys, block sequences, and values that fit on their line.
 * It answers a position query without building `yaml`'s document; a container written in any
 * other way (quoted or multi-line keys, multi-line flow collections or quoted scalars, anchors,
 * tags, empty values) answers "not modelled", and `positions.ts` then builds the document. Its
 * answers equal the document's `range[0]`; `test/catalog/block-outline.test.ts` holds it to that.
 * Containers are read on first use, so finding `events[i]` reads little more than the list.
 */
import { resolvePlainScalar } from './fast-yaml.js';

/** A node whose start is known; mappings and sequences can be opened further. */
export type OutlineNode =
  | { readonly kind: 'map'; readonly start: number; readonly line: number; readonly indent: number; entries?: Map<string, OutlineEntry> | null }
  | { readonly kind: 'seq'; readonly start: number; readonly line: number; readonly indent: number; items?: OutlineNode[] | null }
  | { readonly kind: 'scalar' | 'flow'; readonly start: number };

/** A mapping entry: where its key starts, and its value. */
export interface OutlineEntry {
  readonly keyStart: number;
  readonly value: OutlineNode;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const PLAIN_KEY = /[A-Za-z0-9_$][\w$./-]*/y;
/** Characters that start something this outline does not model: anchors, aliases, tags, explicit keys, reserved. */
const UNMODELLED_START = new Set([0x26, 0x2a, 0x21, 0x3f, 0x25, 0x40, 0x60]);

/** A line whose content starts at a column of at most `indent` (blank lines never match). */
const siblingPatterns = new Map<number, RegExp>();

function siblingPattern(indent: number): RegExp {
  let pattern = siblingPatterns.get(indent);
  if (pattern === undefined) siblingPatterns.set(indent, (pattern = new RegExp(`\\n {0,${indent}}[^ \\n]`, 'g')));
  return pattern;
}

export class BlockOutline {
  private readonly text: string;
  /** Offset where each line starts (a file is at most 8 MiB). */
  private readonly lineStarts: Uint32Array;
  private rootNode: OutlineNode | null | undefined;

  constructor(text: string) {
    this.text = text;
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    this.lineStarts = new Uint32Array(lines);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts[line++] = i + 1;
  }

  /** The top-level mapping, or null when the file does not start as one this outline models. */
  root(): OutlineNode | null {
    if (this.rootNode === undefined) {
      const line = this.nextContentLine(-1);
      const start = line === undefined ? -1 : this.lineStarts[line]!;
      this.rootNode =
        line !== undefined && this.indentOf(line) === 0 && this.keyAt(start, this.lineEnd(line)) !== undefined ? { kind: 'map', start, line, indent: 0 } : null;
    }
    return this.rootNode;
  }

  /** The child at `segment`: its key's start (mappings) and its value; undefined when there is
   * none, null when not modelled (inside a flow collection, or a container written otherwise). */
  child(node: OutlineNode, segment: string | number): { keyStart: number | undefined; value: OutlineNode } | undefined | null {
    if (node.kind === 'map') {
      const entries = (node.entries ??= this.readMapping(node));
      if (entries === null) return null;
      return entries.get(String(segment));
    }
    if (node.kind === 'seq') {
      if (typeof segment !== 'number') return undefined;
      const items = (node.items ??= this.readSequence(node));
      if (items === null) return null;
      if (segment >= items.length) return undefined;
      return { keyStart: undefined, value: items[segment]! };
    }
    return node.kind === 'flow' ? null : undefined;
  }

  /** `{ line, col }` of an offset, 1-based, as `yaml`'s LineCounter gives it. */
  linePos(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, col: offset - this.lineStarts[line]! + 1 };
  }

  private readMapping(node: Extract<OutlineNode, { kind: 'map' }>): Map<string, OutlineEntry> | null {
    const entries = new Map<string, OutlineEntry>();
    let line: number | undefined = node.line;
    let at = node.start;
    while (line !== undefined) {
      const end = this.lineEnd(line);
      const key = this.keyAt(at, end);
      if (key === undefined || entries.has(key.name)) return null;
      const value = this.valueAfter(line, key.colon + 1, end, node.indent);
      if (value === null) return null;
      entries.set(key.name, { keyStart: at, value });
      line = this.nextSibling(line, node.indent, false);
      if (line !== undefined) at = this.lineStarts[line]! + node.indent;
    }
    return entries;
  }

  private readSequence(node: Extract<OutlineNode, { kind: 'seq' }>): OutlineNode[] | null {
    const items: OutlineNode[] = [];
    let line: number | undefined = node.line;
    let dash = node.start;
    while (line !== undefined) {
      const end = this.lineEnd(line);
      const at = this.skipSpaces(dash + 1, end);
      if (at >= end || this.text.charCodeAt(at) === HASH) return null;
      const item = this.nodeAt(line, at, end);
      if (item === null) return null;
      items.push(item);
      line = this.nextSibling(line, node.indent, true);
      if (line !== undefined) dash = this.lineStarts[line]! + node.indent;
    }
    return items;
  }

  /** The node starting at `at` on `line`: a compact list, a mapping, or a value on one line. */
  private nodeAt(line: number, at: number, end: number): OutlineNode | null {
    const column = at - this.lineStarts[line]!;
    if (this.text.charCodeAt(at) === DASH && this.endsToken(at + 1, end)) return { kind: 'seq', start: at, line, indent: column };
    if (this.keyAt(at, end) !== undefined) return { kind: 'map', start: at, line, indent: column };
    return this.leafAt(at, end);
  }

  /** The value of a mapping entry whose `:` ends before `from`: on the same line, or a block below. */
  private valueAfter(line: number, from: number, end: number, indent: number): OutlineNode | null {
    const at = this.skipSpaces(from, end);
    if (at < end && this.text.charCodeAt(at) !== HASH) {
      const c = this.text.charCodeAt(at);
      if (c === DASH && this.endsToken(at + 1, end)) return null;
      return this.leafAt(at, end);
    }
    const next = this.nextContentLine(line);
    if (next === undefined) return null;
    const column = this.indentOf(next);
    const start = this.lineStarts[next]! + column;
    const nextEnd = this.lineEnd(next);
    const isDash = this.text.charCodeAt(start) === DASH && this.endsToken(start + 1, nextEnd);
    if (column === indent && isDash) return { kind: 'seq', start, line: next, indent: column };
    if (column <= indent) return null;
    if (isDash) return { kind: 'seq', start, line: next, indent: column };
    if (this.keyAt(start, nextEnd) !== undefined) return { kind: 'map', start, line: next, indent: column };
    return null;
  }

  /** A scalar or flow collection that ends on this line, or null. */
  private leafAt(at: number, end: number): OutlineNode | null {
    const c = this.text.charCodeAt(at);
    if (UNMODELLED_START.has(c)) return null;
    if (c === 0x7c || c === 0x3e) return { kind: 'scalar', start: at }; // | > block scalar
    let close: number;
    if (c === 0x22 || c === 0x27) close = this.quoteEnd(at, end);
    else if (c === 0x5b || c === 0x7b) close = this.flowEnd(at, end);
    else close = this.plainEnd(at, end);
    if (close < 0) return null;
    const rest = this.skipSpaces(close, end);
    const kind = c === 0x5b || c === 0x7b ? 'flow' : 'scalar';
    return rest >= end || (this.text.charCodeAt(rest) === HASH && rest > close) ? { kind, start: at } : null;
  }

  /** After the closing quote, or -1 when the quoted scalar goes on to another line. */
  private quoteEnd(at: number, end: number): number {
    const quote = this.text.charCodeAt(at);
    for (let i = at + 1; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (quote === 0x22 && c === 0x5c) i++;
      else if (c === quote) {
        if (quote === 0x27 && this.text.charCodeAt(i + 1) === 0x27) i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /** After the bracket that closes the one at `at`, or -1 when it does not close on this line. */
  private flowEnd(at: number, end: number): number {
    let depth = 0;
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x22 || c === 0x27) return -1; // quotes inside flow collections: not modelled
      if (c === 0x5b || c === 0x7b) depth++;
      else if (c === 0x5d || c === 0x7d) {
        if (--depth === 0) return i + 1;
      } else if (c === HASH) return -1;
    }
    return -1;
  }

  /** Where a plain scalar ends on this line (before a comment); -1 when it holds `: ` (not a scalar). */
  private plainEnd(at: number, end: number): number {
    let last = at;
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON && this.endsToken(i + 1, end)) return -1;
      if (c !== SPACE) last = i + 1;
    }
    return last;
  }

  /** A plain one-word key at `at` followed by `:` and a space or the line end. */
  private keyAt(at: number, end: number): { name: string; colon: number } | undefined {
    PLAIN_KEY.lastIndex = at;
    const match = PLAIN_KEY.exec(this.text);
    if (match === null) return undefined;
    const colon = at + match[0].length;
    if (colon >= end || this.text.charCodeAt(colon) !== COLON || !this.endsToken(colon + 1, end)) return undefined;
    const value = resolvePlainScalar(match[0]);
    return typeof value === 'string' ? { name: match[0], colon } : undefined;
  }

  /** The next line at `indent` that continues the same mapping (or list, `dashes`); lines more
   * indented belong to the current entry; a less indented line ends the container. Jumps over
   * the more indented lines with a regular expression: entries can be long. */
  private nextSibling(line: number, indent: number, dashes: boolean): number | undefined {
    const pattern = siblingPattern(indent);
    pattern.lastIndex = this.lineEnd(line);
    for (let match = pattern.exec(this.text); match !== null; match = pattern.exec(this.text)) {
      const column = match[0].length - 2;
      const at = match.index + 1 + column;
      if (this.text.charCodeAt(at) === HASH) continue; // a comment line
      if (column < indent) return undefined;
      const next = this.lineOf(at);
      const isDash = this.text.charCodeAt(at) === DASH && this.endsToken(at + 1, this.lineEnd(next));
      if (dashes) return isDash ? next : undefined;
      if (!isDash) return next; // a list at the mapping's own indentation belongs to the entry before
    }
    return undefined;
  }

  /** The line holding an offset. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The next line after `line` that is neither blank nor a comment. */
  private nextContentLine(line: number): number | undefined {
    for (let next = line + 1; next < this.lineStarts.length; next++) {
      const start = this.lineStarts[next]!;
      const end = this.lineEnd(next);
      const at = this.skipSpaces(start, end);
      if (at < end && this.text.charCodeAt(at) !== HASH) return next;
    }
    return undefined;
  }

  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  private indentOf(line: number): number {
    const start = this.lineStarts[line]!;
    return this.skipSpaces(start, this.lineEnd(line)) - start;
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private endsToken(at: number, end: number): boolean {
    return at >= end || this.text.charCodeAt(at) === SPACE;
  }
}
