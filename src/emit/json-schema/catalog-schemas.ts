/**
 * The schemas a catalog declares, ready for an output place: shared schemas with their
 * title and description, and event payloads marked `deprecated` when the event is.
 */
import { TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { Catalog, EventType, JsonSchema, NamedSchema } from '../../model/types.js';
import { type JsonObject, schemaObject } from './json-object.js';
import { localizeSchema, placeSchema, rewriteSchema, type SchemaPlace } from './rewrite-schema.js';
import { annotationsOf, mergeTranslations } from './translations.js';

/** Keywords that only the document wrapping a schema may set. */
const DOCUMENT_KEYWORDS = new Set(['$schema', '$id', '$comment']);

/** A shared schema: its declared title/description first, then the schema itself. */
export function sharedSchemaBody(catalog: Catalog, named: NamedSchema, place: SchemaPlace): JsonObject {
  const annotations = annotationsOf(catalog, { title: named.title, description: named.description });
  const schema = withoutDocumentKeywords(rewriteSchema(named.schema, place));
  const translations = mergeTranslations(annotations[TRANSLATIONS_KEYWORD], schema[TRANSLATIONS_KEYWORD]);
  const out: JsonObject = { ...annotations, ...schema };
  for (const keyword of ['title', 'description'] as const) {
    const declared = annotations[keyword];
    if (declared !== undefined) out[keyword] = declared;
  }
  if (translations !== undefined) out[TRANSLATIONS_KEYWORD] = translations;
  return out;
}

/** The payload schema of `event` (the envelope's data field); `localized` is its payload
 * after `localizeSchema`, when several places share that step. */
export function payloadSchemaBody(event: EventType, place: SchemaPlace, localized = localizeSchema(event.payload, place.sourceLocale)): JsonObject {
  const schema = withoutDocumentKeywords(placeSchema(localized, place));
  return event.deprecated === undefined ? schema : { deprecated: true, ...schema };
}

function withoutDocumentKeywords(schema: JsonSchema): JsonObject {
  return Object.fromEntries(Object.entries(schemaObject(schema)).filter(([keyword]) => !DOCUMENT_KEYWORDS.has(keyword)));
}
