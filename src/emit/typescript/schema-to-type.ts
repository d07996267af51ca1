/**
 * JSON Schema (draft 2020-12, as kept in the model) -> `TsType`.
 * What is mapped, and how: https://json-schema.org/draft/2020-12/json-schema-core and
 * -validation. Types are inferred from `type`, or from object/array keywords when `type` is
 * absent; scalar keywords alone (`pattern`, `minimum`...) constrain nothing in TypeScript.
 */
import type { JsonSchema, JsonValue } from '../../model/types.js';
import { sharedSchemaName } from '../../model/query.js';
import { docLines, type DocLines, type DocTag } from './doc-comment.js';
import { tsString } from './literal.js';
import { intersection, NEVER, NULL, union, UNKNOWN, type TsMember, type TsType } from './ts-type.js';

/** Looks up the type name of a shared schema; undefined when the catalog has no such schema. */
export interface SchemaNameLookup {
  (schemaName: string): string | undefined;
  /** The shared schema itself, where the lookup knows the catalog's schemas (see `freeKinds`). */
  readonly schemaOf?: (schemaName: string) => unknown;
}

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
  if (!COMBINING_KEYWORDS.some((keyword) => schema[keyword] !== undefined) && schema['nullable'] !== true) return valueType(schema, names) ?? UNKNOWN;
  const ref: SubschemaPart[] =
    schema['$ref'] === undefined ? [] : [{ type: refType(schema['$ref'], names), freeKinds: freeKinds({ $ref: schema['$ref'] }, names) }];
  const parts = subschemaParts(schema, names);
  // The schema's own type only when it is not split by kind: made twice, every level below would double the work.
  const own = (): TsType[] => {
    const type = valueType(schema, names);
    return type === undefined ? [] : [type];
  };
  const type = typeByKind(schema, [...ref, ...parts], names) ?? intersectionOf([...typesOf(ref), ...own(), ...typesOf(parts)]);
  return schema['nullable'] === true ? union([type, NULL]) : type;
}

/** JSON's kinds of value, as `type` names them (an `integer` is a `number`). */
const KINDS = ['object', 'array', 'string', 'number', 'boolean', 'null'];
const kindOf = (type: string): string => (type === 'integer' ? 'number' : type);

/** The type of a subschema that applies beside a schema's own keywords, and the kinds of value
 * it accepts but its type refuses (see `freeKinds`). */
interface SubschemaPart {
  readonly type: TsType;
  readonly freeKinds: ReadonlySet<string>;
}

const typesOf = (parts: readonly SubschemaPart[]): TsType[] => parts.map((part) => part.type);

/** Each `allOf` member, and the `oneOf` and `anyOf` unions, in that order. */
function subschemaParts(schema: JsonSchema, names: SchemaNameLookup): SubschemaPart[] {
  const parts: SubschemaPart[] = [];
  if (Array.isArray(schema['allOf'])) parts.push(...schema['allOf'].map((s) => ({ type: schemaToType(s, names), freeKinds: freeKinds(s, names) })));
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (Array.isArray(options))
      parts.push({ type: union(options.map((s) => schemaToType(s, names))), freeKinds: new Set(options.flatMap((s) => [...freeKinds(s, names)])) });
  }
  return parts;
}

/**
 * For a schema beside a subschema that leaves one of its own kinds free, the union over its own
 * alternatives (see `ownAlternatives`) of each one's type and the subschemas that constrain its
 * kind: `type: [object, null]` with `anyOf: [{ required: [a] }]` -> `({...} & { a: {} | null }) |
 * null`. Undefined otherwise.
 */
function typeByKind(schema: JsonSchema, parts: readonly SubschemaPart[], names: SchemaNameLookup): TsType | undefined {
  const alternatives = ownAlternatives(schema, names);
  if (!parts.some((part) => alternatives.some(({ kind }) => part.freeKinds.has(kind)))) return undefined;
  return union(alternatives.map(({ kind, type }) => intersectionOf([type(), ...typesOf(parts.filter((p) => !p.freeKinds.has(kind)))])));
}

/** One kind of value a schema's own keywords allow, and its type (made when asked for). */
interface Alternative {
  readonly kind: string;
  readonly type: () => TsType;
}

/** The values of `const` or `enum`, or the kinds a `type` lists; none without those keywords. */
function ownAlternatives(schema: JsonSchema, names: SchemaNameLookup): Alternative[] {
  const value = (v: JsonValue): Alternative => ({ kind: valueKind(v), type: () => jsonValueType(v) });
  if (schema['const'] !== undefined) return [value(schema['const'])];
  if (Array.isArray(schema['enum'])) return schema['enum'].map(value);
  if (schema['type'] === undefined) return [];
  return [...new Set(declaredTypes(schema))].map((type) => ({ kind: kindOf(type), type: () => typeOfKind(type, schema, names) }));
}

const valueKind = (value: JsonValue): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The intersection of the parts; a bare "is an object" next to refs or combinators adds nothing but an index signature. */
function intersectionOf(parts: readonly TsType[]): TsType {
  return intersection(parts.length > 1 ? parts.filter((p) => p !== RECORD_UNKNOWN) : parts);
}

/**
 * The kinds of value `schema` accepts whatever they hold, though its type refuses them: a schema
 * that names no type (no `type`, `const` or `enum`) is typed by its object or array keywords alone
 * (`{ required: ['a'] }` -> `{ a: {} | null }`), yet values of every other kind pass it (`null`
 * does); and so do the kinds its combinators leave free, and the shared schemas it refers to (a
 * mixin of `properties` and `required`). Each shared schema is looked at once: shared schemas refer
 * to each other in rings (a tree) and diamonds (a walk per path would double with every level).
 */
function freeKinds(schema: unknown, names: SchemaNameLookup): Set<string> {
  const free = new Set<string>();
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isSchemaObject(node) || ['type', 'const', 'enum'].some((keyword) => node[keyword] !== undefined)) return;
    const inferred = declaredTypes(node);
    if (inferred.length > 0) for (const kind of KINDS) if (!inferred.includes(kind)) free.add(kind);
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
      const options = node[keyword];
      if (Array.isArray(options)) options.forEach(visit);
    }
    const shared = sharedSchemaName(node['$ref']);
    if (shared === undefined || seen.has(shared)) return;
    seen.add(shared);
    visit(names.schemaOf?.(shared));
  };
  visit(schema);
  return free;
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
 * `properties` (optional unless `required`) -> members, and an index signature (`indexType`).
 * Without members: `Record<string, unknown>` when open, `Record<string, never>` when closed.
 */
function objectType(schema: JsonSchema, names: SchemaNameLookup): TsType {
  const properties = isSchemaObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r) => typeof r === 'string') : []);
  const members: TsMember[] = Object.entries(properties).map(([name, property]) => ({
    name,
    optional: !required.has(name),
    type: memberType(name, !required.has(name), schemaToType(property, names)),
    doc: schemaDoc(property),
  }));
  for (const name of required) {
    if (!Object.hasOwn(properties, name)) members.push({ name, optional: false, type: PRESENT, doc: [] });
  }
  const index = indexType(schema, members, names);
  if (members.length === 0 && index === undefined) return schema['additionalProperties'] === false ? RECORD_NEVER : RECORD_UNKNOWN;
  return { kind: 'object', members, index };
}

/** The members of `Object` in TypeScript's library (lib.es5.d.ts), which every object type has. */
const INHERITED_MEMBERS = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

/**
 * Any value a required member may hold: anything but `undefined`, which JSON lacks. Not
 * `unknown`: intersected with the same member made optional elsewhere (`{ a?: string } &
 * { a: unknown }`, a combinator that requires a declared property), TypeScript then reads the
 * member as `string | undefined` under exactOptionalPropertyTypes, and refuses the intersection
 * as the type of an index signature that holds it (TS2411).
 */
const PRESENT: TsType = union([{ kind: 'reference', name: '{}' }, NULL]);

/**
 * The type of a member of an object type: `PRESENT` for a required member of any value. An
 * optional member named like a member of `Object` also admits that member's type
 * (`toString?: string | globalThis.Object['toString']`): TypeScript reads an absent property from
 * `Object` (so `{}` has a `toString` of type `() => string`, which `string` alone refuses), and
 * so does JavaScript when a payload lacks one.
 */
export function memberType(name: string, optional: boolean, type: TsType): TsType {
  if (!optional) return type === UNKNOWN ? PRESENT : type;
  if (!INHERITED_MEMBERS.has(name)) return type;
  // `globalThis.` because a shared schema named `object` is declared as `Object`.
  return union([type, { kind: 'reference', name: `globalThis.Object[${tsString(name)}]` }]);
}

/**
 * The index signature of an object: the types of `patternProperties` and of an
 * `additionalProperties` schema, which must also admit every member's type (TypeScript requires
 * it); `unknown` when keys that are neither members nor matched by a pattern may hold anything
 * (`additionalProperties` absent or `true`) and there are patterns or members beside them.
 */
function indexType(schema: JsonSchema, members: readonly TsMember[], names: SchemaNameLookup): TsType | undefined {
  const additional = schema['additionalProperties'];
  const patterns = isSchemaObject(schema['patternProperties']) ? Object.values(schema['patternProperties']).filter(isSchemaNode) : [];
  if (additional === undefined || additional === true) return patterns.length > 0 || (additional === true && members.length > 0) ? UNKNOWN : undefined;
  const indexSchemas: SchemaNode[] = [...patterns, ...(isSchemaObject(additional) ? [additional] : [])];
  if (indexSchemas.length === 0) return undefined;
  const index = union(indexSchemas.map((s) => schemaToType(s, names)));
  return members.length > 0 ? union([index, ...members.map((m) => m.type)]) : index;
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
