/**
 * A catalog example as it is delivered: the payload wrapped in the envelope, with envelope
 * values (ids, timestamps) made up deterministically from the example, so output is stable.
 */
import { createHash } from 'node:crypto';
import { sharedSchemaName } from '../model/query.js';
import type { Catalog, EventType, Example, JsonSchema, JsonValue } from '../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-schema/json-object.js';

/** The fixed instant every example delivery claims to have been created at. */
export const EXAMPLE_TIME = '2026-01-01T12:00:00Z';

/** The delivered body for `example`: type field, other envelope properties, data field. */
export function deliveryBody(catalog: Catalog, event: EventType, example: Example): JsonObject {
  const { typeField, dataField, properties } = catalog.envelope;
  const seed = `${catalog.id}/${event.key}/${example.name}`;
  const body: JsonObject = {};
  setOwn(body, typeField, event.key);
  for (const [name, schema] of Object.entries(properties)) {
    if (name === typeField || name === dataField) continue;
    const value = sampleValue(catalog, schema, `${seed}/${name}`, 0);
    if (value !== undefined) setOwn(body, name, value);
  }
  setOwn(body, dataField, example.payload);
  return body;
}

/** A value that `schema` accepts, chosen from the schema itself where it offers one. */
function sampleValue(catalog: Catalog, schema: JsonSchema, seed: string, depth: number): JsonValue | undefined {
  if (depth > 8) return undefined;
  const shared = sharedSchemaName(schema['$ref']);
  if (shared !== undefined) {
    const target = catalog.schemas.find((s) => s.name === shared);
    return target === undefined ? undefined : sampleValue(catalog, target.schema, seed, depth + 1);
  }
  if ('const' in schema) return schema['const'];
  if (schema['default'] !== undefined) return schema['default'];
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[0];
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'string':
      return sampleString(schema, seed);
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [];
    case 'object':
      return sampleObject(catalog, schema, seed, depth);
    default:
      return undefined;
  }
}

function sampleObject(catalog: Catalog, schema: JsonSchema, seed: string, depth: number): JsonObject {
  const out: JsonObject = {};
  const properties = schema['properties'];
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  if (!isJsonObject(properties)) return out;
  for (const [name, sub] of Object.entries(properties)) {
    if (!required.includes(name) || !isJsonObject(sub)) continue;
    const value = sampleValue(catalog, sub, `${seed}/${name}`, depth + 1);
    if (value !== undefined) setOwn(out, name, value);
  }
  return out;
}

function sampleString(schema: JsonSchema, seed: string): string {
  switch (schema['format']) {
    case 'uuid':
      return uuidFrom(seed);
    case 'date-time':
      return EXAMPLE_TIME;
    case 'date':
      return EXAMPLE_TIME.slice(0, 10);
    case 'email':
      return 'receiver@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    default:
      return `${hashHex(seed).slice(0, 16)}`;
  }
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
