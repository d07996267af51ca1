/**
 * One self-contained schema for every delivery of a catalog: a `oneOf` over the delivered
 * events, each told apart by the `const` of its type field, with shared, payload and event
 * schemas under `$defs` so a validator needs only this file.
 */
import { bundleDef, defRef } from './bundle-defs.js';
import { sharedSchemaBody } from './catalog-schemas.js';
import { deliveryBodySchema, propertyPointer } from './delivery-body.js';
import type { EventSchemaContext, EventSchemas } from './event-schemas.js';

/** What the bundle takes from each event. */
export type EventDefs = Pick<EventSchemas, 'payloadDef' | 'eventDef'>;
import { setOwn, type JsonObject } from './json-object.js';
import { schemaFile } from './schema-files.js';
import { annotationsOf } from './translations.js';

/** The bundle schema, given the schemas of every event in catalog order. */
export function bundleSchema(context: EventSchemaContext, events: readonly EventDefs[]): JsonObject {
  const { catalog } = context;
  const bundle: JsonObject = { ...context.header(schemaFile.bundle), ...annotationsOf(catalog, { title: catalog.title, description: catalog.description }) };
  const eventRefs = catalog.events.map((event) => defRef(bundleDef.event(event.key)));
  Object.assign(
    bundle,
    deliveryBodySchema(catalog, eventRefs, (field) => ({ ...context.fromRoot, root: propertyPointer('#', field) })),
  );
  const defs: JsonObject = {};
  for (const named of catalog.schemas) {
    const name = bundleDef.shared(named.name);
    setOwn(defs, name, sharedSchemaBody(catalog, named, context.defPlace(name)));
  }
  catalog.events.forEach((event, i) => {
    const schemas = events[i]!;
    setOwn(defs, bundleDef.payload(event.key), schemas.payloadDef);
    setOwn(defs, bundleDef.event(event.key), schemas.eventDef);
  });
  bundle['$defs'] = defs;
  return bundle;
}
