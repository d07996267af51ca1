/**
 * The schema of one delivered event: the envelope (type field fixed to the event key with
 * `const`, the other envelope properties) around the payload, referenced from the data field.
 */
import type { Catalog, EventType, JsonSchema } from '../../model/types.js';
import { setOwn, type JsonObject } from './json-object.js';
import { localizeSchema, placeSchema, type SchemaPlace } from './rewrite-schema.js';
import { annotationsOf } from './translations.js';

/** The envelope's properties besides the type and data fields, localized: the same for every event. */
export type EnvelopeProperties = readonly (readonly [name: string, schema: JsonSchema])[];

/** `EnvelopeProperties` of `catalog`, to compute once for all its events. */
export function envelopeProperties(catalog: Catalog): EnvelopeProperties {
  const { typeField, dataField, properties } = catalog.envelope;
  return Object.entries(properties)
    .filter(([name]) => name !== typeField && name !== dataField)
    .map(([name, schema]) => [name, localizeSchema(schema, catalog.sourceLocale)] as const);
}

/** Envelope schema for `event`; `payloadRef` is where this output keeps its payload schema. */
export function eventSchemaBody(
  catalog: Catalog,
  event: EventType,
  payloadRef: string,
  place: SchemaPlace,
  envelope = envelopeProperties(catalog),
): JsonObject {
  const { typeField, dataField } = catalog.envelope;
  const properties: JsonObject = { [typeField]: { const: event.key } };
  for (const [name, schema] of envelope) setOwn(properties, name, placeSchema(schema, place));
  setOwn(properties, dataField, { $ref: payloadRef });
  const requiredNames = new Set([typeField, dataField, ...catalog.envelope.required]);
  const body: JsonObject = { ...annotationsOf(catalog, { title: event.title, description: event.description }) };
  if (event.deprecated !== undefined) body['deprecated'] = true;
  body['type'] = 'object';
  body['required'] = Object.keys(properties).filter((name) => requiredNames.has(name));
  body['properties'] = properties;
  return body;
}
