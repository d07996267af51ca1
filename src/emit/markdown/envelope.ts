/**
 * The delivery envelope on a page: its fields (the type and data fields first, then the
 * catalog's envelope properties) and the full body of an example delivery.
 */
import type { Envelope, EventType, JsonSchema, JsonValue } from '../../model/types.js';
import { namedFieldRows, type FieldRow } from './field-table.js';
import type { TextPicker } from './local-text.js';
import { resolveRef, type SharedSchemas } from './schema-shape.js';

/** Rows of the envelope's own fields (the type and data fields get their description from
 * the page messages, see `typeFieldText`/`dataFieldText`). */
export function envelopeRows(envelope: Envelope, shared: SharedSchemas, text: TextPicker): FieldRow[] {
  return namedFieldRows(Object.entries(envelope.properties), new Set(envelope.required), shared, text, 'envelope');
}

/** A stand-in value for an envelope property in an example: the schema's own example,
 * default, const or first enum value, else a fixed value for its format or type. */
export function sampleValue(schema: JsonSchema, shared: SharedSchemas): JsonValue {
  const { schema: target } = resolveRef(schema, shared);
  const examples = target['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0] ?? null;
  for (const keyword of ['example', 'default', 'const'] as const) if (Object.hasOwn(target, keyword)) return target[keyword] ?? null;
  const values = target['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0] ?? null;
  const type = Array.isArray(target['type']) ? target['type'][0] : target['type'];
  switch (target['format']) {
    case 'uuid': return '00000000-0000-4000-8000-000000000000';
    case 'date-time': return '2026-01-01T00:00:00Z';
    case 'date': return '2026-01-01';
    case 'uri': case 'url': return 'https://example.com/';
    case 'email': return 'user@example.com';
  }
  switch (type) {
    case 'integer': case 'number': return 0;
    case 'boolean': return false;
    case 'array': return [];
    case 'object': return {};
    case 'null': return null;
    default: return 'string';
  }
}

/** The whole body of a delivery of `event` carrying `payload`: type field, envelope
 * properties (sample values), then the data field. */
export function deliveryBody(envelope: Envelope, event: EventType, payload: JsonValue, shared: SharedSchemas): JsonValue {
  const body: Record<string, JsonValue> = {};
  // defineProperty: a field named `__proto__` is a field like any other.
  const set = (name: string, value: JsonValue): void => {
    Object.defineProperty(body, name, { value, enumerable: true, writable: true, configurable: true });
  };
  set(envelope.typeField, event.key);
  for (const [name, schema] of Object.entries(envelope.properties)) {
    if (name !== envelope.typeField && name !== envelope.dataField) set(name, sampleValue(schema, shared));
  }
  set(envelope.dataField, payload);
  return body;
}
