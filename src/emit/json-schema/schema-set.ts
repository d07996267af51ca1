/**
 * Every schema of a catalog under the names one document gives them: shared schemas, payloads
 * and delivered events. The bundle keeps them under `$defs`, the OpenAPI fragment under
 * `components.schemas`; only the names and the form of a reference differ.
 */
import type { Catalog } from '../../model/types.js';
import { payloadSchemaBody, sharedSchemaBody } from './catalog-schemas.js';
import { eventSchemaBody } from './event-schema.js';
import type { JsonObject } from './json-object.js';
import type { SchemaPlace } from './rewrite-schema.js';

/** The name a document gives each kind of schema. */
export interface SchemaNames {
  shared(name: string): string;
  payload(eventKey: string): string;
  event(eventKey: string): string;
}

/** Where a schema named `name` stands, for rewriting its refs; `refTo` makes a `$ref` to a name. */
export function schemaPlaces(catalog: Catalog, names: SchemaNames, refTo: (name: string) => string): (name: string) => SchemaPlace {
  return (name) => ({ sharedRef: (shared) => refTo(names.shared(shared)), root: refTo(name), sourceLocale: catalog.sourceLocale });
}

/** Shared schemas, then each event's payload and delivered-event schema, in catalog order. */
export function catalogSchemaSet(catalog: Catalog, names: SchemaNames, refTo: (name: string) => string): JsonObject {
  const placeOf = schemaPlaces(catalog, names, refTo);
  const schemas: JsonObject = {};
  for (const named of catalog.schemas) {
    const name = names.shared(named.name);
    schemas[name] = sharedSchemaBody(catalog, named, placeOf(name));
  }
  for (const event of catalog.events) {
    const payload = names.payload(event.key);
    const delivered = names.event(event.key);
    schemas[payload] = payloadSchemaBody(event, placeOf(payload));
    schemas[delivered] = eventSchemaBody(catalog, event, refTo(payload), placeOf(delivered));
  }
  return schemas;
}
