/**
 * Published JSON Schema files hold only the keywords of JSON Schema 2020-12, so that any
 * validator takes them as they are (`new Ajv2020()` in its default strict mode refuses unknown
 * keywords, `x-` ones included). What the catalog adds beyond them stays in the OpenAPI
 * fragment, whose schema dialect allows extensions; the texts in other locales, which the
 * model keeps under `x-translations`, move to a translations file beside the schemas.
 */
import { TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { JsonSchema } from '../../model/types.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { mapSubschemas } from './subschemas.js';

/** Every keyword of the JSON Schema 2020-12 vocabularies (core, applicator, unevaluated,
 * validation, meta-data, format annotation, content) but `$anchor`, which the loader leaves out
 * (see `KNOWN_KEYWORDS`): ajv refuses it. */
const STANDARD_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$ref',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  '$defs',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'const',
  'enum',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

/** OpenAPI 3.1's own Schema Object keywords (§4.8.24), allowed beside `x-` extensions there. */
const OPENAPI_KEYWORDS: ReadonlySet<string> = new Set(['discriminator', 'xml', 'externalDocs', 'example']);

/** `schema` with only the keywords of the OpenAPI 3.1 schema dialect at every node: JSON Schema
 * 2020-12's, OpenAPI's own, and `x-` extensions (`x-translations` among them). */
export function openApiSchema(schema: JsonSchema): JsonSchema {
  const allowed = (keyword: string): boolean => STANDARD_KEYWORDS.has(keyword) || OPENAPI_KEYWORDS.has(keyword) || keyword.startsWith('x-');
  const node = Object.keys(schema).every(allowed) ? schema : Object.fromEntries(Object.entries(schema).filter(([keyword]) => allowed(keyword)));
  return mapSubschemas(node, (sub) => openApiSchema(sub));
}

/** Texts in other locales by locale, then JSON Pointer of the schema node in its file. */
export type MovedTranslations = Map<string, Map<string, JsonObject>>;

/**
 * `schema` with only standard keywords at every schema node; the `x-translations` found are
 * added to `moved` under `pointer` (the node's JSON Pointer in its file, `''` for the root).
 */
export function standardSchema(schema: JsonSchema, pointer: string, moved: MovedTranslations): JsonSchema {
  const translations = schema[TRANSLATIONS_KEYWORD];
  if (isJsonObject(translations)) {
    for (const [locale, texts] of Object.entries(translations)) {
      if (!isJsonObject(texts)) continue;
      if (!moved.has(locale)) moved.set(locale, new Map());
      moved.get(locale)!.set(pointer, texts as JsonObject);
    }
  }
  let node: JsonSchema = schema;
  if (Object.keys(schema).some((keyword) => !STANDARD_KEYWORDS.has(keyword))) {
    node = Object.fromEntries(Object.entries(schema).filter(([keyword]) => STANDARD_KEYWORDS.has(keyword)));
  }
  return mapSubschemas(node, (sub, at) => standardSchema(sub, `${pointer}/${at.map(escapeToken).join('/')}`, moved));
}

/** A JSON Pointer reference token (RFC 6901 §3). */
function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
