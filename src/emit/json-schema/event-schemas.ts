/**
 * What the JSON Schema emitter writes for one event: its payload and event schemas as files,
 * and as members of the bundle's `$defs`.
 */
import type { Catalog, EventType } from '../../model/types.js';
import { bundleDef, defRef } from './bundle-defs.js';
import { payloadSchemaBody } from './catalog-schemas.js';
import { envelopeProperties, eventSchemaBody, type EnvelopeProperties } from './event-schema.js';
import type { JsonObject } from './json-object.js';
import { localizeSchema, type SchemaPlace } from './rewrite-schema.js';
import { documentHeaders, schemaFile } from './schema-files.js';

/** What the schemas of every event of one catalog share. */
export interface EventSchemaContext {
  readonly catalog: Catalog;
  readonly header: (file: string) => JsonObject;
  readonly fromFolder: SchemaPlace;
  readonly defPlace: (name: string) => SchemaPlace;
  /** The bundle's root, where shared schemas are `$defs`. */
  readonly fromRoot: SchemaPlace;
  readonly envelope: EnvelopeProperties;
}

export interface EventSchemas {
  readonly payloadFile: JsonObject;
  readonly eventFile: JsonObject;
  readonly payloadDef: JsonObject;
  readonly eventDef: JsonObject;
}

/** The context of one emit of `catalog`. */
export function eventSchemaContext(catalog: Catalog): EventSchemaContext {
  const { sourceLocale } = catalog;
  const sharedDef = (name: string): string => defRef(bundleDef.shared(name));
  return {
    catalog,
    header: documentHeaders(catalog),
    fromFolder: { sharedRef: (name) => `../${schemaFile.shared(name)}`, root: '#', sourceLocale },
    defPlace: (name) => ({ sharedRef: sharedDef, root: defRef(name), sourceLocale }),
    fromRoot: { sharedRef: sharedDef, root: '#', sourceLocale },
    envelope: envelopeProperties(catalog),
  };
}

/** The payload and event schemas of `event`, as files and as bundle members. */
export function eventSchemas(event: EventType, context: EventSchemaContext): EventSchemas {
  const { catalog, header, fromFolder, defPlace, envelope } = context;
  const localized = localizeSchema(event.payload, catalog.sourceLocale);
  const payloadPath = schemaFile.payload(event.key);
  const payloadName = bundleDef.payload(event.key);
  const eventName = bundleDef.event(event.key);
  return {
    payloadFile: { ...header(payloadPath), ...payloadSchemaBody(event, fromFolder, localized) },
    eventFile: { ...header(schemaFile.event(event.key)), ...eventSchemaBody(catalog, event, `../${payloadPath}`, fromFolder, envelope) },
    payloadDef: payloadSchemaBody(event, defPlace(payloadName), localized),
    eventDef: eventSchemaBody(catalog, event, defRef(payloadName), defPlace(eventName), envelope),
  };
}
