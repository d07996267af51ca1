/**
 * Everything the JSON Schema emitter writes for one event, as text: its payload and event
 * files, its two `$defs` members and its `oneOf` item in the bundle. Kept per event (see
 * `memo.ts`) while the catalog's header, locales and envelope stay the same.
 */
import type { Catalog, EventType } from '../../model/types.js';
import { bundleDef, defRef } from './bundle-defs.js';
import { payloadSchemaBody } from './catalog-schemas.js';
import { envelopeProperties, eventSchemaBody, type EnvelopeProperties } from './event-schema.js';
import type { JsonObject } from './json-object.js';
import { keptJsonItem, keptJsonMember } from './json-text.js';
import { contextToken, EventMemo } from './memo.js';
import { localizeSchema, type SchemaPlace } from './rewrite-schema.js';
import { documentHeaders, schemaFile } from './schema-files.js';
import { jsonText } from './json-object.js';

export interface EventSchemaTexts {
  readonly payloadFile: string;
  readonly eventFile: string;
  /** Members of the bundle's `$defs` (depth 1). */
  readonly payloadDef: string;
  readonly eventDef: string;
  /** Item of the bundle's `oneOf` (depth 1). */
  readonly oneOfItem: string;
}

/** What the texts of every event of one emit share. */
export interface SchemaTextContext {
  readonly catalog: Catalog;
  readonly token: object;
  readonly header: (file: string) => JsonObject;
  readonly fromFolder: SchemaPlace;
  readonly defPlace: (name: string) => SchemaPlace;
  envelope: EnvelopeProperties | undefined;
}

const memo = new EventMemo<EventSchemaTexts>();

/** The context of one emit of `catalog`. */
export function schemaTextContext(catalog: Catalog): SchemaTextContext {
  const { id, version, docsUrl, sourceLocale, locales } = catalog;
  const { typeField, dataField, properties, required } = catalog.envelope;
  const token = contextToken({ id, version, docsUrl, sourceLocale, locales, envelope: { typeField, dataField, properties, required } });
  const sharedDef = (name: string): string => defRef(bundleDef.shared(name));
  return {
    catalog,
    token,
    header: documentHeaders(catalog),
    fromFolder: { sharedRef: (name) => `../${schemaFile.shared(name)}`, root: '#', sourceLocale },
    defPlace: (name) => ({ sharedRef: sharedDef, root: defRef(name), sourceLocale }),
    envelope: undefined,
  };
}

/** The texts of `event`, made once per event and context. */
export function eventSchemaTexts(event: EventType, context: SchemaTextContext): EventSchemaTexts {
  return memo.get(event, context.token, () => makeTexts(event, context));
}

function makeTexts(event: EventType, context: SchemaTextContext): EventSchemaTexts {
  const { catalog, header, fromFolder, defPlace } = context;
  const envelope = (context.envelope ??= envelopeProperties(catalog));
  const localized = localizeSchema(event.payload, catalog.sourceLocale);
  const payloadPath = schemaFile.payload(event.key);
  const eventPath = schemaFile.event(event.key);
  const payloadName = bundleDef.payload(event.key);
  const eventName = bundleDef.event(event.key);
  return {
    payloadFile: jsonText({ ...header(payloadPath), ...payloadSchemaBody(event, fromFolder, localized) }),
    eventFile: jsonText({ ...header(eventPath), ...eventSchemaBody(catalog, event, `../${payloadPath}`, fromFolder, envelope) }),
    payloadDef: keptJsonMember(payloadName, payloadSchemaBody(event, defPlace(payloadName), localized), 1),
    eventDef: keptJsonMember(eventName, eventSchemaBody(catalog, event, defRef(payloadName), defPlace(eventName), envelope), 1),
    oneOfItem: keptJsonItem({ $ref: defRef(eventName) }, 1),
  };
}
