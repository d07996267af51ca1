/**
 * The delivery envelope on a page: its fields (the type and data fields first, then the
 * catalog's envelope properties). Example deliveries come from `../delivery-example.ts`, shared
 * with the OpenAPI examples so both show the same body.
 */
import type { Envelope } from '../../model/types.js';
import { namedFieldRows, type FieldRow } from './field-table.js';
import type { TextPicker } from './local-text.js';
import { LINKS } from './page.js';
import type { SharedSchemas } from './schema-shape.js';

/** Rows of the envelope's own fields (the type and data fields get their description from
 * the page messages, see `typeFieldText`/`dataFieldText`). */
export function envelopeRows(envelope: Envelope, shared: SharedSchemas, text: TextPicker): FieldRow[] {
  const table = { shared, text, label: 'envelope', schemaUrl: LINKS.fromTop.schema };
  return namedFieldRows(Object.entries(envelope.properties), new Set(envelope.required), table);
}
