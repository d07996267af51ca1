/**
 * How a bare delivery names an event: the value of the envelope's `typeHeader`, and of its
 * `actionField` when it has one. Declared by the event (`deliveredAs`), or read from the key:
 * the name up to the first `.` and the action after it (`issues.opened` -> `issues`, `opened`),
 * as GitHub's event and action names go.
 */
import type { RawEnvelope, RawEvent } from './source.js';

export interface DeliveryName {
  readonly name: string;
  readonly action: string | undefined;
}

/** Whether deliveries name their events by header (a bare body, or a batch of bare items). */
export function namedByHeader(envelope: RawEnvelope): boolean {
  return envelope.shape === 'bare' || (envelope.shape === 'batch' && envelope.batch?.item === 'bare');
}

/** The name and action `event` is delivered under; for shapes that carry the key, the key. */
export function deliveryName(event: RawEvent, envelope: RawEnvelope): DeliveryName {
  if (event.deliveredAs !== undefined) return { name: event.deliveredAs.name, action: event.deliveredAs.action };
  const dot = event.key.indexOf('.');
  if (!namedByHeader(envelope) || envelope.actionField === undefined || dot <= 0) return { name: event.key, action: undefined };
  return { name: event.key.slice(0, dot), action: event.key.slice(dot + 1) };
}
