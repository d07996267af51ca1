/**
 * Where each schema of a catalog stands in a document that holds them all under names: the
 * bundle keeps them under `$defs`, the OpenAPI fragment under `components.schemas`; only the
 * names and the form of a reference differ.
 */
import type { Catalog } from '../../model/types.js';
import type { SchemaPlace } from './rewrite-schema.js';

/** The name a document gives each kind of schema. */
export interface SchemaNames {
  shared(name: string): string;
  payload(eventKey: string): string;
  event(eventKey: string): string;
}

/** Where a schema named `name` stands, for rewriting its refs; `refTo` makes a `$ref` to a name. */
export function schemaPlaces(catalog: Catalog, names: SchemaNames, refTo: (name: string) => string): (name: string) => SchemaPlace {
  return (name) => ({
    sharedRef: (shared) => refTo(names.shared(shared)),
    root: refTo(name),
    sourceLocale: catalog.sourceLocale,
    sharedName: (shared) => names.shared(shared),
  });
}
