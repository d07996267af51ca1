/**
 * One self-contained schema for every delivery of a catalog: a `oneOf` over the delivered
 * events, each told apart by the `const` of its type field, with shared, payload and event
 * schemas under `$defs` so a validator needs only this file.
 */
import type { Catalog } from '../../model/types.js';
import type { JsonObject } from './json-object.js';
import { payloadSchemaBody, sharedSchemaBody } from './catalog-schemas.js';
import { eventSchemaBody } from './event-schema.js';
import type { SchemaPlace } from './rewrite-schema.js';
import { annotationsOf } from './translations.js';

/** `$defs` names: shared schemas keep their name; `:` cannot occur in a name or an event key. */
export const bundleDef = {
  shared: (name: string): string => name,
  payload: (eventKey: string): string => `payload:${eventKey}`,
  event: (eventKey: string): string => `event:${eventKey}`,
} as const;

/** The bundle's body (without `$schema`/`$id`). */
export function bundleSchemaBody(catalog: Catalog): JsonObject {
  const placeOf = (defName: string): SchemaPlace => ({
    sharedRef: (name) => defRef(bundleDef.shared(name)),
    root: defRef(defName),
    sourceLocale: catalog.sourceLocale,
  });
  const defs: JsonObject = {};
  for (const named of catalog.schemas) {
    const defName = bundleDef.shared(named.name);
    defs[defName] = sharedSchemaBody(catalog, named, placeOf(defName));
  }
  for (const event of catalog.events) {
    const payloadDef = bundleDef.payload(event.key);
    const eventDef = bundleDef.event(event.key);
    defs[payloadDef] = payloadSchemaBody(event, placeOf(payloadDef));
    defs[eventDef] = eventSchemaBody(catalog, event, defRef(payloadDef), placeOf(eventDef));
  }
  const body: JsonObject = annotationsOf(catalog, { title: catalog.title, description: catalog.description });
  if (catalog.events.length > 0) body['oneOf'] = catalog.events.map((event) => ({ $ref: defRef(bundleDef.event(event.key)) }));
  else body['not'] = {};
  body['$defs'] = defs;
  return body;
}

/** `#/$defs/<name>`, the name escaped as a JSON Pointer token (RFC 6901 §3). */
function defRef(name: string): string {
  return `#/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
