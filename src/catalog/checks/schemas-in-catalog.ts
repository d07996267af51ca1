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
  }
  const subscriptions = source.subscriptions;
  if (subscriptions !== undefined) {
    (subscriptions.value.fields ?? []).forEach((field, i) =>
      found.push({ value: field.schema, file: subscriptions.file, path: [...subscriptions.path, 'fields', i, 'schema'] }),
    );
  }
  return found;
}
