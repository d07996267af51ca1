/**
 * The schema of a whole delivery body, in the catalog's delivery shape: one of the catalog's
 * events (`oneOf` when the type field tells them apart, `anyOf` for bare bodies, which only a
 * header tells apart), or, for a batch, the list of them with the body's other fields.
 */
import { itemForm } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import { setOwn, type JsonObject } from './json-object.js';
import { localizeSchema, placeSchema, type SchemaPlace } from './rewrite-schema.js';

/** `eventRefs`: where this output keeps each event's delivered schema; `placeOf(field)`: where
 * the schema of the body's own field `field` stands. */
export function deliveryBodySchema(catalog: Catalog, eventRefs: readonly string[], placeOf: (field: string) => SchemaPlace): JsonObject {
  const items = eventRefs.map(($ref) => ({ $ref }));
  const oneEvent: JsonObject = items.length === 0 ? { not: {} } : { [itemForm(catalog) === 'bare' ? 'anyOf' : 'oneOf']: items };
  const batch = catalog.envelope.batch;
  if (catalog.envelope.shape !== 'batch' || batch === undefined) return oneEvent;
  const list: JsonObject = { type: 'array', items: oneEvent };
  if (batch.field === undefined) return list;
  const properties: JsonObject = {};
  setOwn(properties, batch.field, list);
  for (const [name, schema] of Object.entries(batch.properties)) {
    if (name !== batch.field) setOwn(properties, name, placeSchema(localizeSchema(schema, catalog.sourceLocale), placeOf(name)));
  }
  const required = new Set([batch.field, ...batch.required]);
  return { type: 'object', required: Object.keys(properties).filter((name) => required.has(name)), properties };
}

/** `<root>/properties/<field>`, the field escaped as a JSON Pointer token (RFC 6901 §3). */
export function propertyPointer(root: string, field: string): string {
  return `${root}/properties/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
