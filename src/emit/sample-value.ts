/**
 * A value a JSON Schema accepts, made up deterministically, for the envelope fields of example
 * deliveries. Taken from the schema where it offers one (`const`, `default`, `examples`, `enum`),
 * otherwise built from its type and the constraints listed here: string formats (`uuid`,
 * `date-time`, `date`, `time`, `email`, `uri`, `url`, `uri-reference`, `hostname`, `ipv4`,
 * `ipv6`), `minLength`/`maxLength`, number ranges and integer `multipleOf`, `minItems` (of any
 * value when the items are not described), and the required properties of an object (those
 * `properties` does not list from `additionalProperties`). A schema without `type` gets null,
 * which every keyword listed here lets through. A schema with any other constraint (`pattern`,
 * another format, a combinator...) must give a value itself: the catalog check HC332 asks for one,
 * and for a format whose value does not fit its length limits.
 */
import { createHash } from 'node:crypto';
import { sharedSchemaName } from '../model/query.js';
import type { Catalog, JsonSchema, JsonValue } from '../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-schema/json-object.js';

/** The fixed instant every example delivery claims to have been created at. */
export const EXAMPLE_TIME = '2026-01-01T12:00:00Z';

const MAX_DEPTH = 8;

/** A value `schema` accepts; undefined when none can be made (a shared schema that is missing, or too deep). */
export function sampleValue(catalog: Catalog, schema: JsonSchema, seed: string, depth = 0): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // A value the schema offers beside a reference (`{$ref, examples}`) is taken before the reference.
  if ('const' in schema) return schema['const'];
  if (schema['default'] !== undefined) return schema['default'];
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[0];
  const shared = sharedSchemaName(schema['$ref']);
  if (shared !== undefined) {
    const target = catalog.schemas.find((s) => s.name === shared);
    return target === undefined ? undefined : sampleValue(catalog, target.schema, seed, depth + 1);
  }
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string':
      return sampleString(schema, seed);
    case 'integer':
    case 'number':
      return sampleNumber(schema, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return sampleArray(catalog, schema, seed, depth);
    case 'object':
      return sampleObject(catalog, schema, seed, depth);
    case undefined:
      // Without `type`, every keyword the sampler knows applies to one type only, so null passes
      // them all (those it does not know, HC332 asks a value for).
      return null;
    default:
      return undefined;
  }
}

function sampleObject(catalog: Catalog, schema: JsonSchema, seed: string, depth: number): JsonObject {
  const out: JsonObject = {};
  const properties = schema['properties'];
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  const listed = isJsonObject(properties) ? properties : {};
  for (const [name, sub] of Object.entries(listed)) {
    // `true` takes any value; `false` none.
    if (!required.includes(name) || sub === false) continue;
    const value = sampleValue(catalog, isJsonObject(sub) ? sub : {}, `${seed}/${name}`, depth + 1);
    if (value !== undefined) setOwn(out, name, value);
  }
  // A required name `properties` does not list takes what `additionalProperties` allows.
  const others = schema['additionalProperties'];
  for (const name of required) {
    if (typeof name !== 'string' || Object.hasOwn(listed, name) || others === false) continue;
    const value = isJsonObject(others) ? sampleValue(catalog, others, `${seed}/${name}`, depth + 1) : null;
    if (value !== undefined) setOwn(out, name, value);
  }
  return out;
}

function sampleArray(catalog: Catalog, schema: JsonSchema, seed: string, depth: number): JsonValue[] {
  const count = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  // No `items`, or `items: true`: any value will do.
  const items = isJsonObject(schema['items']) ? schema['items'] : {};
  if (count === 0) return [];
  const out: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const value = sampleValue(catalog, items, `${seed}/${i}`, depth + 1);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const number = (keyword: string): number | undefined => (typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined);
  const step = integer ? 1 : 0.5;
  const minimum = number('minimum');
  const exclusiveMinimum = number('exclusiveMinimum');
  const maximum = number('maximum');
  const exclusiveMaximum = number('exclusiveMaximum');
  let value = minimum ?? (exclusiveMinimum === undefined ? 1 : exclusiveMinimum + step);
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) value = exclusiveMinimum + step;
  if (integer) value = Math.ceil(value);
  const multipleOf = number('multipleOf');
  // Below a maximum, the largest whole multiple of `unit` (1 for an integer) that fits.
  const unit = multipleOf !== undefined && Number.isInteger(multipleOf) && multipleOf > 0 ? multipleOf : integer ? 1 : undefined;
  if (multipleOf !== undefined && unit === multipleOf) value = Math.ceil(value / multipleOf) * multipleOf;
  if (maximum !== undefined && value > maximum) value = unit === undefined ? maximum : Math.floor(maximum / unit) * unit;
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum)
    value = unit === undefined ? exclusiveMaximum - step : (Math.ceil(exclusiveMaximum / unit) - 1) * unit;
  return value;
}

/** Formats the sampler writes; any other format needs an `examples` value in the catalog. */
export const SAMPLED_FORMATS: ReadonlySet<string> = new Set([
  'uuid',
  'date-time',
  'date',
  'time',
  'email',
  'uri',
  'url',
  'uri-reference',
  'hostname',
  'ipv4',
  'ipv6',
]);

function sampleString(schema: JsonSchema, seed: string): string {
  switch (schema['format']) {
    case 'uuid':
      return uuidFrom(seed);
    case 'date-time':
      return EXAMPLE_TIME;
    case 'date':
      return EXAMPLE_TIME.slice(0, 10);
    case 'time':
      return EXAMPLE_TIME.slice(11);
    case 'email':
      return 'receiver@example.com';
    case 'uri':
    case 'url':
    case 'uri-reference':
      return 'https://example.com/';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    default:
      return textOfLength(schema, seed);
  }
}

/** Hex text from `seed`, 16 characters long or as near as `minLength`/`maxLength` allow. */
function textOfLength(schema: JsonSchema, seed: string): string {
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Number.POSITIVE_INFINITY;
  const length = Math.min(Math.max(16, min), max);
  let text = hashHex(seed);
  for (let i = 1; text.length < length; i++) text += hashHex(`${seed}/${i}`);
  return text.slice(0, length);
}

/** A UUID in RFC 9562 version-4 layout whose bits come from a hash of `seed` (stable, not random). */
export function uuidFrom(seed: string): string {
  const hex = hashHex(seed);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function hashHex(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}
