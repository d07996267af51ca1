/**
 * What the body of a delivery is, for the overview page, in each delivery shape: an envelope
 * around the payload (the type field, the envelope's fields and the data field), an envelope
 * whose payload fields sit beside its own (no data field), the bare payload (a header names the
 * event, a body field its action), or a batch (a JSON array, or an object whose list field holds
 * the events, with the body's other fields), whose events take one of those forms. Example
 * deliveries come from `../delivery-example.ts`, shared with the OpenAPI examples so both show
 * the same body.
 */
import type { Envelope } from '../../model/types.js';
import { namedFieldRows, type FieldRow, type TableContext } from './field-table.js';
import type { PageText } from './local-text.js';
import { LINKS, type PageContext } from './page.js';

/** A message with its slots: field, header and action names, shown as code. */
export interface BodyIntro {
  readonly message: string;
  readonly typeField: string | null;
  readonly dataField: string | null;
  readonly header: string | null;
  readonly action: string | null;
  readonly field: string | null;
}

/** One part of the body: what it is (absent for the plain envelope, which the table says),
 * a description, and its fields. */
export interface BodyPart {
  readonly intro: BodyIntro | null;
  readonly description: PageText | null;
  readonly rows: readonly FieldRow[];
}

/** The body of a delivery, and for a batch the form of each event in it. */
export interface DeliveryBodyView extends BodyPart {
  readonly item: BodyPart | null;
}

/** The body of a delivery of `ctx.catalog`, in its shape. */
export function deliveryBodyView(ctx: PageContext): DeliveryBodyView {
  const envelope = ctx.catalog.envelope;
  const table: TableContext = { shared: ctx.shared, text: ctx.text, label: 'envelope', schemaUrl: LINKS.fromTop.schema };
  if (envelope.shape === 'bare') return { ...barePart(envelope, false), item: null };
  const batch = envelope.batch;
  if (envelope.shape === 'batch' && batch !== undefined) {
    const item = batch.item === 'bare' ? barePart(envelope, true) : envelopePart(ctx, envelope, table, true);
    const description = ctx.text.optionalDescription(batch.description, 'envelope/batch') ?? null;
    if (batch.field === undefined) return { intro: intro('bodyBatchArray', {}), description, rows: [], item };
    const rows = [
      ...namedFieldRows(Object.entries(batch.properties), new Set(batch.required), table),
      fixedRow(batch.field, 'array', messageText(ctx, 'batchFieldText')),
    ];
    return { intro: intro('bodyBatchObject', { field: batch.field }), description, rows, item };
  }
  return { ...envelopePart(ctx, envelope, table, false), item: null };
}

/** The envelope form: the type field, the envelope's fields, then the data field, if any. */
function envelopePart(ctx: PageContext, envelope: Envelope, table: TableContext, inBatch: boolean): BodyPart {
  const { typeField, dataField } = envelope;
  const rows = [
    fixedRow(typeField, 'string', messageText(ctx, 'typeFieldText')),
    ...namedFieldRows(Object.entries(envelope.properties), new Set(envelope.required), table),
    ...(dataField === undefined ? [] : [fixedRow(dataField, 'object', messageText(ctx, 'dataFieldText'))]),
  ];
  const message = dataField === undefined ? (inBatch ? 'itemEnvelopeFlat' : 'bodyEnvelopeFlat') : inBatch ? 'itemEnvelope' : undefined;
  return { intro: message === undefined ? null : intro(message, { typeField, dataField: dataField ?? null }), description: null, rows };
}

/** The bare form: the body (or each item) is the payload; a header names the event. */
function barePart(envelope: Envelope, inBatch: boolean): BodyPart {
  const action = inBatch ? null : (envelope.actionField ?? null);
  const message = inBatch ? 'itemBare' : action === null ? 'bodyBare' : 'bodyBareAction';
  return { intro: intro(message, { header: envelope.typeHeader ?? null, action }), description: null, rows: [] };
}

function intro(message: string, slots: Partial<Omit<BodyIntro, 'message'>>): BodyIntro {
  return { message, typeField: null, dataField: null, header: null, action: null, field: null, ...slots };
}

/** A row the shape itself adds (type, data and list fields), described by a message. */
function fixedRow(path: string, type: string, description: PageText): FieldRow {
  return { path, type, links: [], facets: [], variant: null, required: true, description };
}

/** A message as a table cell's text. */
function messageText(ctx: PageContext, id: string): PageText {
  return { text: ctx.messages.text(id), fallback: false };
}

/** The header that names a bare event, with the first event's name as its example (overview headers table). */
export function namingHeader(ctx: PageContext): { name: string; description: PageText; example: string | null } | null {
  const { shape, batch, typeHeader } = ctx.catalog.envelope;
  const bare = shape === 'bare' || (shape === 'batch' && batch?.item === 'bare');
  if (!bare || typeHeader === undefined) return null;
  return { name: typeHeader, description: messageText(ctx, 'typeHeaderText'), example: ctx.catalog.events[0]?.deliveredAs.name ?? null };
}
