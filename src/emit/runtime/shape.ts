/**
 * The catalog's delivery shape for its runtime: the `DeliveryShape` literal `runtime.ts` passes
 * to the library, and what `parse` returns and how events are told apart in each shape.
 */
import { itemForm } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import { BARE_TYPE_FIELD } from '../typescript/delivery-types.js';
import { tsString } from '../typescript/literal.js';
import { BATCH_VALIDATOR, hasBatchValidator } from './validators.js';

const value = (v: string | undefined): string => (v === undefined ? 'undefined' : tsString(v));

/** The shape of one event: an envelope, or a bare payload named by a header (and an action). */
function itemLiteral(catalog: Catalog): string {
  const { typeField, typeHeader, actionField } = catalog.envelope;
  if (itemForm(catalog) === 'envelope') return `{ shape: 'envelope', typeField: ${tsString(typeField)} }`;
  const byName = new Map<string, [string, string][]>();
  for (const event of catalog.events) {
    const { name, action } = event.deliveredAs;
    byName.set(name, [...(byName.get(name) ?? []), [action ?? '', event.key]]);
  }
  const types = [...byName].map(
    ([name, actions]) => `[${tsString(name)}]: { ${actions.map(([action, key]) => `[${tsString(action)}]: ${tsString(key)}`).join(', ')} }`,
  );
  return `{ shape: 'bare', typeHeader: ${value(typeHeader)}, actionField: ${value(actionField)}, types: { ${types.join(', ')} } }`;
}

/** The `DeliveryShape` literal of the catalog (it refers to `validators` for a batch's body). */
export function shapeLiteral(catalog: Catalog): string {
  const { shape, batch } = catalog.envelope;
  if (shape !== 'batch' || batch === undefined) return itemLiteral(catalog);
  const validate = hasBatchValidator(catalog) ? `validators.${BATCH_VALIDATOR}` : 'undefined';
  return `{ shape: 'batch', field: ${value(batch.field)}, item: ${itemLiteral(catalog)}, validate: ${validate} }`;
}

/** The field that tells events apart: the envelope's type field, or `type` of a bare event as the runtime hands it on. */
export const typeFieldOf = (catalog: Catalog): string => (itemForm(catalog) === 'bare' ? BARE_TYPE_FIELD : catalog.envelope.typeField);

/** Whether a delivery holds a list of events. */
export const isBatch = (catalog: Catalog): boolean => catalog.envelope.shape === 'batch';
