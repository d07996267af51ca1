/**
 * The schema of one delivered event in the catalog's delivery shape (for a batch: one item of
 * its list):
 * - envelope: the type field fixed to the event key with `const`, the other envelope properties,
 *   and the payload referenced from the data field, or, without a data field, beside them (`allOf`);
 * - bare: the payload itself, with the action field fixed to the event's action when there is one.
 */
import { itemForm } from '../../model/query.js';
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

/** Schema of `event` as delivered; `payloadRef` is where this output keeps its payload schema. */
export function eventSchemaBody(
  catalog: Catalog,
  event: EventType,
  payloadRef: string,
  place: SchemaPlace,
  envelope = envelopeProperties(catalog),
): JsonObject {
  const body: JsonObject = { ...annotationsOf(catalog, { title: event.title, description: event.description }) };
  if (event.deprecated !== undefined) body['deprecated'] = true;
  if (itemForm(catalog) === 'bare') return { ...body, ...bareBody(catalog, event, payloadRef) };
  const { typeField, dataField } = catalog.envelope;
  const properties: JsonObject = { [typeField]: { const: event.key } };
  for (const [name, schema] of envelope) setOwn(properties, name, placeSchema(schema, place));
  if (dataField !== undefined) setOwn(properties, dataField, { $ref: payloadRef });
  else body['allOf'] = [{ $ref: payloadRef }];
  const requiredNames = new Set([typeField, ...(dataField === undefined ? [] : [dataField]), ...catalog.envelope.required]);
  body['type'] = 'object';
  body['required'] = Object.keys(properties).filter((name) => requiredNames.has(name));
  body['properties'] = properties;
  return body;
}

/** A bare body: the payload, its action field fixed when the catalog has one. */
function bareBody(catalog: Catalog, event: EventType, payloadRef: string): JsonObject {
  const { actionField } = catalog.envelope;
  const { action } = event.deliveredAs;
  if (actionField === undefined || action === undefined) return { allOf: [{ $ref: payloadRef }] };
  const properties: JsonObject = {};
  setOwn(properties, actionField, { const: action });
  return { allOf: [{ $ref: payloadRef }], type: 'object', required: [actionField], properties };
}
