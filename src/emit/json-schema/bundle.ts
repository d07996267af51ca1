/**
 * One self-contained schema for every delivery of a catalog: a `oneOf` over the delivered
 * events, each told apart by the `const` of its type field, with shared, payload and event
 * schemas under `$defs` so a validator needs only this file.
 */
import type { Catalog } from '../../model/types.js';
import type { JsonObject } from './json-object.js';
import { catalogSchemaSet } from './schema-set.js';
import { annotationsOf } from './translations.js';

/** `$defs` names: shared schemas keep their name; `:` cannot occur in a name or an event key. */
export const bundleDef = {
  shared: (name: string): string => name,
  payload: (eventKey: string): string => `payload:${eventKey}`,
  event: (eventKey: string): string => `event:${eventKey}`,
} as const;

/** The bundle's body (without `$schema`/`$id`). */
export function bundleSchemaBody(catalog: Catalog): JsonObject {
  const defs = catalogSchemaSet(catalog, bundleDef, defRef);
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
