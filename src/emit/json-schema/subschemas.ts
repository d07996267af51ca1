/**
 * Which keywords of a JSON Schema hold subschemas, so that a walk rewrites schemas and never
 * touches instance data (`const`, `enum`, `default`, `examples`) or annotations.
 * See JSON Schema 2020-12 Core §10 (applicators) and §8.2.4 (`$defs`).
 */
import type { JsonSchema, JsonValue } from '../../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-object.js';

/** Keywords whose value is one subschema (`items` may be a list in older drafts). */
const SINGLE = new Set([
  'additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems', 'contains', 'not',
  'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'contentSchema',
]);
/** Keywords whose value is a list of subschemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** A copy of `schema` where every direct subschema (object form) went through `map`;
 * boolean subschemas and non-schema values are kept as they are. */
export function mapSubschemas(schema: JsonSchema, map: (sub: JsonSchema) => JsonSchema): JsonObject {
  const mapOne = (value: JsonValue): JsonValue => (isJsonObject(value) ? map(value) : value);
  const out: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (SINGLE.has(keyword)) setOwn(out, keyword, Array.isArray(value) ? value.map(mapOne) : mapOne(value));
    else if (LIST.has(keyword) && Array.isArray(value)) setOwn(out, keyword, value.map(mapOne));
    else if (MAP.has(keyword) && isJsonObject(value)) {
      const entries: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) setOwn(entries, name, mapOne(sub));
      setOwn(out, keyword, entries);
    } else setOwn(out, keyword, value);
  }
  return out;
}
