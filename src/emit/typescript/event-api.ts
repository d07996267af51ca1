/**
 * The fixed part of every generated module: the list of event types, a type guard, the
 * key -> payload map, the delivered event as a discriminated union, and a handler map.
 * Names are in `API_NAMES`; payload and schema names never collide with them.
 */
import { textIn } from '../../model/query.js';
import type { Catalog, EventType } from '../../model/types.js';
import { docLines, jsDocComment } from './doc-comment.js';
import { schemaLookup } from './declarations.js';
import { eventSummaryDoc } from './event-doc.js';
import { tsString } from './literal.js';
import { API_NAMES as N, type TypeNames } from './naming.js';
import { schemaDoc, schemaToType } from './schema-to-type.js';
import { union, type TsMember, type TsType } from './ts-type.js';
import type { Statement, TypeDeclaration } from './type-writer.js';

const ref = (name: string): TsType => ({ kind: 'reference', name });
const doc = (text: string) => docLines({ paragraphs: [text] });

/** `EventType`: the union of every event key. */
export function eventTypeDeclaration(catalog: Catalog): TypeDeclaration {
  return {
    name: N.eventType,
    doc: doc(`Every event type of the catalog (the envelope's \`${catalog.envelope.typeField}\` field).`),
    type: union(catalog.events.map((event) => ({ kind: 'literal', value: event.key }))),
  };
}

/** `EVENT_TYPES` (the keys in catalog order, `as const`). */
export function eventTypesConstant(catalog: Catalog): Statement {
  return (writer) => {
    for (const line of jsDocComment(doc('Every event type of the catalog, in catalog order.'))) writer.writeLine(line);
    writer.write(`export const ${N.eventTypes} = [`);
    if (catalog.events.length > 0) writer.indent(() => catalog.events.forEach((event) => writer.writeLine(`${tsString(event.key)},`)));
    writer.write('] as const;');
  };
}

/** `EVENT_TYPE_SET` and `isEventType(value)`, a type guard backed by a set of the keys. */
export function eventTypeGuard(): [Statement, Statement] {
  return [
    (writer) => writer.write(`const ${N.eventTypeSet}: ReadonlySet<string> = new Set<string>(${N.eventTypes});`),
    (writer) => {
      writer.writeLine('/** Whether `value` is an event type of this catalog, e.g. to reject unknown deliveries. */');
      writer.write(`export function ${N.isEventType}(value: unknown): value is ${N.eventType}`).block(() => {
        writer.write(`return typeof value === 'string' && ${N.eventTypeSet}.has(value);`);
      });
    },
  ];
}

/** `EventPayloads`: the payload type of each event type. */
export function eventPayloadsDeclaration(catalog: Catalog, names: TypeNames): TypeDeclaration {
  const members = catalog.events.map((event) => eventPayloadsMember(catalog, event, names));
  return { name: N.eventPayloads, doc: EVENT_PAYLOADS_DOC, type: { kind: 'object', index: undefined, members } };
}

const EVENT_PAYLOADS_DOC = doc('The payload type of each event type.');

/** The entry of `event` in `EventPayloads`. */
export function eventPayloadsMember(catalog: Catalog, event: EventType, names: TypeNames): TsMember {
  return { name: event.key, optional: false, type: ref(names.payloads.get(event.key)!), doc: eventSummaryDoc(catalog, event, names) };
}

/** `EventEnvelope`, `EventOf`, `WebhookEvent` and `EventHandlers`. */
export function eventShapeDeclarations(catalog: Catalog, names: TypeNames): TypeDeclaration[] {
  const { typeField, dataField, required } = catalog.envelope;
  const lookup = schemaLookup(names);
  const envelopeMembers: TsMember[] = [
    { name: typeField, optional: false, type: ref('K'), doc: doc('The event type.') },
    { name: dataField, optional: false, type: ref(`${N.eventPayloads}[K]`), doc: doc('The payload.') },
    ...Object.entries(catalog.envelope.properties)
      .filter(([name]) => name !== typeField && name !== dataField)
      .map(([name, schema]) => ({ name, optional: !required.includes(name), type: schemaToType(schema, lookup), doc: schemaDoc(schema) })),
  ];
  return [
    {
      name: N.eventEnvelope,
      typeParameters: `K extends ${N.eventType}`,
      doc: docLines({ paragraphs: [textIn(catalog.envelope.description, catalog.sourceLocale), 'A delivered event of type `K`.'] }),
      type: { kind: 'object', index: undefined, members: envelopeMembers },
    },
    {
      name: N.eventOf,
      typeParameters: `K extends ${N.eventType}`,
      doc: doc('The delivered event of type `K`.'),
      type: ref(`${N.eventEnvelope}<K>`),
    },
    {
      name: N.webhookEvent,
      doc: doc(`Any delivered event: a union over \`${typeField}\`, so \`switch (event.${typeField})\` narrows \`event.${dataField}\`.`),
      type: ref(`{ [K in ${N.eventType}]: ${N.eventOf}<K> }[${N.eventType}]`),
    },
    {
      name: N.eventHandlers,
      typeParameters: 'R = void',
      doc: doc('One optional handler per event type, each receiving its own event type.'),
      type: ref(`{ [K in ${N.eventType}]?: (event: ${N.eventOf}<K>) => R | Promise<R> }`),
    },
  ];
}
