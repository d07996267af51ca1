/**
 * Walks two versions of a JSON Schema side by side, as oasdiff walks OpenAPI schemas: `$ref`s to
 * shared schemas are resolved on each side (each against its own catalog's schemas), a pair of
 * references already on the way is not entered again (recursive schemas end), and every
 * difference is reported as a schema kind at a JSON Pointer.
 */
import { sharedSchemaName } from '../../model/query.js';
import type { JsonSchema, NamedSchema } from '../../model/types.js';
import { pointer } from './change.js';
import { compareConstraints, compareEnums, compareFormats, compareTypes, type Finding, type SchemaNode } from './schema-facets.js';
import { SCHEMA_KINDS, type Direction } from './rules.js';

/** A finding with where it was found. */
export interface SchemaChange extends Finding {
  readonly path: string;
}

/** One side of the comparison: the schema and the shared schemas its `$ref`s point at. */
export interface SchemaSide {
  readonly schema: JsonSchema | boolean | undefined;
  readonly shared: readonly NamedSchema[];
}

/** Nesting bound: deeper parts are not compared (the loader refuses data nested deeper than 100). */
const MAX_DEPTH = 100;

const SUBSCHEMA = ['items', 'additionalProperties', 'contains', 'not', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const BY_INDEX = ['prefixItems', 'allOf'];
const VARIANTS = ['oneOf', 'anyOf'];

interface Walk {
  readonly before: ReadonlyMap<string, JsonSchema>;
  readonly after: ReadonlyMap<string, JsonSchema>;
  readonly unordered: 'constraint.loosened' | 'constraint.tightened';
  readonly changes: SchemaChange[];
  /** Pairs of references (with what each side writes beside its `$ref`) compared already, by the
   * least depth they were compared at: a pair reached again, as deep or deeper, is not compared
   * again. A shared schema used twice by each of 30 nested ones is reached by 2^30 paths. */
  readonly compared: Map<string, number>;
}

/** Every difference between two schemas, in document order. `direction` decides how a
 * constraint that changed both ways (another pattern) is counted: as the worse for that reader. */
export function diffSchemas(before: SchemaSide, after: SchemaSide, direction: Direction): SchemaChange[] {
  const looser = SCHEMA_KINDS['constraint.loosened'][direction];
  const walk: Walk = {
    before: new Map(before.shared.map((s) => [s.name, s.schema])),
    after: new Map(after.shared.map((s) => [s.name, s.schema])),
    unordered: looser === 'safe' ? 'constraint.tightened' : 'constraint.loosened',
    changes: [],
    compared: new Map(),
  };
  compare(walk, before.schema, after.schema, '', new Set(), 0);
  return walk.changes;
}

/** The node with its `$ref` replaced by the shared schema (siblings kept over it), the name
 * followed, and the siblings. */
function resolve(node: unknown, shared: ReadonlyMap<string, JsonSchema>): { node: SchemaNode; ref: string | undefined; siblings: SchemaNode } {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return { node: {}, ref: undefined, siblings: {} };
  const record = node as SchemaNode;
  const name = sharedSchemaName(record['$ref']);
  const target = name === undefined ? undefined : shared.get(name);
  if (name === undefined || target === undefined) return { node: record, ref: undefined, siblings: {} };
  const { $ref: _ref, ...siblings } = record;
  return { node: { ...target, ...siblings }, ref: name, siblings };
}

function compare(walk: Walk, rawBefore: unknown, rawAfter: unknown, path: string, onTheWay: ReadonlySet<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const b = resolve(rawBefore, walk.before);
  const a = resolve(rawAfter, walk.after);
  let seen = onTheWay;
  if (b.ref !== undefined || a.ref !== undefined) {
    const pair = `${b.ref ?? ''}\u0000${a.ref ?? ''}`;
    if (onTheWay.has(pair)) return;
    // Its differences were reported where the pair was first compared (as deep or less).
    const key = JSON.stringify([b.ref ?? null, a.ref ?? null, b.siblings, a.siblings]);
    const before = walk.compared.get(key);
    if (before !== undefined && before <= depth) return;
    walk.compared.set(key, depth);
    seen = new Set(onTheWay).add(pair);
  }
  const at = (findings: readonly Finding[]): void => {
    for (const f of findings) walk.changes.push({ ...f, path });
  };
  at(compareTypes(b.node, a.node));
  at(compareEnums(b.node, a.node));
  at(compareFormats(b.node, a.node));
  at(compareConstraints(b.node, a.node, walk.unordered));
  compareProperties(walk, b.node, a.node, path, seen, depth);
  for (const keyword of SUBSCHEMA) {
    if (isSchema(b.node[keyword]) && isSchema(a.node[keyword])) compare(walk, b.node[keyword], a.node[keyword], pointer(path, keyword), seen, depth + 1);
  }
  for (const keyword of [...BY_INDEX, ...VARIANTS]) compareLists(walk, keyword, b.node[keyword], a.node[keyword], path, seen, depth);
}

function isSchema(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compareProperties(walk: Walk, b: SchemaNode, a: SchemaNode, path: string, seen: ReadonlySet<string>, depth: number): void {
  const bProps = (isSchema(b['properties']) ? b['properties'] : {}) as SchemaNode;
  const aProps = (isSchema(a['properties']) ? a['properties'] : {}) as SchemaNode;
  const bRequired = new Set(Array.isArray(b['required']) ? (b['required'] as string[]) : []);
  const aRequired = new Set(Array.isArray(a['required']) ? (a['required'] as string[]) : []);
  const push = (kind: Finding['kind'], name: string, message: string): void => {
    walk.changes.push({ kind, path: pointer(pointer(path, 'properties'), name), message });
  };
  for (const name of Object.keys(bProps)) {
    const at = pointer(pointer(path, 'properties'), name);
    if (!Object.hasOwn(aProps, name)) {
      push('property.removed', name, `field \`${name}\` was removed`);
      continue;
    }
    if (bRequired.has(name) && !aRequired.has(name)) push('required.optional-made', name, `field \`${name}\` is no longer required`);
    if (!bRequired.has(name) && aRequired.has(name)) push('optional.required-made', name, `field \`${name}\` is now required`);
    compare(walk, bProps[name], aProps[name], at, seen, depth + 1);
  }
  for (const name of Object.keys(aProps)) {
    if (Object.hasOwn(bProps, name)) continue;
    if (aRequired.has(name)) push('property.required-added', name, `required field \`${name}\` was added`);
    else push('property.optional-added', name, `optional field \`${name}\` was added`);
  }
}

function compareLists(walk: Walk, keyword: string, b: unknown, a: unknown, path: string, seen: ReadonlySet<string>, depth: number): void {
  const bList = Array.isArray(b) ? b : [];
  const aList = Array.isArray(a) ? a : [];
  const base = pointer(path, keyword);
  for (let i = 0; i < Math.min(bList.length, aList.length); i++) compare(walk, bList[i], aList[i], pointer(base, i), seen, depth + 1);
  if (!VARIANTS.includes(keyword)) return;
  for (let i = bList.length; i < aList.length; i++)
    walk.changes.push({ kind: 'variant.added', path: pointer(base, i), message: `variant ${i + 1} of \`${keyword}\` was added` });
  for (let i = aList.length; i < bList.length; i++)
    walk.changes.push({ kind: 'variant.removed', path: pointer(base, i), message: `variant ${i + 1} of \`${keyword}\` was removed` });
}
