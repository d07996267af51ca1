/** One type declaration per event payload and per shared schema. */
import { textIn } from '../../model/query.js';
import type { Catalog, EventType, Localized } from '../../model/types.js';
import { eventDoc } from './event-doc.js';
import type { TypeNames } from './naming.js';
import { schemaDoc, schemaToType, type SchemaNameLookup } from './schema-to-type.js';
import type { TypeDeclaration } from './type-writer.js';

/** The payload type of `event`. */
export function payloadDeclaration(catalog: Catalog, event: EventType, names: TypeNames): TypeDeclaration {
  return {
    name: names.payloads.get(event.key)!,
    doc: eventDoc(catalog, event, names),
    type: schemaToType(event.payload, schemaLookup(names)),
  };
}

/** Shared schema types, in declaration order. */
export function schemaDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const lookup = schemaLookup(names);
  const text = (value: Localized | undefined): string | undefined => (value === undefined ? undefined : textIn(value, catalog.sourceLocale));
  return catalog.schemas.map((schema) => ({
    name: names.schemas.get(schema.name)!,
    doc: schemaDoc(schema.schema, text(schema.title), text(schema.description)),
    type: schemaToType(schema.schema, lookup),
  }));
}

/** Resolves `#/schemas/<name>` refs to the names given by `assignTypeNames`. */
export function schemaLookup(names: TypeNames): SchemaNameLookup {
  return (name) => names.schemas.get(name);
}
