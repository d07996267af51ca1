/**
 * The names a catalog's events and shared schemas get in the outputs, by one rule per kind of
 * name, shared by every output and by the check that reports clashes (HC341):
 * - a shared schema: the PascalCase of its name (`installation-lite` -> `InstallationLite`), as a
 *   TypeScript type and as an OpenAPI component;
 * - an event: the PascalCase of its key + `Payload` (`PAYMENT.CAPTURE.COMPLETED` ->
 *   `PaymentCaptureCompletedPayload`), as a TypeScript type and an OpenAPI component, + `Event`
 *   for its delivery's component, and the camelCase of its key as its OpenAPI operation id.
 * Names hookcat itself declares are given first, then shared schemas in declaration order, then
 * events in catalog order. A name already given gets the first free number (`OrderCreatedPayload2`)
 * and is listed in `renamed`, so the check can say so: nothing is renamed silently.
 */
import { camelCase, pascalCase } from './words.js';

/** The subscription API's operations (see the catalog format's `subscriptions.operations`). */
export type SubscriptionOperation = 'list' | 'create' | 'get' | 'update' | 'delete' | 'test';

/** What the names depend on: the catalog's keys, shared schema names and fixed parts. */
export interface NamingInput {
  readonly catalogId: string;
  /** Event keys, in catalog order (category order, then subgroup order, then declaration order). */
  readonly keys: readonly string[];
  /** Shared schema names, in declaration order. */
  readonly schemas: readonly string[];
  /** Whether deliveries are batches (the OpenAPI document then names the batch body). */
  readonly batch: boolean;
  /** The subscription API: its operations in the catalog's order, and whether the response to
   * create has a schema of its own (it carries a secret the provider made); undefined without one. */
  readonly subscription: { readonly operations: readonly SubscriptionOperation[]; readonly createdResponse: boolean } | undefined;
}

/** Who a name was given to. */
export type NameOwner = { readonly kind: 'event'; readonly key: string } | { readonly kind: 'schema'; readonly name: string } | { readonly kind: 'hookcat' };

/** A name that is not the one the rule made, because another owner had it first. */
export interface Renamed {
  readonly output: 'TypeScript type' | 'OpenAPI component' | 'OpenAPI operation id';
  readonly owner: NameOwner;
  readonly wanted: string;
  readonly given: string;
  /** Who has `wanted`. */
  readonly holder: NameOwner;
}

/** Names the generated TypeScript module declares itself (see `emit/typescript/event-api.ts`). */
export const TYPESCRIPT_API_NAMES = {
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

/** Global names the generated TypeScript refers to; a declaration with such a name would shadow them. */
const TYPESCRIPT_GLOBALS_USED = ['Record', 'Promise', 'Set', 'ReadonlySet'];

/** The OpenAPI components of the subscription API (`created`: the response to create, when it
 * differs from the resource), and of a batch body. `Webhook...`, since providers often have a
 * resource called `Subscription` of their own (Stripe's billing subscriptions). */
export const SUBSCRIPTION_COMPONENTS = {
  resource: 'WebhookSubscription',
  create: 'WebhookSubscriptionCreate',
  update: 'WebhookSubscriptionUpdate',
  created: 'WebhookSubscriptionCreated',
} as const;

export interface SubscriptionComponents {
  readonly resource: string;
  readonly create: string;
  readonly update: string;
  /** Undefined when create answers with the resource itself. */
  readonly created: string | undefined;
}
export const BATCH_COMPONENT = 'WebhookBatch';

/** Every output name hookcat gives to something other than a catalog's events and shared schemas. */
export const RESERVED_OUTPUT_NAMES: readonly string[] = [
  ...Object.values(TYPESCRIPT_API_NAMES),
  ...TYPESCRIPT_GLOBALS_USED,
  ...Object.values(SUBSCRIPTION_COMPONENTS),
  BATCH_COMPONENT,
];

/** The operation id of each subscription operation. */
export const SUBSCRIPTION_OPERATION_IDS: { readonly [name in SubscriptionOperation]: string } = {
  list: 'listSubscriptions',
  create: 'createSubscription',
  get: 'getSubscription',
  update: 'updateSubscription',
  delete: 'deleteSubscription',
  test: 'testSubscription',
};

/** `name` if it can start an identifier, else `prefix` + `name` (`2fa.enabled` -> `Event2faEnabledPayload`). */
function identifierStart(name: string, prefix: string): string {
  return /^[A-Za-z_]/.test(name) ? name : `${prefix}${name}`;
}

/** The type and component name of a shared schema. */
export function schemaTypeName(name: string): string {
  return identifierStart(pascalCase(name), 'Schema');
}

/** The type and component name of an event's payload: `member.joined` -> `MemberJoinedPayload`. */
export function payloadTypeName(key: string): string {
  return identifierStart(`${pascalCase(key)}Payload`, 'Event');
}

/** The component name of an event's delivery: `member.joined` -> `MemberJoinedEvent`. */
export function eventComponentName(key: string): string {
  return identifierStart(`${pascalCase(key)}Event`, 'Event');
}

/** The operation id of an event's webhook: `member.joined` -> `memberJoined`. */
export function webhookOperationId(key: string): string {
  return camelCase(key);
}

/** Hands out names of one output: each once; `ignoreCase` where two names differing only in case
 * would clash (generators that write a file per OpenAPI component name). */
class Namer {
  private readonly taken = new Map<string, NameOwner>();
  /** The number to try first for a wanted name (its identity): the one after the last given, so
   * that n owners wanting one name cost n tries, not n^2/2 (2,000 alike keys took seconds). */
  private readonly nextNumber = new Map<string, number>();
  constructor(
    private readonly output: Renamed['output'],
    private readonly ignoreCase: boolean,
    private readonly renamed: Renamed[],
  ) {}

  claim(owner: NameOwner, wanted: string): string {
    const identity = (name: string): string => (this.ignoreCase ? name.toLowerCase() : name);
    let given = wanted;
    const holder = this.taken.get(identity(wanted));
    if (holder !== undefined) {
      // Every number below the next one is taken already: names are never given back.
      let n = this.nextNumber.get(identity(wanted)) ?? 2;
      while (this.taken.has(identity(`${wanted}${n}`))) n += 1;
      given = `${wanted}${n}`;
      this.nextNumber.set(identity(wanted), n + 1);
      this.renamed.push({ output: this.output, owner, wanted, given, holder });
    }
    this.taken.set(identity(given), owner);
    return given;
  }
}

const HOOKCAT: NameOwner = { kind: 'hookcat' };
const eventOwner = (key: string): NameOwner => ({ kind: 'event', key });
const schemaOwner = (name: string): NameOwner => ({ kind: 'schema', name });

export interface TypeScriptNames {
  /** Shared schema name (as declared) -> type name. */
  readonly schemas: ReadonlyMap<string, string>;
  /** Event key -> payload type name. */
  readonly payloads: ReadonlyMap<string, string>;
}

/** The type names of the generated TypeScript module. */
export function typeScriptNames(input: NamingInput, renamed: Renamed[] = []): TypeScriptNames {
  const namer = new Namer('TypeScript type', false, renamed);
  for (const name of [...Object.values(TYPESCRIPT_API_NAMES), ...TYPESCRIPT_GLOBALS_USED]) namer.claim(HOOKCAT, name);
  const schemas = new Map(input.schemas.map((name) => [name, namer.claim(schemaOwner(name), schemaTypeName(name))]));
  const payloads = new Map(input.keys.map((key) => [key, namer.claim(eventOwner(key), payloadTypeName(key))]));
  return { schemas, payloads };
}

export interface ComponentNames {
  readonly shared: ReadonlyMap<string, string>;
  readonly payloads: ReadonlyMap<string, string>;
  readonly events: ReadonlyMap<string, string>;
  /** The body of a batch delivery; undefined for the other shapes. */
  readonly batch: string | undefined;
  /** Undefined when the catalog has no subscription API. */
  readonly subscription: SubscriptionComponents | undefined;
}

/** The `components.schemas` names of the OpenAPI document (compared without case). */
export function componentNames(input: NamingInput, renamed: Renamed[] = []): ComponentNames {
  const namer = new Namer('OpenAPI component', true, renamed);
  const api = input.subscription;
  const subscription =
    api === undefined
      ? undefined
      : {
          resource: namer.claim(HOOKCAT, SUBSCRIPTION_COMPONENTS.resource),
          create: namer.claim(HOOKCAT, SUBSCRIPTION_COMPONENTS.create),
          update: namer.claim(HOOKCAT, SUBSCRIPTION_COMPONENTS.update),
          created: api.createdResponse ? namer.claim(HOOKCAT, SUBSCRIPTION_COMPONENTS.created) : undefined,
        };
  const batch = input.batch ? namer.claim(HOOKCAT, BATCH_COMPONENT) : undefined;
  const shared = new Map(input.schemas.map((name) => [name, namer.claim(schemaOwner(name), schemaTypeName(name))]));
  const payloads = new Map<string, string>();
  const events = new Map<string, string>();
  for (const key of input.keys) {
    payloads.set(key, namer.claim(eventOwner(key), payloadTypeName(key)));
    events.set(key, namer.claim(eventOwner(key), eventComponentName(key)));
  }
  return { shared, payloads, events, batch, subscription };
}

export interface OperationIds {
  /** Event key -> the operation id of its webhook (envelope and bare shapes). */
  readonly webhooks: ReadonlyMap<string, string>;
  /** The one webhook of a batch delivery; undefined for the other shapes. */
  readonly batch: string | undefined;
  readonly subscription: ReadonlyMap<SubscriptionOperation, string>;
}

/** The operation ids of the OpenAPI document (compared without case). */
export function operationIds(input: NamingInput, renamed: Renamed[] = []): OperationIds {
  const namer = new Namer('OpenAPI operation id', true, renamed);
  const subscription = new Map((input.subscription?.operations ?? []).map((name) => [name, namer.claim(HOOKCAT, SUBSCRIPTION_OPERATION_IDS[name])]));
  const batch = input.batch ? namer.claim(HOOKCAT, camelCase(`${input.catalogId} events`)) : undefined;
  const webhooks = new Map(input.batch ? [] : input.keys.map((key) => [key, namer.claim(eventOwner(key), webhookOperationId(key))]));
  return { webhooks, batch, subscription };
}

/** Every name that is not the one its rule made, in every output. */
export function renamedNames(input: NamingInput): Renamed[] {
  const renamed: Renamed[] = [];
  typeScriptNames(input, renamed);
  componentNames(input, renamed);
  operationIds(input, renamed);
  return renamed;
}
