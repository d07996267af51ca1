/** YAML features a catalog cannot use, found before conversion would silently change the data. */
import { isAlias, isCollection, isMap, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';
import { walkYaml } from './yaml-walk.js';

/** Tags of the YAML core schema; `!` is the non-specific tag (a plain string). */
const CORE_TAGS: ReadonlySet<string> = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`)]);

export interface UnusableConstruct {
  /** Offset of the offending node in the file's text. */
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

/**
 * Custom or non-core tags (`!foo`, `!!binary`, `!!set`), values that do not fit their core tag
 * (`!!int abc`), scalars that are not JSON values (YAML 1.1 timestamps, `.inf`, `.nan`) and keys that are
 * mappings or lists: JSON has no form for them, or conversion would silently change the data.
 * Keys that are not text (`1:`, `true:`, `null:`) would become names that can collide (`1` and
 * `"1"`, `null` and `""`), and an alias inside the node it names would make endless data.
 * Walks the node tree without expanding aliases, so it is cheap even on an alias bomb.
 */
export function findUnusableConstructs(document: Document.Parsed): UnusableConstruct[] {
  const found: UnusableConstruct[] = [];
  // Anchors by name as the walk meets them, in document order: an alias names the last anchor
  // before it, which the walk has always met already (`Alias.resolve` would walk the document
  // again for every alias).
  const anchors = new Map<string, Node>();
  const resolve = (node: unknown): unknown => (isAlias(node) ? anchors.get(node.source) : node);
  walkYaml(document.contents, {
    pair(pair) {
      if (isMergeKey(pair.key)) {
        const value = pair.value as Node | null;
        if (!isMergeSource(resolve, value)) {
          found.push({
            offset: value?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0,
            message: 'a merge key `<<` takes a mapping, an alias of one, or a list of them',
            hint: 'merge a mapping (`<<: *base`), or write the entries out',
          });
        }
      } else if (isCollection(pair.key)) {
        found.push({
          offset: pair.key.range?.[0] ?? 0,
          message: 'a key that is a mapping or a list cannot be used in a catalog',
          hint: 'use a plain text key',
        });
      } else if (isScalar(pair.key) && typeof pair.key.value !== 'string') {
        const kind = pair.key.value === null ? 'null' : typeof pair.key.value === 'boolean' ? 'true or false' : 'a number';
        found.push({
          offset: pair.key.range?.[0] ?? 0,
          message: `this key is ${kind}, not text`,
          hint: `quote it: '${pair.key.source ?? String(pair.key.value)}'`,
        });
      }
    },
    node(node) {
      if (isAlias(node)) aliasProblem(node);
      else nodeProblem(node);
    },
  });
  function aliasProblem(alias: Alias): void {
    const target = resolve(alias) as Node | undefined;
    if (target === undefined) {
      // `toJS` would throw, and its message would read like the alias bomb's.
      found.push({
        offset: alias.range?.[0] ?? 0,
        message: `the alias \`*${alias.source}\` names no anchor written before it`,
        hint: `write the anchor (\`&${alias.source}\`) before the alias, or write the data out`,
      });
    } else if (target.range && alias.range && target.range[0] <= alias.range[0] && alias.range[0] < target.range[2]) {
      found.push({
        offset: alias.range[0],
        message: `the alias \`*${alias.source}\` is inside the node it refers to, which makes endless data`,
        hint: 'write the data out instead of referring to its own anchor',
      });
    }
  }
  function nodeProblem(node: Node): void {
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    if (isMergeKey(node)) return;
    const tag = 'tag' in node ? node.tag : undefined;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      found.push({
        offset: node.range?.[0] ?? 0,
        message: `the YAML tag \`${shortTag(tag)}\` cannot be used in a catalog`,
        hint: 'remove the tag and write plain text, numbers, lists or mappings',
      });
    } else if (tag !== undefined && !fitsTag(tag, isScalar(node) ? node.value : node)) {
      found.push({ offset: node.range?.[0] ?? 0, message: `this value is not a valid \`${shortTag(tag)}\``, hint: 'fix the value or remove the tag' });
    } else if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
      found.push({
        offset: node.range?.[0] ?? 0,
        message: `\`${node.source}\` ${nonFiniteReading(node.value, node.source)}, which JSON cannot hold (it would be written as null)`,
        hint: 'write a finite number, leave the entry out, or quote it to make it text',
      });
    } else if (isScalar(node) && !isJsonScalar(node.value)) {
      found.push({ offset: node.range?.[0] ?? 0, message: 'this value has no JSON form (a date or binary data)', hint: 'quote it to make it text' });
    }
  }
  return found;
}

/** A `<<` key the parser read as a merge (a plain `<<` with `merge: true`; a quoted one is text). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** What a merge may take: a mapping, an alias of one, or a list of those (or an alias of the list). */
function isMergeSource(resolve: (node: unknown) => unknown, value: Node | null): boolean {
  const source = resolve(value);
  // An alias that names no anchor is reported as such, not again as a merge.
  const mergeable = (node: unknown): boolean => isMap(resolve(node)) || (isAlias(node) && resolve(node) === undefined);
  return isSeq(source) ? source.items.every(mergeable) : mergeable(value);
}

/** YAML keeps the text of a scalar whose explicit core tag does not resolve (`!!int abc`), and
 * the list or mapping a scalar tag is written on (`!!int [1]`). `value` is a scalar's value, or
 * the node of a list or mapping. */
function fitsTag(tag: string, value: unknown): boolean {
  switch (tag) {
    case 'tag:yaml.org,2002:str':
      return typeof value === 'string';
    case 'tag:yaml.org,2002:map':
      return isMap(value);
    case 'tag:yaml.org,2002:seq':
      return isSeq(value);
    case 'tag:yaml.org,2002:int':
    case 'tag:yaml.org,2002:float':
      return typeof value === 'number';
    case 'tag:yaml.org,2002:bool':
      return typeof value === 'boolean';
    case 'tag:yaml.org,2002:null':
      return value === null;
    default:
      return true;
  }
}

/** How YAML reads a number JSON has no form for: `.nan`, `.inf`, or a literal past the largest double. */
function nonFiniteReading(value: number, source: string | undefined): string {
  if (Number.isNaN(value)) return 'is not a number';
  if (/inf/i.test(source ?? '')) return value < 0 ? 'is negative infinity' : 'is infinity';
  return 'is too large for a number: it reads as infinity';
}

function isJsonScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `tag:yaml.org,2002:binary` -> `!!binary`, as it is written. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
