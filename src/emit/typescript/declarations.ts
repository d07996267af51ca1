/** One type declaration per event payload and per shared schema. */
import { textIn } from '../../model/query.js';
import type { Catalog, Localized } from '../../model/types.js';
import { eventDoc } from './event-doc.js';
import type { TypeNames } from './naming.js';
import { schemaDoc, schemaToType, type SchemaNameLookup } from './schema-to-type.js';
import type { TypeDeclaration } from './type-writer.js';

/** The payload type of each event, in catalog order. */
export function payloadDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const lookup = schemaLookup(names, catalog);
  return catalog.events.map((event) => ({
    name: names.payloads.get(event.key)!,
    doc: eventDoc(catalog, event, names),
    type: schemaToType(event.payload, lookup),
  }));
}

/** Shared schema types, in declaration order. */
export function schemaDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const lookup = schemaLookup(names, catalog);
  const text = (value: Localized | undefined): string | undefined => (value === undefined ? undefined : textIn(value, catalog.sourceLocale));
  return catalog.schemas.map((schema) => ({
    name: names.schemas.get(schema.name)!,
    doc: schemaDoc(schema.schema, text(schema.title), text(schema.description)),
    type: schemaToType(schema.schema, lookup),
  }));
}

/** Resolves `#/schemas/<name>` refs to the names given by `assignTypeNames`, and to the schemas. */
export function schemaLookup(names: TypeNames, catalog: Catalog): SchemaNameLookup {
  const schemas = new Map(catalog.schemas.map((shared) => [shared.name, shared.schema]));
  return Object.assign((name: string) => names.schemas.get(name), { schemaOf: (name: string) => schemas.get(name) });
}
