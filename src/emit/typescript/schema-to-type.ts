/**
 * JSON Schema (draft 2020-12, as kept in the model) -> `TsType`.
 * What is mapped, and how: https://json-schema.org/draft/2020-12/json-schema-core and
 * -validation. Types are inferred from `type`, or from object/array keywords when `type` is
 * absent; scalar keywords alone (`pattern`, `minimum`...) constrain nothing in TypeScript.
 */
import type { JsonSchema, JsonValue } from '../../model/types.js';
import { sharedSchemaName } from '../../model/query.js';
import { docLines, type DocLines, type DocTag } from './doc-comment.js';
import { intersection, NEVER, NULL, union, UNKNOWN, type TsMember, type TsType } from './ts-type.js';

/** Looks up the type name of a shared schema; undefined when the catalog has no such schema. */
export type SchemaNameLookup = (schemaName: string) => string | undefined;

type SchemaNode = JsonSchema | boolean;

/** Keywords whose types are intersected with the one of `type`, `const` or `enum`. */
const COMBINING_KEYWORDS = ['$ref', 'allOf', 'oneOf', 'anyOf'];
const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'required', 'minProperties', 'maxProperties', 'propertyNames'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'contains', 'uniqueItems'];
const RECORD_UNKNOWN: TsType = { kind: 'reference', name: 'Record<string, unknown>' };
const RECORD_NEVER: TsType = { kind: 'reference', name: 'Record<string, never>' };

/**
 * The TypeScript type of values valid against `schema`: `true`/`{}` -> `unknown`,
 * `false` -> `never`, `$ref`, `const`/`enum`, `type` (with `null` -> `| null`), `allOf`
 * (intersection), `oneOf`/`anyOf` (union), arrays, tuples and objects. Keywords found
 * together are intersected, as JSON Schema applies them all.
 */
export function schemaToType(schema: unknown, names: SchemaNameLookup): TsType {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isSchemaObject(schema)) return UNKNOWN;
  const own = valueType(schema, names);
  if (!COMBINING_KEYWORDS.some((keyword) => schema[keyword] !== undefined) && schema['nullable'] !== true) return own ?? UNKNOWN;
  const parts: TsType[] = [];
  if (schema['$ref'] !== undefined) parts.push(refType(schema['$ref'], names));
  if (own !== undefined) parts.push(own);
  if (Array.isArray(schema['allOf'])) parts.push(...schema['allOf'].map((s) => schemaToType(s, names)));
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (Array.isArray(options)) parts.push(union(options.map((s) => schemaToType(s, names))));
  }
  // A bare "is an object" next to refs or combinators adds nothing but an index signature.
  const useful = parts.length > 1 ? parts.filter((p) => p !== RECORD_UNKNOWN) : parts;
  const type = intersection(useful);
  return schema['nullable'] === true ? union([type, NULL]) : type;
}

/** Keywords `schemaDoc` reads. */
const DOC_KEYWORDS = ['title', 'description', 'format', 'default', 'deprecated'];

/** Doc comment lines for a field or named schema: title, description, then tags for
 * `format`, `default` and `deprecated`. */
export function schemaDoc(schema: unknown, title?: string, description?: string): DocLines {
  if (!isSchemaObject(schema)) return docLines({ paragraphs: [title, description] });
  if (title === undefined && description === undefined && !DOC_KEYWORDS.some((keyword) => schema[keyword] !== undefined)) return [];
  const tags: DocTag[] = [];
  if (typeof schema['format'] === 'string') tags.push({ name: 'format', text: schema['format'] });
  if (schema['default'] !== undefined) tags.push({ name: 'default', text: JSON.stringify(schema['default']) });
  if (schema['deprecated'] === true) tags.push({ name: 'deprecated', text: '' });
  return docLines({
    paragraphs: [title ?? textKeyword(schema['title']), description ?? textKeyword(schema['description'])],
    tags,
  });
}

function refType(ref: JsonValue, names: SchemaNameLookup): TsType {
  const shared = sharedSchemaName(ref);
  const name = shared === undefined ? undefined : names(shared);
  return name === undefined ? UNKNOWN : { kind: 'reference', name };
}

/** The type from `const`, `enum` or `type` (in that order of precision); undefined when none applies. */
function valueType(schema: JsonSchema, names: SchemaNameLookup): TsType | undefined {
  if (schema['const'] !== undefined) return jsonValueType(schema['const']);
  const values = schema['enum'];
  if (Array.isArray(values)) return union(values.map(jsonValueType));
  if (typeof schema['type'] === 'string') return typeOfKind(schema['type'], schema, names);
  const types = declaredTypes(schema);
  if (types.length === 0) return undefined;
  return union(types.map((type) => typeOfKind(type, schema, names)));
}

function declaredTypes(schema: JsonSchema): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (OBJECT_KEYWORDS.some((k) => schema[k] !== undefined)) return ['object'];
  if (ARRAY_KEYWORDS.some((k) => schema[k] !== undefined)) return ['array'];
  return [];
}

function typeOfKind(kind: string, schema: JsonSchema, names: SchemaNameLookup): TsType {
  switch (kind) {
    case 'string':
      return { kind: 'keyword', name: 'string' };
    case 'number':
    case 'integer':
      return { kind: 'keyword', name: 'number' };
    case 'boolean':
      return { kind: 'keyword', name: 'boolean' };
    case 'null':
      return NULL;
    case 'array':
      return arrayType(schema, names);
    case 'object':
      return objectType(schema, names);
    default:
      return UNKNOWN;
  }
}

/** `items` -> `T[]`; `prefixItems` -> a tuple whose elements past `minItems` are optional,
 * closed by `items: false`, otherwise with a rest element of the `items` type. */
function arrayType(schema: JsonSchema, names: SchemaNameLookup): TsType {
  const items = schema['items'];
  const legacyTuple = Array.isArray(items);
  const prefix = legacyTuple ? items : schema['prefixItems'];
  if (!Array.isArray(prefix)) {
    if (items === false) return { kind: 'tuple', elements: [], rest: undefined };
    return { kind: 'array', element: items === undefined ? UNKNOWN : schemaToType(items, names) };
  }
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  const restSchema = legacyTuple ? schema['additionalItems'] : items;
  return {
    kind: 'tuple',
    elements: prefix.map((item, i) => ({ type: schemaToType(item, names), optional: i >= minItems })),
    rest: restSchema === false ? undefined : restSchema === undefined ? UNKNOWN : schemaToType(restSchema, names),
  };
}

/**
 * `properties` (optional unless `required`) -> members; an `additionalProperties` or
 * `patternProperties` schema -> an index signature whose type also admits every member's
 * type (TypeScript requires it); `additionalProperties: true` -> `[key: string]: unknown`.
 * Without members: `Record<string, unknown>` when open, `Record<string, never>` when closed.
 */
function objectType(schema: JsonSchema, names: SchemaNameLookup): TsType {
  const properties = isSchemaObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r) => typeof r === 'string') : []);
  const members: TsMember[] = Object.entries(properties).map(([name, property]) => ({
    name,
    optional: !required.has(name),
    type: schemaToType(property, names),
    doc: schemaDoc(property),
  }));
  for (const name of required) {
    if (!Object.hasOwn(properties, name)) members.push({ name, optional: false, type: UNKNOWN, doc: [] });
  }
  const additional = schema['additionalProperties'];
  const patterns = isSchemaObject(schema['patternProperties']) ? Object.values(schema['patternProperties']) : [];
  const indexSchemas: SchemaNode[] = [...patterns.filter(isSchemaNode), ...(isSchemaObject(additional) ? [additional] : [])];
  let index = indexSchemas.length > 0 ? union(indexSchemas.map((s) => schemaToType(s, names))) : undefined;
  if (additional === true && members.length > 0) index = UNKNOWN;
  if (members.length === 0 && index === undefined) return additional === false ? RECORD_NEVER : RECORD_UNKNOWN;
  if (index !== undefined && members.length > 0) index = union([index, ...members.map((m) => m.type)]);
  return { kind: 'object', members, index };
}

/** The exact type of a JSON value: literals, `null`, closed tuples and objects of those. */
function jsonValueType(value: JsonValue): TsType {
  if (value === null) return NULL;
  if (Array.isArray(value)) return { kind: 'tuple', elements: value.map((v) => ({ type: jsonValueType(v), optional: false })), rest: undefined };
  if (typeof value === 'object') {
    const entries = Object.entries(value as { readonly [key: string]: JsonValue });
    if (entries.length === 0) return RECORD_NEVER;
    return { kind: 'object', members: entries.map(([name, v]) => ({ name, optional: false, type: jsonValueType(v), doc: [] })), index: undefined };
  }
  return { kind: 'literal', value };
}

function textKeyword(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'boolean' || isSchemaObject(value);
}
