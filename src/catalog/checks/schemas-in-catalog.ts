/** Every place in a catalog that holds a JSON Schema, with where it stands. */
import type { CatalogSource, Located, RawEvent } from '../source.js';

export interface LocatedSchema extends Located<unknown> {
  /** The event whose payload this is; its raw object keys the checks' per-event results. */
  readonly event?: RawEvent;
}

export function schemasInCatalog(source: CatalogSource): LocatedSchema[] {
  const found: LocatedSchema[] = [];
  for (const schema of source.schemas) found.push(schema);
  for (const { value, file, path } of source.events) found.push({ value: value.payload, file, path: [...path, 'payload'], event: value });
  const envelope = source.envelope;
  if (envelope !== undefined) {
    for (const [name, value] of Object.entries(envelope.value.properties ?? {}))
      found.push({ value, file: envelope.file, path: [...envelope.path, 'properties', name] });
    // A batch body's own fields: the runtime validates them as it does the envelope's.
    for (const [name, value] of Object.entries(envelope.value.batch?.properties ?? {}))
      found.push({ value, file: envelope.file, path: [...envelope.path, 'batch', 'properties', name] });
  }
  const subscriptions = source.subscriptions;
  if (subscriptions !== undefined) {
    const { file, path, value } = subscriptions;
    (value.fields ?? []).forEach((field, i) => found.push({ value: field.schema, file, path: [...path, 'fields', i, 'schema'] }));
    (value.pathParameters ?? []).forEach((parameter, i) => {
      if (parameter.schema !== undefined) found.push({ value: parameter.schema, file, path: [...path, 'pathParameters', i, 'schema'] });
    });
    if (value.idSchema !== undefined) found.push({ value: value.idSchema, file, path: [...path, 'idSchema'] });
  }
  return found;
}
