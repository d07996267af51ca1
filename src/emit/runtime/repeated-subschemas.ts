/**
 * Subschemas a catalog writes out more than once, compiled once. Real descriptions repeat large
 * objects inline: GitHub's repeats the same 8 KB `head`/`base` object in 27 pull-request events
 * and the same repository object in 28. ajv compiles every copy into its own code, so each
 * repeated subschema becomes a schema of its own that every copy `$ref`s: a function the
 * validators call instead of a copy of its code (on GitHub's description, see bench/README.md).
 *
 * What the validators accept does not change: a `$ref` to an identical schema validates as that
 * schema does (JSON Schema 2020-12 Core §8.2.3.1). A schema that could see the difference is left
 * alone: one with a reference inside itself (`#...`, whose target could move) or relative to its
 * base (which moves with it), a dynamic reference, or an `$id` or anchor (a new base). Nothing
 * changes at all when some schema uses `unevaluated*`: ajv counts the properties a subschema
 * looked at differently behind a `$ref` than inline, and the schema that uses it may reach the
 * others through references; nor when a reference points inside another schema by a pointer.
 *
 * `hookcat import` shares the same way (`shareRepeated`), as named shared schemas of the catalog.
 */
import type { JsonSchema } from '../../model/types.js';
import type { JsonObject } from '../json-schema/json-object.js';
import { mapSubschemas } from '../json-schema/subschemas.js';

/** Subschemas shorter than this (as JSON) are copied: a call costs about what their code does. */
export const SMALLEST_REPEATED = 200;

/** Keywords under which a schema is left as it is (see above). */
const KEEP_WHOLE = new Set(['$id', 'id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveRef', '$recursiveAnchor']);

/** Keywords under which nothing is shared (see above). */
const SHARE_NOTHING = new Set(['unevaluatedProperties', 'unevaluatedItems']);

/** A reference with a scheme: it means the same wherever it is. */
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A subschema by content: the same number for the same text (its subschemas by number). */
interface Seen {
  readonly id: number;
  readonly size: number;
}

/** `schemas` with every repeated subschema replaced by a `$ref` to `idOf(n)`, and those
 * subschemas (`$id` set), numbered from 0 in the order first met. */
export function withRepeatedShared(schemas: readonly JsonSchema[], idOf: (n: number) => string): { schemas: JsonSchema[]; repeated: JsonSchema[] } {
  const shared = shareRepeated(schemas, idOf);
  return { schemas: shared.schemas, repeated: shared.repeated.map((schema, n) => ({ ...schema, $id: idOf(n) })) };
}

/** How `shareRepeated` may share, beyond its defaults. */
export interface Sharing {
  /** Whether a `$ref` means the same wherever it is written; by default, one with a scheme. */
  readonly placeFree?: (ref: string) => boolean;
  /** Schemas of `schemas` that a copy of elsewhere refers to by this `$ref` (a catalog's shared
   * schemas), instead of to a new schema, even when met once. */
  readonly named?: ReadonlyMap<JsonSchema, string>;
  /** Whether a repeated subschema may become a new schema; by default every one may. */
  readonly shares?: (schema: JsonSchema) => boolean;
  /** Annotations a copy keeps beside its `$ref`, where a reader of that place looks for them. */
  readonly keptAtUse?: readonly string[];
}

/** Where a subschema was first met: in `schemas[root]`, below the property `property` (the
 * nearest; undefined when it is not below one). */
export interface FirstMet {
  readonly schema: JsonSchema;
  readonly root: number;
  readonly property: string | undefined;
}

/**
 * `schemas` with every repeated subschema replaced by `{ $ref: refOf(n, first) }`, and those
 * subschemas, numbered from 0 in the order first met (each asked for its reference once); a copy
 * of a `named` schema refers to it instead.
 */
export function shareRepeated(
  schemas: readonly JsonSchema[],
  refOf: (n: number, first: FirstMet) => string,
  sharing: Sharing = {},
): { schemas: JsonSchema[]; repeated: JsonSchema[] } {
  if (schemas.some(sharesNothing)) return { schemas: [...schemas], repeated: [] };
  const placeFree = sharing.placeFree ?? ((ref: string) => ABSOLUTE.test(ref));
  const open = schemas.filter((schema) => !keepsWhole(schema, placeFree));
  const seen = new WeakMap<object, Seen>();
  const texts = new Map<string, number>();
  const identify = (schema: JsonSchema): Seen => {
    let size = 0;
    const text = JSON.stringify(
      mapSubschemas(schema, (sub) => {
        const inner = identify(sub);
        size += inner.size;
        return { '': inner.id };
      }),
    );
    let id = texts.get(text);
    if (id === undefined) texts.set(text, (id = texts.size));
    const result = { id, size: size + text.length };
    seen.set(schema, result);
    return result;
  };
  for (const root of open) identify(root);
  const named = new Map<number, string>();
  for (const root of open) {
    const ref = sharing.named?.get(root);
    if (ref !== undefined && !named.has(seen.get(root)!.id)) named.set(seen.get(root)!.id, ref);
  }
  const shared = sharedIds(open, seen, named, sharing.shares ?? (() => true));
  const refs: string[] = [];
  const numbers = new Map<number, number>();
  const repeated: JsonSchema[] = [];
  type Place = Omit<FirstMet, 'schema'>;
  const below = (schema: JsonSchema, place: Place): JsonSchema =>
    mapSubschemas(schema, (sub, at) =>
      picksByName(schema, at) ? below(sub, place) : rewrite(sub, at[0] === 'properties' ? { ...place, property: at[1] } : place),
    );
  const rewrite = (schema: JsonSchema, place: Place): JsonSchema => {
    const { id } = seen.get(schema)!;
    if (!shared.has(id)) return below(schema, place);
    const name = named.get(id);
    if (name !== undefined) return atUse(name, schema);
    let n = numbers.get(id);
    if (n === undefined) {
      // Numbered before its own repeated subschemas, so that numbers follow the order met.
      n = repeated.push({}) - 1;
      numbers.set(id, n);
      refs[n] = refOf(n, { schema, ...place });
      repeated[n] = below(schema, place);
    }
    return atUse(refs[n]!, schema);
  };
  const atUse = (ref: string, copy: JsonSchema): JsonSchema => {
    const use: JsonObject = { $ref: ref };
    for (const keyword of sharing.keptAtUse ?? []) if (copy[keyword] !== undefined) use[keyword] = copy[keyword];
    return use;
  };
  const opened = new Set(open);
  return { schemas: schemas.map((schema, root) => (opened.has(schema) ? below(schema, { root, property: undefined }) : schema)), repeated };
}

/** The subschemas large enough to be worth a call that are still met more than once when each
 * repeated one is written out once (a subschema repeated only inside one repeated parent is then
 * met once, in that parent). */
function sharedIds(
  roots: readonly JsonSchema[],
  seen: WeakMap<object, Seen>,
  named: ReadonlyMap<number, unknown>,
  shares: (schema: JsonSchema) => boolean,
): Set<number> {
  const met = new Map<number, number>();
  const shared = new Set<number>();
  const walk = (schema: JsonSchema): void => {
    const { id, size } = seen.get(schema)!;
    if (named.has(id) && size >= SMALLEST_REPEATED) {
      shared.add(id);
      return;
    }
    const times = (met.get(id) ?? 0) + 1;
    met.set(id, times);
    // One that stays written out keeps every copy of what is inside it.
    const sharable = size >= SMALLEST_REPEATED && shares(schema);
    if (times > 1 && sharable) shared.add(id);
    else if (times === 1 || !sharable) eachSubschema(schema, walk);
  };
  for (const root of roots) eachSubschema(root, walk);
  return shared;
}

/** Whether the subschema at `at` is an option that an OpenAPI discriminator of `schema` may pick by
 * the name of the schema it refers to: written out, it stays written out. */
function picksByName(schema: JsonSchema, at: readonly string[]): boolean {
  return (at[0] === 'oneOf' || at[0] === 'anyOf') && schema['discriminator'] !== undefined;
}

/** Whether anything in `schema` could tell a subschema from a `$ref` to a copy of it. */
function keepsWhole(schema: JsonSchema, placeFree: (ref: string) => boolean): boolean {
  return someNode(schema, (node) => {
    const ref = refOf(node);
    if (ref !== undefined && !placeFree(ref)) return true;
    return Object.keys(node).some((keyword) => KEEP_WHOLE.has(keyword) && !(keyword === '$id' && node === schema));
  });
}

/** Whether `schema` uses `unevaluated*`, or points inside another schema by a JSON pointer. */
function sharesNothing(schema: JsonSchema): boolean {
  return someNode(schema, (node) => {
    const ref = refOf(node);
    if (ref !== undefined && !ref.startsWith('#') && ref.includes('#/')) return true;
    return Object.keys(node).some((keyword) => SHARE_NOTHING.has(keyword));
  });
}

const refOf = (node: JsonSchema): string | undefined => (typeof node.$ref === 'string' ? node.$ref : undefined);

function someNode(schema: JsonSchema, test: (node: JsonSchema) => boolean): boolean {
  let found = false;
  const visit = (node: JsonSchema): JsonSchema => {
    if (!found && test(node)) found = true;
    return found ? node : mapSubschemas(node, visit);
  };
  visit(schema);
  return found;
}

function eachSubschema(schema: JsonSchema, visit: (sub: JsonSchema) => unknown): void {
  mapSubschemas(schema, (sub) => {
    visit(sub);
    return sub;
  });
}
