/**
 * Where the top-level entries of a file and their items start, kept from `yaml`'s document
 * when the file is parsed: enough to place every event of the model (`events[i]`) and most
 * diagnostics about a whole entry, without keeping the document of every file. A deeper path
 * is placed with the document, parsed again when first needed (see `positions.ts`).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { MAX_MERGE_DEPTH } from './positions.js';
import type { DataPath } from './source-file.js';
import { isMergeKey } from './yaml-constructs.js';

/** Where a node starts, and its key's start when it is the value of a mapping entry. */
interface Place {
  readonly key: number | undefined;
  readonly value: number | undefined;
}

interface TopEntry extends Place {
  /** The entries or items of the value, when it is a mapping or a sequence. */
  readonly children: Map<string, Place> | Place[] | undefined;
}

export class TopPositions {
  private constructor(
    private readonly root: number | undefined,
    private readonly entries: Map<string, TopEntry> | undefined,
  ) {}

  /** The places of a parsed document's top two levels. */
  static of(document: Document.Parsed): TopPositions {
    const contents = document.contents;
    const entries = isMap(contents) ? new Map<string, TopEntry>() : undefined;
    for (const [name, place, value] of childrenOf(contents, document)) {
      if (entries === undefined || entries.has(String(name))) continue;
      const nested = [...childrenOf(value, document)];
      const children = isSeq(value) ? nested.map(([, item]) => item) : isMap(value) ? firstByName(nested) : undefined;
      entries.set(String(name), { ...place, children });
    }
    return new TopPositions(rangeStart(contents), entries);
  }

  /** The places as plain data (JSON), for the cache of parsed files; `restore` reads them back. */
  toData(): TopData {
    const entries =
      this.entries === undefined ? null : [...this.entries].map(([name, entry]): EntryData => [name, ...placeData(entry), childrenData(entry.children)]);
    return { root: this.root ?? null, entries };
  }

  /** The positions `toData` gave. */
  static restore(data: TopData): TopPositions {
    const entries =
      data.entries === null
        ? undefined
        : new Map(
            data.entries.map(([name, key, value, children]): [string, TopEntry] => [name, { ...place([key, value]), children: restoreChildren(children) }]),
          );
    return new TopPositions(data.root ?? undefined, entries);
  }

  /**
   * The offset `positions.ts` gives for `path` (the node, else its nearest existing ancestor;
   * the key of the last segment when `target` is 'key'), or undefined when that takes a node
   * below the second level, or a file whose top level is not a mapping.
   */
  offset(path: DataPath, target: 'value' | 'key'): number | undefined {
    let best = this.root;
    if (this.entries === undefined) return path.length === 0 ? best : undefined;
    // As the walk over the document does it: the key when the segment is the last one's name.
    const last = path[path.length - 1];
    const at = (place: Place, segment: string | number): number | undefined =>
      (target === 'key' && segment === last ? place.key : undefined) ?? place.value ?? place.key ?? best;
    const [first, second] = path;
    if (first === undefined) return best;
    const entry = this.entries.get(String(first));
    if (entry === undefined) return best;
    best = at(entry, first);
    if (path.length === 1) return best;
    const children = entry.children;
    if (children === undefined) return best;
    const child = Array.isArray(children) ? (typeof second === 'number' ? children[second] : undefined) : children.get(String(second));
    if (child === undefined) return best;
    return path.length === 2 ? at(child, second as string | number) : undefined;
  }
}

export type PlaceData = [key: number | null, value: number | null];
type EntryData = [name: string, key: number | null, value: number | null, children: ChildrenData];
export type ChildrenData = null | { readonly items: readonly PlaceData[] } | { readonly names: readonly [string, ...PlaceData][] };

/** `TopPositions` as plain data. */
export interface TopData {
  readonly root: number | null;
  readonly entries: readonly EntryData[] | null;
}

const placeData = (p: Place): PlaceData => [p.key ?? null, p.value ?? null];
const place = ([key, value]: PlaceData): Place => ({ key: key ?? undefined, value: value ?? undefined });

function childrenData(children: TopEntry['children']): ChildrenData {
  if (children === undefined) return null;
  if (Array.isArray(children)) return { items: children.map(placeData) };
  return { names: [...children].map(([name, p]): [string, ...PlaceData] => [name, ...placeData(p)]) };
}

function restoreChildren(data: ChildrenData): TopEntry['children'] {
  if (data === null) return undefined;
  if ('items' in data) return data.items.map(place);
  return new Map(data.names.map(([name, key, value]) => [name, place([key, value])]));
}

/** Names (or indexes) and places of the entries of a mapping or the items of a sequence. The
 * entries a mapping merges (`<<: *base`) come after those written in it, from where the anchor
 * wrote them, in the order `positions.ts` looks for a name. */
function* childrenOf(node: unknown, document: Document.Parsed, depth = 0): Generator<[string | number, Place, unknown]> {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && !isMergeKey(pair.key)) {
        yield [String(pair.key.value), { key: rangeStart(pair.key), value: rangeStart(pair.value) }, pair.value];
      }
    }
    if (depth >= MAX_MERGE_DEPTH) return;
    const resolve = (value: unknown): unknown => (isAlias(value) ? value.resolve(document) : value);
    for (const pair of node.items) {
      if (!isPair(pair) || !isMergeKey(pair.key)) continue;
      const value = resolve(pair.value);
      for (const source of isSeq(value) ? value.items.map(resolve) : [value]) {
        if (isMap(source)) yield* childrenOf(source, document, depth + 1);
      }
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) yield [i, { key: undefined, value: rangeStart(node.items[i]) }, node.items[i]];
  }
}

/** A mapping's entries by name, the first of each name (as a lookup of the document finds it). */
function firstByName(entries: readonly [string | number, Place, unknown][]): Map<string, Place> {
  const byName = new Map<string, Place>();
  for (const [name, place] of entries) if (!byName.has(String(name))) byName.set(String(name), place);
  return byName;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
