/**
 * The JSON Schema emitter: draft 2020-12 schemas under `<catalog-id>/schemas/` — one per
 * shared schema (`shared/<Name>`), per event payload (`payloads/<key>`), per delivered event
 * (`events/<key>`: envelope + payload) and a self-contained `bundle.schema.json` that
 * validates any delivery. Shared schemas are emitted once and referenced by relative `$ref`.
 * The files hold only standard keywords (see `json-schema/standard-keywords.ts`); texts in the
 * other locales are in `translations.json`, by locale, file and JSON Pointer.
 */
import type { Catalog } from '../model/types.js';
import { inCommonMark } from './description/index.js';
import type { Emitter, OutputFile } from './emitter.js';
import { bundleSchema } from './json-schema/bundle.js';
import { sharedSchemaBody } from './json-schema/catalog-schemas.js';
import { eventSchemaContext, eventSchemas } from './json-schema/event-schemas.js';
import { jsonText, setOwn, type JsonObject } from './json-schema/json-object.js';
import { SCHEMAS_FOLDER, schemaFile } from './json-schema/schema-files.js';
import { standardSchema, type MovedTranslations } from './json-schema/standard-keywords.js';

/** The file of translations beside the schemas. */
export const TRANSLATIONS_FILE = 'translations.json';

/** Every schema file of `catalog`, in a stable order: shared, then per event payload and event,
 * then the bundle, then the translations. */
export function emitJsonSchemas(catalog: Catalog): OutputFile[] {
  const context = eventSchemaContext(catalog);
  const translations = new Map<string, MovedTranslations>();
  const files: OutputFile[] = [];
  const add = (file: string, schema: JsonObject): void => {
    const moved: MovedTranslations = new Map();
    files.push({ path: `${catalog.id}/${SCHEMAS_FOLDER}/${file}`, contents: jsonText(standardSchema(schema, '', moved)) });
    if (moved.size > 0) translations.set(file, moved);
  };
  for (const named of catalog.schemas) {
    const file = schemaFile.shared(named.name);
    add(file, { ...context.header(file), ...sharedSchemaBody(catalog, named, context.fromFolder) });
  }
  const defs = catalog.events.map((event) => {
    const made = eventSchemas(event, context);
    add(schemaFile.payload(event.key), made.payloadFile);
    add(schemaFile.event(event.key), made.eventFile);
    return { payloadDef: made.payloadDef, eventDef: made.eventDef };
  });
  add(schemaFile.bundle, bundleSchema(context, defs));
  if (translations.size > 0) files.push({ path: `${catalog.id}/${SCHEMAS_FOLDER}/${TRANSLATIONS_FILE}`, contents: jsonText(byLocale(catalog, translations)) });
  return files;
}

/** `{ [locale]: { [file]: { [pointer]: { title?, description? } } } }`, locales in catalog order. */
function byLocale(catalog: Catalog, translations: ReadonlyMap<string, MovedTranslations>): JsonObject {
  const out: JsonObject = {};
  for (const locale of catalog.locales) {
    const forLocale: JsonObject = {};
    for (const [file, moved] of translations) {
      const texts = moved.get(locale);
      if (texts === undefined) continue;
      const byPointer: JsonObject = {};
      for (const [pointer, value] of texts) setOwn(byPointer, pointer, value);
      setOwn(forLocale, file, byPointer);
    }
    if (Object.keys(forLocale).length > 0) setOwn(out, locale, forLocale);
  }
  return out;
}

/** `--only schemas`: the JSON Schema files of a catalog. */
export const jsonSchemaEmitter: Emitter = {
  name: 'schemas',
  runFirst: true,
  emit: (catalog, options) => emitJsonSchemas(inCommonMark(catalog, options.descriptions)),
};
