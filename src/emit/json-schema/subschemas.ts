/**
 * Which keywords of a JSON Schema hold subschemas, so that a walk rewrites schemas and never
 * touches instance data (`const`, `enum`, `default`, `examples`) or annotations.
 * See JSON Schema 2020-12 Core §10 (applicators) and §8.2.4 (`$defs`).
 */
import type { JsonSchema, JsonValue } from '../../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-object.js';

type Kind = 'single' | 'list' | 'map';

/** `single`: one subschema (`items` may be a list in older drafts); `list`: a list of
 * subschemas; `map`: names to subschemas. Draft-07's `dependencies` is not here: the loader
 * splits it into `dependentRequired` and `dependentSchemas` (`catalog/dialect.ts`). */
const KINDS = new Map<string, Kind>([
  ...[
    'additionalProperties',
    'unevaluatedProperties',
    'items',
    'additionalItems',
    'contains',
    'not',
    'if',
    'then',
    'else',
    'propertyNames',
    'unevaluatedItems',
    'contentSchema',
  ].map((k) => [k, 'single'] as const),
  ...['allOf', 'anyOf', 'oneOf', 'prefixItems'].map((k) => [k, 'list'] as const),
  ...['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].map((k) => [k, 'map'] as const),
]);

/**
 * `schema` where every direct subschema (object form) went through `map`; boolean subschemas
 * and non-schema values are kept as they are. Nothing is copied that `map` left alone: when
 * it returns every subschema unchanged, the result is `schema` itself.
 */
export function mapSubschemas(schema: JsonSchema, map: (sub: JsonSchema, at: readonly string[]) => JsonSchema): JsonSchema {
  let out: JsonObject | undefined;
  for (const keyword of Object.keys(schema)) {
    const kind = KINDS.get(keyword);
    if (kind === undefined) continue;
    const value = schema[keyword] as JsonValue;
    const mapped = mapKeyword(kind, value, (sub, at) => map(sub, [keyword, ...at]));
    if (mapped === value) continue;
    out ??= { ...schema };
    setOwn(out, keyword, mapped);
  }
  return out ?? schema;
}

/** `map` receives each subschema and its path below the keyword (`[]`, `[index]` or `[name]`). */
type SubschemaMap = (sub: JsonSchema, at: readonly string[]) => JsonSchema;

function mapKeyword(kind: Kind, value: JsonValue, map: SubschemaMap): JsonValue {
  if (Array.isArray(value)) return kind === 'map' ? value : mapList(value, map);
  if (!isJsonObject(value)) return value;
  return kind === 'single' ? map(value, []) : kind === 'map' ? mapEntries(value, map) : value;
}

function mapList(list: readonly JsonValue[], map: SubschemaMap): readonly JsonValue[] {
  let out: JsonValue[] | undefined;
  list.forEach((item, i) => {
    const mapped = isJsonObject(item) ? map(item, [String(i)]) : item;
    if (mapped === item) return;
    out ??= [...list];
    out[i] = mapped;
  });
  return out ?? list;
}

function mapEntries(entries: JsonSchema, map: SubschemaMap): JsonSchema {
  let out: JsonObject | undefined;
  for (const name of Object.keys(entries)) {
    const sub = entries[name] as JsonValue;
    const mapped = isJsonObject(sub) ? map(sub, [name]) : sub;
    if (mapped === sub) continue;
    out ??= { ...entries };
    setOwn(out, name, mapped);
  }
  return out ?? entries;
}
