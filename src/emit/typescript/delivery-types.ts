/**
 * The types of what a receiver gets, in the catalog's delivery shape:
 * - envelope: `EventEnvelope<K>` is the delivered body of an event of type `K` (its payload in
 *   the data field, or, without one, beside the envelope's fields), and `EventOf<K>` names it;
 * - bare: the body is the payload; `EventOf<K>` is the event as a receiver reads it (its type,
 *   the header and action it came under, the payload), `EventDeliveredAs` says what header value
 *   and action each type comes under, and `EventNames` gathers the types of one header value;
 * - batch: `WebhookBatch` is the body, a list of events in one of the forms above.
 * `WebhookEvent` is the union of every `EventOf<K>`, discriminated by the type field (`type` for
 * bare events), and `EventHandlers<R>` holds one optional handler per event type.
 */
import { itemForm, textIn } from '../../model/query.js';
import type { Catalog, JsonSchema } from '../../model/types.js';
import { schemaLookup } from './declarations.js';
import { docLines } from './doc-comment.js';
import { API_NAMES as N, type TypeNames } from './naming.js';
import { memberType, schemaDoc, schemaToType } from './schema-to-type.js';
import { intersection, union, type TsMember, type TsType } from './ts-type.js';
import type { TypeDeclaration } from './type-writer.js';

const ref = (name: string): TsType => ({ kind: 'reference', name });
const literal = (value: string): TsType => ({ kind: 'literal', value });
const doc = (text: string) => docLines({ paragraphs: [text] });
const object = (members: readonly TsMember[]): TsType => ({ kind: 'object', index: undefined, members });
const member = (name: string, type: TsType, text: string, optional = false): TsMember => ({ name, optional, type, doc: doc(text) });

/** The field a bare event's type is given in by the runtime (the body itself has none). */
export const BARE_TYPE_FIELD = 'type';

/** `EventEnvelope`/`EventDeliveredAs`/`EventNames`, `EventOf`, `WebhookEvent`, `EventHandlers`, and `WebhookBatch` for batches. */
export function deliveryDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const bare = itemForm(catalog) === 'bare';
  const typeField = bare ? BARE_TYPE_FIELD : catalog.envelope.typeField;
  const dataField = bare ? 'payload' : catalog.envelope.dataField;
  const narrows = dataField === undefined ? 'its fields' : `\`event.${dataField}\``;
  return [
    ...(bare ? bareDeclarations(catalog) : envelopeDeclarations(catalog, names)),
    {
      name: N.webhookEvent,
      doc: doc(`Any delivered event: a union over \`${typeField}\`, so \`switch (event.${typeField})\` narrows ${narrows}.`),
      type: ref(`{ [K in ${N.eventType}]: ${N.eventOf}<K> }[${N.eventType}]`),
    },
    {
      name: N.eventHandlers,
      typeParameters: 'R = void',
      // The event of one type, not the distributive `EventOf`: a generic `handlers[event.type]?.(event)`
      // on an event of type K then compiles (the handler's parameter and the event are the same type).
      doc: doc('One optional handler per event type, each receiving its own event type.'),
      type: ref(`{ [K in ${N.eventType}]?: (event: ${bare ? N.receivedEvent : N.eventEnvelope}<K>) => R | Promise<R> }`),
    },
    ...batchDeclarations(catalog, names),
  ];
}

function envelopeMembers(
  catalog: Catalog,
  names: TypeNames,
  properties: { readonly [name: string]: JsonSchema },
  required: readonly string[],
  skip: readonly string[],
): TsMember[] {
  const lookup = schemaLookup(names, catalog);
  return Object.entries(properties)
    .filter(([name]) => !skip.includes(name))
    .map(([name, schema]) => {
      const optional = !required.includes(name);
      return { name, optional, type: memberType(name, optional, schemaToType(schema, lookup)), doc: schemaDoc(schema) };
    });
}

function envelopeDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const { typeField, dataField, required, properties, description } = catalog.envelope;
  const members = [
    member(typeField, ref('K'), 'The event type.'),
    ...(dataField === undefined ? [] : [member(dataField, ref(`${N.eventPayloads}[K]`), 'The payload.')]),
    ...envelopeMembers(catalog, names, properties, required, [typeField, ...(dataField === undefined ? [] : [dataField])]),
  ];
  return [
    {
      name: N.eventEnvelope,
      typeParameters: `K extends ${N.eventType}`,
      doc: docLines({ paragraphs: [textIn(description, catalog.sourceLocale), 'A delivered event of type `K`.'] }),
      type: dataField === undefined ? intersection([object(members), ref(`${N.eventPayloads}[K]`)]) : object(members),
    },
    {
      name: N.eventOf,
      typeParameters: `K extends ${N.eventType}`,
      doc: doc('The delivered event of type `K`; for a union of types, the union of their events.'),
      type: ref(`K extends ${N.eventType} ? ${N.eventEnvelope}<K> : never`),
    },
  ];
}

function bareDeclarations(catalog: Catalog): TypeDeclaration[] {
  const { typeHeader = 'the type header', actionField } = catalog.envelope;
  const deliveredAs = catalog.events.map((event) =>
    member(
      event.key,
      object([
        member('name', literal(event.deliveredAs.name), `The \`${typeHeader}\` header.`),
        member(
          'action',
          event.deliveredAs.action === undefined ? ref('undefined') : literal(event.deliveredAs.action),
          `The \`${actionField ?? 'action'}\` field.`,
        ),
      ]),
      `How \`${event.key}\` is delivered.`,
    ),
  );
  const byName = new Map<string, string[]>();
  for (const event of catalog.events) byName.set(event.deliveredAs.name, [...(byName.get(event.deliveredAs.name) ?? []), event.key]);
  const named = [...byName].map(([name, keys]) => member(name, union(keys.map(literal)), `The event types delivered with \`${typeHeader}: ${name}\`.`));
  return [
    {
      name: N.eventDeliveredAs,
      doc: doc(`The \`${typeHeader}\` header${actionField === undefined ? '' : ` and the \`${actionField}\` field`} each event type is delivered with.`),
      type: object(deliveredAs),
    },
    { name: N.eventNames, doc: doc(`The event types delivered under each value of the \`${typeHeader}\` header.`), type: object(named) },
    {
      name: N.receivedEvent,
      typeParameters: `K extends ${N.eventType}`,
      doc: doc('An event of type `K` as received: its type, the header value and action it came with, and its payload (the body).'),
      type: object([
        member(BARE_TYPE_FIELD, ref('K'), 'The event type.'),
        member('name', ref(`${N.eventDeliveredAs}[K]['name']`), `The \`${typeHeader}\` header.`),
        member('action', ref(`${N.eventDeliveredAs}[K]['action']`), `The \`${actionField ?? 'action'}\` field, when the catalog has one.`),
        member('payload', ref(`${N.eventPayloads}[K]`), 'The payload: the delivered body.'),
      ]),
    },
    {
      name: N.eventOf,
      typeParameters: `K extends ${N.eventType}`,
      doc: doc(`The received event of type \`K\`; for a union of types (such as \`${N.eventNames}['<name>']\`), the union of their events.`),
      type: ref(`K extends ${N.eventType} ? ${N.receivedEvent}<K> : never`),
    },
  ];
}

/** `WebhookBatch`, the body of a batch delivery: its list of events and its other fields. */
function batchDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const batch = catalog.envelope.batch;
  if (catalog.envelope.shape !== 'batch' || batch === undefined) return [];
  const item = itemForm(catalog) === 'bare' ? ref(`${N.eventPayloads}[${N.eventType}]`) : ref(N.webhookEvent);
  const list: TsType = { kind: 'array', element: item };
  const type =
    batch.field === undefined
      ? list
      : object([member(batch.field, list, 'The delivered events.'), ...envelopeMembers(catalog, names, batch.properties, batch.required, [batch.field])]);
  return [
    {
      name: N.webhookBatch,
      doc: docLines({ paragraphs: [textIn(batch.description, catalog.sourceLocale), 'The body of a delivery: a batch of events.'] }),
      type,
    },
  ];
}
