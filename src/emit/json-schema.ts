/**
 * The JSON Schema emitter: draft 2020-12 schemas under `<catalog-id>/schemas/` — one per
 * shared schema (`shared/<Name>`), per event payload (`payloads/<key>`), per delivered event
 * (`events/<key>`: envelope + payload) and a self-contained `bundle.schema.json` that
 * validates any delivery. Shared schemas are emitted once and referenced by relative `$ref`.
 */
import type { Catalog, JsonValue } from '../model/types.js';
import type { Emitter, OutputFile } from './emitter.js';
import { bundleSchemaBody } from './json-schema/bundle.js';
import { payloadSchemaBody, sharedSchemaBody } from './json-schema/catalog-schemas.js';
import { eventSchemaBody } from './json-schema/event-schema.js';
import { jsonText, type JsonObject } from './json-schema/json-object.js';
import type { SchemaPlace } from './json-schema/rewrite-schema.js';
import { SCHEMAS_FOLDER, documentHeader, schemaFile } from './json-schema/schema-files.js';

/** Every schema file of `catalog`, in a stable order: shared, then per event payload and event, then the bundle. */
export function emitJsonSchemas(catalog: Catalog): OutputFile[] {
  const files: OutputFile[] = [];
  const add = (file: string, body: JsonObject): void => {
    const document: JsonValue = { ...documentHeader(catalog, file), ...body };
    files.push({ path: `${catalog.id}/${SCHEMAS_FOLDER}/${file}`, contents: jsonText(document) });
  };
  const fromFolder = (prefix: string): SchemaPlace => ({
    sharedRef: (name) => prefix + schemaFile.shared(name),
    root: '#',
    sourceLocale: catalog.sourceLocale,
  });
  for (const named of catalog.schemas) {
    add(schemaFile.shared(named.name), sharedSchemaBody(catalog, named, fromFolder('../')));
  }
  for (const event of catalog.events) {
    add(schemaFile.payload(event.key), payloadSchemaBody(event, fromFolder('../')));
    const payloadRef = `../${schemaFile.payload(event.key)}`;
    add(schemaFile.event(event.key), eventSchemaBody(catalog, event, payloadRef, fromFolder('../')));
  }
  add(schemaFile.bundle, bundleSchemaBody(catalog));
  return files;
}

/** `--only schemas`: the JSON Schema files of a catalog. */
export const jsonSchemaEmitter: Emitter = {
  name: 'schemas',
  emit: (catalog) => emitJsonSchemas(catalog),
};
