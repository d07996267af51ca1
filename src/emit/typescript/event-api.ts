import type { Catalog, EventType } from '../../model/types.js';
import { docLines, jsDocComment } from './doc-comment.js';
import { eventSummaryDoc } from './event-doc.js';
import { tsString } from './literal.js';
import { API_NAMES as N, type TypeNames } from './naming.js';
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
