/** Walks the subschemas of a JSON Schema (draft 2020-12) by keyword, with their data paths. */
import type { DataPath } from './source-file.js';

/** Keywords whose value is one subschema. */
const SINGLE = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
/** Keywords whose value is a list of subschemas. */
const LIST = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Every keyword of draft 2020-12 plus `nullable` (accepted as OpenAPI-style sugar). */
export const KNOWN_KEYWORDS = new Set([
  ...SINGLE, ...LIST, ...MAP,
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$comment', '$vocabulary',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired', 'format', 'contentEncoding', 'contentMediaType',
  'contentSchema', 'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'nullable',
]);

export type SchemaVisitor = (schema: Record<string, unknown>, path: DataPath) => void;

/** Calls `visit` on `schema` and each nested subschema (objects only; boolean schemas are leaves). */
export function walkSchema(schema: unknown, path: DataPath, visit: SchemaVisitor, depth = 0): void {
  if (!isObject(schema) || depth > 200) return;
  visit(schema, path);
  for (const keyword of SINGLE) if (keyword in schema) walkSchema(schema[keyword], [...path, keyword], visit, depth + 1);
  for (const keyword of LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => walkSchema(item, [...path, keyword, i], visit, depth + 1));
  }
  for (const keyword of MAP) {
    const map = schema[keyword];
    if (isObject(map)) for (const [name, item] of Object.entries(map)) walkSchema(item, [...path, keyword, name], visit, depth + 1);
  }
}

/** Returns a copy of `schema` with `transform` applied to each (sub)schema object, bottom-up. */
export function mapSchema(schema: unknown, transform: (schema: Record<string, unknown>) => Record<string, unknown>, depth = 0): unknown {
  if (!isObject(schema) || depth > 200) return schema;
  const copy: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (SINGLE.includes(keyword)) setOwn(copy, keyword, mapSchema(value, transform, depth + 1));
    else if (LIST.includes(keyword) && Array.isArray(value)) setOwn(copy, keyword, value.map((v) => mapSchema(v, transform, depth + 1)));
    else if (MAP.includes(keyword) && isObject(value)) setOwn(copy, keyword, mapEntries(value, (v) => mapSchema(v, transform, depth + 1)));
    else setOwn(copy, keyword, value);
  }
  return transform(copy);
}

function mapEntries(map: Record<string, unknown>, fn: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(map)) setOwn(out, name, fn(value));
  return out;
}

/** Sets an own property; unlike `o[k] = v` it keeps names like `__proto__` ordinary. */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  // Assignment makes the same own property for every other name, and keeps objects fast.
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
