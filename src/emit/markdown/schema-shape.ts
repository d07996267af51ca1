/**
 * Reading payload JSON Schemas for the field table: resolving `#/schemas/<Name>` refs,
 * merging inline `allOf` objects, and naming a schema's type in JSON Schema's own notation
 * (`string | null`, `Member`, `Comment[]`, `[number, number]`), which reads the same in
 * every locale.
 */
import { sharedSchemaName } from '../../model/query.js';
import type { JsonSchema, JsonValue, NamedSchema } from '../../model/types.js';

export type SharedSchemas = ReadonlyMap<string, JsonSchema>;

/** Shared schemas by name. */
export function sharedSchemaMap(schemas: readonly NamedSchema[]): SharedSchemas {
  return new Map(schemas.map((s) => [s.name, s.schema]));
}

export function isSchema(value: JsonValue | undefined): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function schemaList(value: JsonValue | undefined): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

/** The schema a `$ref` points at (following chains), with the name of the last shared
 * schema on the way; the schema itself when it is no ref or the ref is unknown. */
export function resolveRef(schema: JsonSchema, shared: SharedSchemas): { schema: JsonSchema; name: string | undefined } {
  let current = schema;
  let name: string | undefined;
  for (let hops = 0; hops < 32; hops++) {
    const target = sharedSchemaName(current['$ref']);
    const next = target === undefined ? undefined : shared.get(target);
    if (next === undefined) break;
    name = target;
    current = next;
  }
  return { schema: current, name };
}

/** The shared schema `schema` refers to by `$ref` (by the name written), when it is one. */
export function refName(schema: JsonSchema, shared: SharedSchemas): string | undefined {
  const name = sharedSchemaName(schema['$ref']);
  return name !== undefined && shared.has(name) ? name : undefined;
}

export interface ObjectShape {
  readonly properties: ReadonlyArray<readonly [string, JsonSchema]>;
  readonly required: ReadonlySet<string>;
  /** The schema of other keys (`additionalProperties`), when it is a schema. */
  readonly additional: JsonSchema | undefined;
  /** `allOf` members that are `$ref`s: their fields are not merged in (each has its page). */
  readonly bases: readonly JsonSchema[];
}

/** Properties of an object schema, inline `allOf` members merged in order; `allOf` members
 * that refer to shared schemas are listed apart. Each schema node is read once. */
export function objectShape(schema: JsonSchema): ObjectShape {
  const properties = new Map<string, JsonSchema>();
  const required = new Set<string>();
  const bases: JsonSchema[] = [];
  const seen = new Set<JsonSchema>();
  let additional: JsonSchema | undefined;
  const visit = (node: JsonSchema): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node['$ref'] !== undefined) {
      bases.push(node);
      return;
    }
    const own = node['properties'];
    if (isSchema(own)) for (const [key, value] of Object.entries(own)) if (isSchema(value)) properties.set(key, value);
    const list = node['required'];
    if (Array.isArray(list)) for (const key of list) if (typeof key === 'string') required.add(key);
    const extra = node['additionalProperties'];
    if (isSchema(extra)) additional = extra;
    for (const member of schemaList(node['allOf'])) visit(member);
  };
  if (schema['$ref'] === undefined) visit(schema);
  return { properties: [...properties], required, additional, bases };
}

/** `oneOf`/`anyOf` branches of a schema (after resolving a ref on it). */
export function variantsOf(schema: JsonSchema): JsonSchema[] {
  return [...schemaList(schema['oneOf']), ...schemaList(schema['anyOf'])];
}

export function prefixItemsOf(schema: JsonSchema): JsonSchema[] {
  return schemaList(schema['prefixItems']);
}

export function itemsOf(schema: JsonSchema): JsonSchema | undefined {
  const items = schema['items'];
  return isSchema(items) ? items : undefined;
}

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function group(name: string): string {
  return name.includes(' ') ? `(${name})` : name;
}

/** The type of `schema` in JSON Schema notation. */
export function typeName(schema: JsonSchema, depth = 0): string {
  if (depth > 8) return 'any';
  const ref = sharedSchemaName(schema['$ref']);
  if (ref !== undefined) return ref;
  const declared = schema['type'];
  const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? declared.filter((t): t is string => typeof t === 'string') : [];
  if (types.length > 0) return unique(types.map((t) => (t === 'array' ? arrayName(schema, depth) : t))).join(' | ');
  if (Object.hasOwn(schema, 'const')) return jsonType(schema['const'] ?? null);
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0) return unique(values.map(jsonType)).join(' | ');
  const variants = variantsOf(schema);
  if (variants.length > 0) return unique(variants.map((v) => typeName(v, depth + 1))).join(' | ');
  const members = schemaList(schema['allOf']);
  if (members.length > 0) return unique(members.map((m) => group(typeName(m, depth + 1)))).join(' & ');
  if (isSchema(schema['properties']) || Object.hasOwn(schema, 'additionalProperties')) return 'object';
  if (Object.hasOwn(schema, 'items') || Object.hasOwn(schema, 'prefixItems')) return arrayName(schema, depth);
  return 'any';
}

function arrayName(schema: JsonSchema, depth: number): string {
  const tuple = prefixItemsOf(schema);
  if (tuple.length > 0) return `[${tuple.map((t) => typeName(t, depth + 1)).join(', ')}]`;
  const items = itemsOf(schema);
  return items === undefined ? 'array' : `${group(typeName(items, depth + 1))}[]`;
}

/** Keywords shown next to the type, in this order, as `keyword: <JSON value>`. */
const FACET_KEYWORDS = [
  'const',
  'enum',
  'format',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'default',
] as const;

/** Constraints of `schema` worth showing next to its type, e.g. `format: uuid`, `enum: ["a","b"]`. */
export function facetsOf(schema: JsonSchema): string[] {
  const facets: string[] = [];
  for (const keyword of FACET_KEYWORDS) {
    if (!Object.hasOwn(schema, keyword)) continue;
    const value = schema[keyword];
    facets.push(`${keyword}: ${keyword === 'format' && typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return facets;
}
