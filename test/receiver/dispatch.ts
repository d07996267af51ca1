/**
 * Typed dispatch with the generated runtime. `dispatch.test.ts` type-checks this file with the
 * orders catalog's freshly generated types and runtime, strictly (`exactOptionalPropertyTypes`
 * included): every `@ts-expect-error` line must really be an error.
 */
import { createHandler, dispatch, parse, type EventEnvelope, type EventHandlers, type EventType, type WebhookEvent } from './generated/orders/runtime.js';

/** A handler map indexed by the event's own type: generic in the type, so the handler and the event agree. */
export async function route<K extends EventType, R>(event: EventEnvelope<K>, handlers: EventHandlers<R>): Promise<R | undefined> {
  return handlers[event.type]?.(event);
}

/** The same over the union of events (`WebhookEvent`), the form that does not compile (TS2345, `never`). */
export function routeUnion<R>(event: WebhookEvent, handlers: EventHandlers<R>): R | Promise<R> | undefined {
  // @ts-expect-error over the union, the handler's parameter is the intersection of every event: never
  return handlers[event.type]?.(event);
}

/** One handler per type, each with its own event; the rest to the fallback. */
export const handle = createHandler<string>(
  {
    'order.created': (event) => `${event.data.orderId}: ${event.data.lines.length} lines`,
    'refund.issued': async (event) => `refund ${event.data.amount.amount} ${event.data.amount.currency}`,
  },
  { fallback: (event) => `unhandled ${event.type}` },
);

/** A raw body to a result: parse validates and types it, dispatch narrows it per handler. */
export function receiveBody(raw: string): Promise<string | undefined> {
  return dispatch(parse(raw), { 'order.cancelled': (event) => event.data.reason ?? 'no reason' });
}

// @ts-expect-error a handler for an event type the catalog does not have
export const unknownKey = createHandler({ 'order.shipped': () => undefined });

// @ts-expect-error a handler reading a field of another event's payload
export const wrongField = createHandler({ 'order.created': (event) => event.data.refundId });

// @ts-expect-error `reason` may be null
export const unsafe = createHandler({ 'order.cancelled': (event) => event.data.reason.length });
