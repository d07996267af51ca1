/**
 * Deterministic TypeScript names for a catalog's types: one per shared schema, one per
 * event payload, never clashing with each other or with the fixed API names of the module.
 */
import type { Catalog } from '../../model/types.js';

/** Names the generated module declares itself (see `event-api.ts`). */
export const API_NAMES = {
  eventType: 'EventType',
  eventTypes: 'EVENT_TYPES',
  eventTypeSet: 'EVENT_TYPE_SET',
  isEventType: 'isEventType',
  eventPayloads: 'EventPayloads',
  eventEnvelope: 'EventEnvelope',
  eventOf: 'EventOf',
  webhookEvent: 'WebhookEvent',
  eventHandlers: 'EventHandlers',
  eventDeliveredAs: 'EventDeliveredAs',
  eventNames: 'EventNames',
  receivedEvent: 'ReceivedEvent',
  webhookBatch: 'WebhookBatch',
} as const;

/** Global names the generated code refers to; a declaration with such a name would shadow them. */
const GLOBALS_USED = ['Record', 'Promise', 'Set', 'ReadonlySet'];

export interface TypeNames {
  /** Shared schema name (as declared) -> type name. */
  readonly schemas: ReadonlyMap<string, string>;
  /** Event key -> payload type name. */
  readonly payloads: ReadonlyMap<string, string>;
}

/**
 * Names every shared schema (declared name with an upper-case first letter: `Money` ->
 * `Money`) and every payload (PascalCase of the key + `Payload`: `booking.refund.partial`
 * -> `BookingRefundPartialPayload`). Shared schemas are named first, in declaration order,
 * then payloads in catalog order; a name already taken gets the first free numeric suffix
 * (`AccountUrlNameUpdatePayload2` for `account.url_name.update` after `account.url-name.update`).
 */
export function assignTypeNames(catalog: Catalog): TypeNames {
  const taken = new Set<string>([...Object.values(API_NAMES), ...GLOBALS_USED]);
  const claim = (base: string): string => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  const schemas = new Map<string, string>();
  for (const schema of catalog.schemas) schemas.set(schema.name, claim(schemaTypeName(schema.name)));
  const payloads = new Map<string, string>();
  for (const event of catalog.events) payloads.set(event.key, claim(payloadTypeName(event.key)));
  return { schemas, payloads };
}

/**
 * Words a module may not use as a binding name: ECMAScript's reserved words, the ones strict
 * mode adds, and `await`, reserved at the top level of a module (ECMA-262 §13.1.1, §12.7.2).
 * TypeScript refuses them even as `export * as <name>`.
 */
const RESERVED_WORDS = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public arguments eval'
  ).split(' '),
);

/** The namespace name of a catalog in `index.ts`: `shop-eu` -> `shopEu`, `2024` -> `_2024`,
 * `await` -> `await_` (a reserved word gets a trailing underscore). */
export function catalogNamespace(id: string): string {
  const name = id.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[0-9]/, '_$&');
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** `money` -> `Money`; characters that cannot be in an identifier are dropped. */
export function schemaTypeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '');
  return identifierStart(cleaned.charAt(0).toUpperCase() + cleaned.slice(1), 'Schema');
}

/** `booking.contract.refund.partial` -> `BookingContractRefundPartialPayload`. */
export function payloadTypeName(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return identifierStart(`${pascal}Payload`, 'Event');
}

/** A name that starts with a digit (or is empty) gets `prefix` in front. */
function identifierStart(name: string, prefix: string): string {
  return /^[A-Za-z_]/.test(name) ? name : `${prefix}${name}`;
}
