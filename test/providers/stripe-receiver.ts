/**
 * A Stripe webhook receiver written against the generated types (the committed golden).
 * `stripe.test.ts` type-checks it with freshly generated types: `switch (event.type)` must narrow
 * `event.data`, expandable fields must be told apart before use, and every `@ts-expect-error`
 * line must really be an error.
 */
import {
  isEventType,
  type Customer,
  type DeletedCustomer,
  type EventHandlers,
  type EventOf,
  type WebhookEvent,
} from '../fixtures/providers/stripe/expected/types.js';

/** The id behind an expandable customer field: an id, the object, or the deleted object. */
export function customerId(customer: string | Customer | DeletedCustomer | null): string | undefined {
  if (customer === null) return undefined;
  return typeof customer === 'string' ? customer : customer.id;
}

/** One line about any Stripe event; each case reads its own resource. */
export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'payment_intent.succeeded':
      return `${event.id}: ${event.data.object.amount_received} ${event.data.object.currency} received`;
    case 'payment_intent.canceled':
      return `${event.id}: canceled (${event.data.object.cancellation_reason ?? 'no reason'})`;
    case 'charge.failed':
      return `${event.id}: charge failed with ${event.data.object.failure_code ?? 'no code'}`;
    case 'customer.updated':
      return `${event.id}: customer changed ${Object.keys(event.data.previous_attributes).join(', ')}`;
    case 'customer.subscription.deleted':
      return `${event.id}: subscription of ${customerId(event.data.object.customer)} ended (${event.data.object.cancellation_details?.reason ?? 'no reason'})`;
    case 'invoice.payment_failed':
      return `${event.id}: invoice ${event.data.object.number ?? '(draft)'} unpaid, next attempt ${event.data.object.next_payment_attempt ?? 'none'}`;
    case 'checkout.session.completed':
      return `${event.id}: checkout ${event.data.object.mode} ${event.data.object.payment_status}`;
    case 'setup_intent.created':
      return `${event.id}: setup for ${event.data.object.payment_method_types.join(', ')}, ${event.data.object.status}`;
    default:
      return `${event.id}: ${event.type}`;
  }
}

/** Handlers for some event types; each receives its own event. */
export const handlers: EventHandlers<string> = {
  'invoice.paid': (event) => `paid ${event.data.object.amount_paid} for ${customerId(event.data.object.customer)}`,
  'customer.subscription.updated': async (event) => `${event.data.object.status}, was ${JSON.stringify(event.data.previous_attributes)}`,
};

/** A parsed body is trusted only when its type is one of the catalog's. */
export function parseEvent(body: unknown): WebhookEvent | undefined {
  if (typeof body !== 'object' || body === null || !('type' in body) || !('object' in body) || body.object !== 'event') return undefined;
  return isEventType(body.type) ? (body as WebhookEvent) : undefined;
}

/** Calls the handler of the event's type, if there is one. */
export async function dispatch(event: WebhookEvent, map: EventHandlers<string>): Promise<string | undefined> {
  const handler = map[event.type] as ((e: WebhookEvent) => string | Promise<string>) | undefined;
  return handler?.(event);
}

/** Compile-time proofs: the line after each directive must fail to compile. */
export function misuse(event: WebhookEvent, refund: EventOf<'charge.refunded'>): void {
  // @ts-expect-error before narrowing, `data.object` is any of the resources: not every one has an amount
  void event.data.object.amount;
  // @ts-expect-error `charge.dispute.created` is not an event type of the catalog
  if (event.type === 'charge.dispute.created') return;
  if (event.type === 'payment_intent.succeeded') {
    // @ts-expect-error `previous_attributes` comes only with `*.updated` events
    void event.data.previous_attributes;
    // @ts-expect-error `cancellation_reason` is nullable
    void event.data.object.cancellation_reason.length;
    // @ts-expect-error `customer` is expandable: an id, an object or null until told apart
    void event.data.object.customer.email;
    // @ts-expect-error a PaymentIntent status is never `paid`
    if (event.data.object.status === 'paid') return;
  }
  if (event.type === 'customer.subscription.updated') {
    // @ts-expect-error a subscription is no invoice
    void event.data.object.amount_due;
  }
  // @ts-expect-error `previous_attributes` of `charge.refunded` is optional
  void refund.data.previous_attributes['amount_refunded'];
  // @ts-expect-error `api_version` is nullable
  void event.api_version.length;
}

// @ts-expect-error a handler for an event type the catalog does not have
export const unknownHandler: EventHandlers = { 'charge.dispute.created': () => undefined };

// @ts-expect-error under exactOptionalPropertyTypes an optional envelope field is absent, never `undefined`
export const explicitUndefined: Pick<EventOf<'customer.deleted'>, 'account'> = { account: undefined };
