/**
 * The schema of one delivered event: the envelope (type field fixed to the event key with
 * `const`, the other envelope properties) around the payload, referenced from the data field.
 */
import type { Catalog, EventType } from '../../model/types.js';
import { setOwn, type JsonObject } from './json-object.js';
import { rewriteSchema, type SchemaPlace } from './rewrite-schema.js';
import { annotationsOf } from './translations.js';

/** Envelope schema for `event`; `payloadRef` is where this output keeps its payload schema. */
export function eventSchemaBody(catalog: Catalog, event: EventType, payloadRef: string, place: SchemaPlace): JsonObject {
  const { typeField, dataField } = catalog.envelope;
  const properties: JsonObject = { [typeField]: { const: event.key } };
  for (const [name, schema] of Object.entries(catalog.envelope.properties)) {
    if (name !== typeField && name !== dataField) setOwn(properties, name, rewriteSchema(schema, place));
  }
  setOwn(properties, dataField, { $ref: payloadRef });
  const requiredNames = new Set([typeField, dataField, ...catalog.envelope.required]);
  const body: JsonObject = { ...annotationsOf(catalog, { title: event.title, description: event.description }) };
  if (event.deprecated !== undefined) body['deprecated'] = true;
  body['type'] = 'object';
  body['required'] = Object.keys(properties).filter((name) => requiredNames.has(name));
  body['properties'] = properties;
  return body;
}
