/**
 * Writing translations back into a catalog file without touching anything else: the file is
 * parsed to yaml's concrete syntax tree (which reproduces the source byte for byte), the
 * document is composed with `keepSourceTokens` so every node knows its tokens, and only the
 * tokens of the texts written change (`CST.setScalarValue` keeps each scalar's style). The
 * result is parsed again and must hold exactly the data expected, or nothing is written.
 */
import { isDeepStrictEqual } from 'node:util';
import { Composer, CST, isMap, isScalar, Parser, parse, type Document, type Node } from 'yaml';
import type { DataPath } from './text-paths.js';

/** One translation to write: the text at `path` (a string or a locale map) gets `text` in `locale`. */
export interface TextWrite {
  readonly path: DataPath;
  readonly locale: string;
  readonly text: string;
  /** The catalog's source locale (a plain string is text in it). */
  readonly sourceLocale: string;
}

/** A write that could not be made; the file is left as it was. */
export class WriteBackError extends Error {}

type Token = CST.Token;
type Item = CST.CollectionItem;

/** How a new text is written: plain when it reads back as the same string, else double-quoted (any text can be). */
type Style = 'QUOTE_DOUBLE' | undefined;

function plainStyle(text: string): 'PLAIN' | 'QUOTE_DOUBLE' {
  try {
    return !text.includes('\n') && parse(text) === text ? 'PLAIN' : 'QUOTE_DOUBLE';
  } catch {
    return 'QUOTE_DOUBLE';
  }
}

/** The style for a scalar being replaced: its own, unless it is plain and the text cannot be, or `forced`. */
function replacementStyle(token: Token | undefined, text: string, forced: Style): 'PLAIN' | 'QUOTE_DOUBLE' | undefined {
  if (forced !== undefined) return forced;
  return token?.type === 'scalar' ? plainStyle(text) : undefined;
}

function withStyle<T extends object>(context: T, type: 'PLAIN' | 'QUOTE_DOUBLE' | undefined): T & { type?: 'PLAIN' | 'QUOTE_DOUBLE' } {
  return type === undefined ? context : { ...context, type };
}

function space(source: string, indent: number): CST.SourceToken {
  return { type: 'space', offset: 0, indent, source };
}

function scalar(source: string, indent: number): CST.FlowScalar {
  return { type: 'scalar', offset: 0, indent, source, end: [] };
}

/** A new `key: value` item with a plain key; the value is set with yaml's own scalar writer. */
function newItem(
  key: string,
  value: string,
  indent: number,
  inFlow: boolean,
  start: CST.SourceToken[],
  forced: Style,
): { start: CST.SourceToken[]; key: Token; sep: CST.SourceToken[]; value: CST.FlowScalar } {
  const keyToken = scalar('', indent);
  CST.setScalarValue(keyToken, key, { implicitKey: true, inFlow });
  const valueToken = scalar('', indent);
  CST.setScalarValue(valueToken, value, { afterKey: true, inFlow, type: forced ?? plainStyle(value) });
  return { start, key: keyToken, sep: [{ type: 'map-value-ind', offset: 0, indent, source: ':' }, space(' ', indent)], value: valueToken };
}

/** Ends a token with a newline unless it already does (a block scalar's text carries its own). */
function endsWithNewline(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token.type === 'block-scalar') return token.source.endsWith('\n');
  const end = 'end' in token ? token.end : undefined;
  return Array.isArray(end) && end.some((t) => t.type === 'newline');
}

/** Adds `locale: text` at the end of a locale map (block or flow). */
function addToMap(map: Token, locale: string, text: string, forced: Style): void {
  if (map.type === 'block-map') {
    const last = map.items[map.items.length - 1];
    if (last !== undefined && !endsWithNewline(last.value)) {
      const value = last.value;
      if (value === undefined || !CST.isScalar(value) || value.type === 'block-scalar') throw new WriteBackError('cannot add a line after this map');
      value.end = [...(value.end ?? []), { type: 'newline', offset: 0, indent: map.indent, source: '\n' }];
    }
    const item = newItem(locale, text, map.indent, false, [space(' '.repeat(map.indent), 0)], forced);
    item.value.end = [{ type: 'newline', offset: 0, indent: map.indent, source: '\n' }];
    map.items.push(item);
    return;
  }
  if (map.type === 'flow-collection' && map.start.source === '{') {
    const last = map.items[map.items.length - 1];
    const item = newItem(locale, text, map.indent, true, [{ type: 'comma', offset: 0, indent: map.indent, source: ',' }, space(' ', map.indent)], forced);
    const lastValue = last?.value as CST.FlowScalar | undefined;
    if (lastValue !== undefined && 'end' in lastValue && Array.isArray(lastValue.end)) {
      (item.value as CST.FlowScalar).end = lastValue.end;
      lastValue.end = [];
    }
    map.items.push(item);
    return;
  }
  throw new WriteBackError('the text is not a block or flow mapping');
}

/** Turns a plain-string text into `{ <source>: original, <locale>: text }`, as a flow mapping in place of the string. */
function stringToMap(document: Document, path: DataPath, write: TextWrite, original: string, forced: Style): void {
  const parent = document.getIn(path.slice(0, -1), true) as Node | undefined;
  const token = (document.getIn(path, true) as Node).srcToken;
  const parentToken = parent?.srcToken;
  const item = parentToken !== undefined && 'items' in parentToken ? (parentToken.items as Item[]).find((i) => i.value === token) : undefined;
  if (item === undefined || token === undefined) throw new WriteBackError('the text is not the value of a mapping entry');
  const indent = 'indent' in token ? token.indent : 0;
  const trailing = 'end' in token && Array.isArray(token.end) ? token.end : [];
  const first = newItem(write.sourceLocale, original, indent, true, [space(' ', indent)], forced);
  const second = newItem(write.locale, write.text, indent, true, [{ type: 'comma', offset: 0, indent, source: ',' }, space(' ', indent)], forced);
  (second.value as CST.FlowScalar).end = [space(' ', indent)];
  const end: CST.SourceToken[] = [{ type: 'flow-map-end', offset: 0, indent, source: '}' }, ...trailing];
  if (token.type === 'block-scalar' || !end.some((t) => t.type === 'newline')) end.push({ type: 'newline', offset: 0, indent, source: '\n' });
  item.value = { type: 'flow-collection', offset: 0, indent, start: { type: 'flow-map-start', offset: 0, indent, source: '{' }, items: [first, second], end };
}

function applyWrite(document: Document, write: TextWrite, forced: Style): void {
  const node = document.getIn(write.path, true) as Node | undefined;
  if (node === undefined) throw new WriteBackError('the text is no longer there');
  if (isScalar(node)) {
    if (typeof node.value !== 'string') throw new WriteBackError('the text is not a string');
    const token = node.srcToken as Token;
    if (write.locale === write.sourceLocale) CST.setScalarValue(token, write.text, withStyle({ afterKey: true }, replacementStyle(token, write.text, forced)));
    else stringToMap(document, write.path, write, node.value, forced);
    return;
  }
  if (!isMap(node) || node.srcToken === undefined) throw new WriteBackError('the text is neither a string nor a locale map');
  const current = node.get(write.locale, true);
  const flow = node.srcToken.type === 'flow-collection';
  if (isScalar(current)) {
    const token = current.srcToken as Token;
    CST.setScalarValue(token, write.text, withStyle({ afterKey: true, inFlow: flow }, replacementStyle(token, write.text, forced)));
  } else addToMap(node.srcToken, write.locale, write.text, forced);
}

/** The data of `source` with the writes applied, as plain JavaScript (what the new text must parse to). */
function expectedData(data: unknown, writes: readonly TextWrite[]): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const write of writes) {
    let parent: Record<string | number, unknown> = copy;
    for (const segment of write.path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
    const last = write.path[write.path.length - 1]!;
    const text = parent[last];
    if (typeof text === 'string') parent[last] = write.locale === write.sourceLocale ? write.text : { [write.sourceLocale]: text, [write.locale]: write.text };
    else (text as Record<string, unknown>)[write.locale] = write.text;
  }
  return copy;
}

/** One attempt: every write made in `forced` style (or each scalar's own), checked by parsing the result. */
function attempt(source: string, writes: readonly TextWrite[], forced: Style): string | undefined {
  const tokens = Array.from(new Parser().parse(source));
  const documents = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  const document = documents[0];
  if (documents.length !== 1 || document === undefined || document.errors.length > 0) throw new WriteBackError('the file is not one YAML document');
  const before = document.toJS();
  for (const write of writes) applyWrite(document, write, forced);
  const result = tokens.map((t) => CST.stringify(t)).join('');
  const again = Array.from(new Composer().compose(Array.from(new Parser().parse(result))))[0];
  if (again === undefined || again.errors.length > 0 || !isDeepStrictEqual(again.toJS(), expectedData(before, writes))) return undefined;
  return result;
}

/**
 * `source` with every write made; throws WriteBackError when one cannot be made exactly. A
 * scalar keeps its style (a folded text stays folded) unless the text cannot be written in it;
 * then every written text of the file is double-quoted, which can hold any text.
 */
export function writeTexts(source: string, writes: readonly TextWrite[]): string {
  const result = attempt(source, writes, undefined) ?? attempt(source, writes, 'QUOTE_DOUBLE');
  if (result === undefined) throw new WriteBackError('the edited file would not hold exactly the translated text');
  return result;
}
