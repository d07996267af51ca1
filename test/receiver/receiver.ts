/**
 * What a receiver writes against a generated module. `receiver.test.ts` type-checks this file
 * with freshly generated types: `switch (event.type)` must narrow `event.data`, and every
 * `@ts-expect-error` line must really be an error (an unused directive fails the test).
 */
import { isEventType, type EventHandlers, type WebhookEvent } from './generated/orders/types.js';

/** One line about any delivered event; the switch is exhaustive or this does not compile. */
export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'order.created':
      return `order ${event.data.orderId}: ${event.data.lines.length} lines, ${event.data.total.amount} ${event.data.total.currency}`;
    case 'order.cancelled':
      return `order ${event.data.orderId} cancelled: ${event.data.reason ?? 'no reason given'}`;
    case 'refund.issued':
      return `refund ${event.data.refundId} of ${event.data.amount.amount} ${event.data.amount.currency}`;
  }
}

/** The same, as a handler map: each handler gets its own event type. */
export const handlers: EventHandlers<string> = {
  'order.created': (event) => `created ${event.data.orderId} at ${event.created}`,
  'refund.issued': async (event) => `refunded ${event.data.amount.amount}`,
};

/** Parses a delivery body: unknown event types are rejected at run time. */
export function parseDelivery(body: unknown): WebhookEvent | undefined {
  if (typeof body !== 'object' || body === null || !('type' in body)) return undefined;
  return isEventType(body.type) ? (body as WebhookEvent) : undefined;
}

/** Calls the handler of the event's type, if there is one. */
export async function dispatch(event: WebhookEvent, map: EventHandlers<string>): Promise<string | undefined> {
  const handler = map[event.type] as ((e: WebhookEvent) => string | Promise<string>) | undefined;
  return handler?.(event);
}

/** Compile-time proofs: each line after a directive must fail to compile. */
export function misuse(event: WebhookEvent): void {
  if (event.type === 'order.cancelled') {
    // @ts-expect-error `refundId` is a field of refund.issued, not of order.cancelled
    void event.data.refundId;
    // @ts-expect-error `reason` may be null
    void event.data.reason.length;
  }
  // @ts-expect-error `order.shipped` is not an event type of the catalog
  if (event.type === 'order.shipped') return;
  // @ts-expect-error before narrowing, `data` has only the fields common to every payload
  void event.data.orderId;
}

// @ts-expect-error a handler for an event type the catalog does not have
export const unknownKey: EventHandlers = { 'order.shipped': () => undefined };

// @ts-expect-error a handler reading a field of another event's payload
export const wrongField: EventHandlers = { 'order.created': (event) => void event.data.amount };

// @ts-expect-error an event whose payload does not match its type
export const mismatched: WebhookEvent = { type: 'refund.issued', id: 'd1', created: '2026-01-01T00:00:00Z', data: { orderId: 'o1', reason: null } };
