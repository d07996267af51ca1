/**
 * The JSON Schema emitter: draft 2020-12 schemas under `<catalog-id>/schemas/` — one per
 * shared schema (`shared/<Name>`), per event payload (`payloads/<key>`), per delivered event
 * (`events/<key>`: envelope + payload) and a self-contained `bundle.schema.json` that
 * validates any delivery. Shared schemas are emitted once and referenced by relative `$ref`.
 */
import type { Catalog } from '../model/types.js';
import type { Emitter, OutputFile } from './emitter.js';
import { bundleSchema } from './json-schema/bundle.js';
import { sharedSchemaBody } from './json-schema/catalog-schemas.js';
import { eventSchemaContext, eventSchemas } from './json-schema/event-schemas.js';
import { jsonText } from './json-schema/json-object.js';
import { SCHEMAS_FOLDER, schemaFile } from './json-schema/schema-files.js';

/** Every schema file of `catalog`, in a stable order: shared, then per event payload and event, then the bundle. */
export function emitJsonSchemas(catalog: Catalog): OutputFile[] {
  const context = eventSchemaContext(catalog);
  const pathOf = (file: string): string => `${catalog.id}/${SCHEMAS_FOLDER}/${file}`;
  const files: OutputFile[] = catalog.schemas.map((named) => {
    const file = schemaFile.shared(named.name);
    return { path: pathOf(file), contents: jsonText({ ...context.header(file), ...sharedSchemaBody(catalog, named, context.fromFolder) }) };
  });
  const schemas = catalog.events.map((event) => {
    const made = eventSchemas(event, context);
    files.push(
      { path: pathOf(schemaFile.payload(event.key)), contents: jsonText(made.payloadFile) },
      { path: pathOf(schemaFile.event(event.key)), contents: jsonText(made.eventFile) },
    );
    return { payloadDef: made.payloadDef, eventDef: made.eventDef };
  });
  files.push({ path: pathOf(schemaFile.bundle), contents: jsonText(bundleSchema(context, schemas)) });
  return files;
}

/** `--only schemas`: the JSON Schema files of a catalog. */
export const jsonSchemaEmitter: Emitter = {
  name: 'schemas',
  runFirst: true,
  emit: (catalog) => emitJsonSchemas(catalog),
};
