/**
 * Where the JSON Schema emitter puts each schema, under `<catalog-id>/schemas/`, and the
 * stable `$id` of each: `<root>/<version>/schemas/<file>`, where the root is the catalog's docs
 * URL when it has one, else `https://hookcat.dev/catalogs/<id>`. Files refer to each
 * other with relative `$ref`s, which resolve against these `$id`s.
 */
import type { Catalog } from '../../model/types.js';
import { keyFileName, schemaFileName } from '../../names/file-names.js';
import type { JsonObject } from './json-object.js';
import { generatedStamp } from './stamp.js';

/** JSON Schema draft 2020-12, the dialect of every generated schema. */
export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Folder of the schemas inside the catalog's output folder. */
export const SCHEMAS_FOLDER = 'schemas';

/** File paths relative to the schemas folder; keys and names become file names by the one
 * mapping of `src/names/file-names.ts` (`orders/create` -> `payloads/orders~create.schema.json`). */
export const schemaFile = {
  shared: (name: string): string => `shared/${schemaFileName(name)}.schema.json`,
  payload: (eventKey: string): string => `payloads/${keyFileName(eventKey)}.schema.json`,
  event: (eventKey: string): string => `events/${keyFileName(eventKey)}.schema.json`,
  /** The self-contained bundle of every delivered event. */
  bundle: 'bundle.schema.json',
} as const;

/** Base URI that the files' `$id`s share, ending in `/`. */
export function schemaBaseUri(catalog: Catalog): string {
  const root = catalog.docsUrl?.replace(/\/+$/, '') ?? `https://hookcat.dev/catalogs/${encodeURIComponent(catalog.id)}`;
  return `${root}/${encodeURIComponent(catalog.version)}/${SCHEMAS_FOLDER}/`;
}

/** `$schema`, `$id` and the generated stamp that open each file of one catalog (by its
 * schemas-folder relative path), computing what they share once. */
export function documentHeaders(catalog: Catalog): (file: string) => JsonObject {
  const base = schemaBaseUri(catalog);
  const stamp = generatedStamp(catalog);
  return (file) => ({ $schema: DRAFT_2020_12, $id: base + file, $comment: stamp });
}
