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
 */
import type { JsonSchema } from '../../model/types.js';
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
  if (schemas.some(sharesNothing)) return { schemas: [...schemas], repeated: [] };
  const open = schemas.filter((schema) => !keepsWhole(schema));
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
  for (const root of open) eachSubschema(root, identify);
  const shared = sharedIds(open, seen);
  const numbers = new Map<number, number>();
  const repeated: JsonSchema[] = [];
  const rewrite = (schema: JsonSchema): JsonSchema => {
    const { id } = seen.get(schema)!;
    if (!shared.has(id)) return mapSubschemas(schema, rewrite);
    let n = numbers.get(id);
    if (n === undefined) {
      // Numbered before its own repeated subschemas, so that numbers follow the order met.
      n = repeated.push({}) - 1;
      numbers.set(id, n);
      repeated[n] = { ...mapSubschemas(schema, rewrite), $id: idOf(n) };
    }
    return { $ref: idOf(n) };
  };
  const rewritten = new Map(open.map((root) => [root, mapSubschemas(root, rewrite)]));
  return { schemas: schemas.map((schema) => rewritten.get(schema) ?? schema), repeated };
}

/** The subschemas large enough to be worth a call that are still met more than once when each
 * repeated one is written out once (a subschema repeated only inside one repeated parent is then
 * met once, in that parent). */
function sharedIds(roots: readonly JsonSchema[], seen: WeakMap<object, Seen>): Set<number> {
  const met = new Map<number, number>();
  const shared = new Set<number>();
  const walk = (schema: JsonSchema): void => {
    const { id, size } = seen.get(schema)!;
    const times = (met.get(id) ?? 0) + 1;
    met.set(id, times);
    if (times === 1) eachSubschema(schema, walk);
    else if (size >= SMALLEST_REPEATED) shared.add(id);
  };
  for (const root of roots) eachSubschema(root, walk);
  return shared;
}

/** Whether anything in `schema` could tell a subschema from a `$ref` to a copy of it. */
function keepsWhole(schema: JsonSchema): boolean {
  return someNode(schema, (node) => {
    const ref = refOf(node);
    if (ref !== undefined && !ABSOLUTE.test(ref)) return true;
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
