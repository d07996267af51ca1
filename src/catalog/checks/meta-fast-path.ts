/**
 * The meta-schema check's fast path. ajv checks each payload schema against the JSON Schema
 * 2020-12 meta-schema in about 25 µs (a quarter of a second for 10,000 events); reading the
 * keywords payload schemas use takes a few. For a schema made only of the keywords below, with
 * values of the shapes the meta-schema asks for (the formats `regex` and `uri-reference` tested
 * with ajv's own format definitions), ajv's answer is "valid" for sure. Anything else (another
 * keyword the meta-schema constrains, such as `$id` or `$schema`, or a value of another shape)
 * answers "not sure", and ajv checks the schema as before, so every problem reported is still
 * ajv's. Keywords the meta-schema does not define (`x-translations`) constrain nothing.
 * `test/catalog/checks/meta-fast-path.test.ts` holds it to ajv's verdicts.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { formatCheck } from './example-fast-path.js';

type Shape =
  | 'schema'
  | 'schemas'
  | 'schemaMap'
  | 'string'
  | 'boolean'
  | 'array'
  | 'any'
  | 'number'
  | 'positive'
  | 'count'
  | 'type'
  | 'names'
  | 'regex'
  | 'uriReference';

/** The keywords decided here and the shape of their values (see ajv's refs/json-schema-2020-12). */
const SHAPES = new Map<string, Shape>([
  ...(
    [
      'items',
      'contains',
      'additionalProperties',
      'propertyNames',
      'if',
      'then',
      'else',
      'not',
      'unevaluatedItems',
      'unevaluatedProperties',
      'contentSchema',
    ] as const
  ).map((k) => [k, 'schema'] as const),
  ...(['prefixItems', 'allOf', 'anyOf', 'oneOf'] as const).map((k) => [k, 'schemas'] as const),
  ...(['properties', '$defs', 'dependentSchemas'] as const).map((k) => [k, 'schemaMap'] as const),
  ...(['title', 'description', '$comment', 'format', 'contentEncoding', 'contentMediaType'] as const).map((k) => [k, 'string'] as const),
  ...(['deprecated', 'readOnly', 'writeOnly', 'uniqueItems'] as const).map((k) => [k, 'boolean'] as const),
  ...(['enum', 'examples'] as const).map((k) => [k, 'array'] as const),
  ...(['const', 'default'] as const).map((k) => [k, 'any'] as const),
  ...(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const).map((k) => [k, 'number'] as const),
  ...(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties'] as const).map(
    (k) => [k, 'count'] as const,
  ),
  ['multipleOf', 'positive'],
  ['type', 'type'],
  ['required', 'names'],
  ['pattern', 'regex'],
  ['$ref', 'uriReference'],
]);

/** Other keywords the meta-schema constrains: not decided here. */
const UNDECIDED = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  'patternProperties',
  'dependentRequired',
  'definitions',
  'dependencies',
  '$recursiveAnchor',
  '$recursiveRef',
]);

const TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const MAX_DEPTH = 100;
/** Format answers kept per text; cleared when there are this many (texts differ per catalog). */
const MAX_KEPT = 10_000;

/** Whether ajv (`validateSchema`, `ajv`'s formats) surely finds `schema` valid; false: not sure. */
export type MetaFastPath = (schema: unknown) => boolean;

export function metaFastPath(ajv: Ajv2020): MetaFastPath {
  const format = (name: string): ((text: string) => boolean) | undefined => {
    const check = formatCheck(Object.hasOwn(ajv.formats, name) ? ajv.formats[name] : undefined);
    if (check === null || check.type !== 'string') return undefined;
    const kept = new Map<string, boolean>();
    return (text) => {
      let known = kept.get(text);
      if (known === undefined) {
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(text, (known = check.test(text as never)));
      }
      return known;
    };
  };
  const regex = format('regex');
  const uriReference = format('uri-reference');

  const valid = (schema: unknown, depth: number): boolean => {
    if (typeof schema === 'boolean') return true;
    if (!isRecord(schema) || depth > MAX_DEPTH) return false;
    for (const keyword of Object.keys(schema)) {
      const shape = SHAPES.get(keyword);
      if (shape === undefined ? UNDECIDED.has(keyword) : !fits(shape, schema[keyword], depth)) return false;
    }
    return true;
  };

  const fits = (shape: Shape, value: unknown, depth: number): boolean => {
    switch (shape) {
      case 'schema':
        return valid(value, depth + 1);
      case 'schemas':
        return Array.isArray(value) && value.length > 0 && value.every((item) => valid(item, depth + 1));
      case 'schemaMap':
        return isRecord(value) && Object.keys(value).every((name) => valid(value[name], depth + 1));
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'array':
        return Array.isArray(value);
      case 'any':
        return true;
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'positive':
        return typeof value === 'number' && Number.isFinite(value) && value > 0;
      case 'count':
        return Number.isSafeInteger(value) && (value as number) >= 0;
      case 'type':
        return typeof value === 'string' ? TYPES.has(value) : uniqueStrings(value) && value.length > 0 && value.every((t) => TYPES.has(t));
      case 'names':
        return uniqueStrings(value);
      case 'regex':
        return typeof value === 'string' && regex !== undefined && regex(value);
      case 'uriReference':
        return typeof value === 'string' && uriReference !== undefined && uriReference(value);
    }
  };

  return (schema) => valid(schema, 0);
}

function uniqueStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') && new Set(value).size === value.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
