/**
 * The resolved catalog model: the contract between loading/validation and the emitters.
 * Plain, readonly data: no YAML nodes, no ts-morph, no handlebars. Emitters receive a
 * `Catalog` and never look at files.
 */

/** A BCP 47 language tag in canonical form, as declared by the catalog: `et`, `en`, `pt-BR`, `es-419`, `zh-Hant-TW`. */
export type Locale = string;

/** A JSON value as found in payload schemas and examples. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON Schema (draft 2020-12) object as written in the catalog. `$ref`s to shared
 * schemas keep the catalog form `#/schemas/<Name>`; see `sharedSchemaName`. */
export type JsonSchema = { readonly [keyword: string]: JsonValue };

/** One piece of text in one locale, after fallback. */
export interface LocalText {
  readonly text: string;
  /** True when the catalog had no text in this locale and another locale's text is used (along
   * the fallback chain: more general tags, the fallback locale, the source locale). */
  readonly fallback: boolean;
}

/** Text for every declared locale of the catalog (always complete: missing ones fall back). */
export type Localized = { readonly [locale: Locale]: LocalText };

/** Where a thing was declared, for links back to the catalog and for diagnostics. */
export interface SourceRef {
  /** Path relative to the catalog folder, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Group {
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
}

export interface Category {
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
  /** Ordered subgroups; empty when the category has none. */
  readonly groups: readonly Group[];
}

export interface Example {
  /** Stable name, unique within the event (defaults to `example-1`, `example-2`, ...). */
  readonly name: string;
  readonly summary: Localized | undefined;
  /** The payload (the envelope's data field), not the whole delivered body. */
  readonly payload: JsonValue;
}

export interface Deprecation {
  readonly since: string | undefined;
  readonly reason: Localized | undefined;
  /** Key of the event that replaces this one, when there is one. */
  readonly replacement: string | undefined;
}

export interface EventType {
  /** The key as published, e.g. `booking.contract.refund.partial`. */
  readonly key: string;
  readonly category: string;
  /** Subgroup id inside the category, when the category has subgroups. */
  readonly group: string | undefined;
  readonly title: Localized;
  readonly description: Localized;
  /** Payload schema; may be `{ $ref: '#/schemas/Name' }` or contain such refs. */
  readonly payload: JsonSchema;
  readonly examples: readonly Example[];
  readonly since: string | undefined;
  readonly deprecated: Deprecation | undefined;
  readonly tags: readonly string[];
  /** How a bare delivery names the event: the value of the envelope's `typeHeader`, and of its
   * `actionField` when it has one. For the other shapes: the key, and no action. */
  readonly deliveredAs: DeliveredAs;
  readonly source: SourceRef;
}

export interface DeliveredAs {
  readonly name: string;
  readonly action: string | undefined;
}

export interface NamedSchema {
  /** Name as declared under `schemas:`; refs point at it as `#/schemas/<name>`. */
  readonly name: string;
  readonly title: Localized | undefined;
  readonly description: Localized | undefined;
  readonly schema: JsonSchema;
}

export interface Header {
  readonly name: string;
  /** Whether every delivery carries it. */
  readonly required: boolean;
  readonly description: Localized;
  readonly example: string | undefined;
}

/** The hash under an HMAC signature. */
export type SignatureAlgorithm = 'sha256' | 'sha512';

/** How a digest is written in its header. */
export type SignatureEncoding = 'hex' | 'base64';

/**
 * How deliveries are signed, as data a receiver's runtime can verify. Every scheme accepts
 * several secrets at once (rotation); standard-webhooks and timestamped headers may also carry
 * several signatures.
 */
export type SignatureScheme = StandardWebhooksScheme | HmacScheme | TimestampedScheme;

/** Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64> ...`,
 * HMAC-SHA256 over `<id>.<timestamp>.<body>` with a `whsec_` base64 secret. */
export interface StandardWebhooksScheme {
  readonly kind: 'standard-webhooks';
  /** Seconds the timestamp may differ from the receiver's clock. */
  readonly tolerance: number;
  /** The names of its three headers: `webhook-id`... by default, `svix-id`... as Svix sends them. */
  readonly headers: StandardWebhooksHeaders;
  readonly description: Localized;
}

/** The headers of a Standard Webhooks delivery: `<prefix>-id`, `<prefix>-timestamp`, `<prefix>-signature`. */
export interface StandardWebhooksHeaders {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
}

/** An HMAC of the raw body in one header, e.g. `X-Hub-Signature-256: sha256=<hex>`. */
export interface HmacScheme {
  readonly kind: 'hmac';
  readonly header: string;
  readonly algorithm: SignatureAlgorithm;
  readonly encoding: SignatureEncoding;
  /** Text before the digest; empty when none. */
  readonly prefix: string;
  readonly description: Localized;
}

/** An HMAC of `signedPayload` (`<timestamp>.<body>` by default). Stripe's form puts
 * `t=<ts>,v1=<sig>[,v1=<sig>]` in `header` (Paddle's `ts=<ts>;h1=<sig>`: other keys and
 * separator); with `timestampHeader` the timestamp has a header of its own and `header` holds the
 * digest after `prefix` (Slack's and Zoom's `v0=<hex>`). */
export interface TimestampedScheme {
  readonly kind: 'timestamped';
  readonly header: string;
  readonly timestampHeader: string | undefined;
  /** What is signed: text with `{timestamp}`, then `{body}` at its end, each once (`{timestamp}.{body}`
   * for Stripe, `v0:{timestamp}:{body}` for Slack and Zoom, `{timestamp}:{body}` for Paddle). */
  readonly signedPayload: string;
  /** With `timestampHeader`: text before the digest in `header`; empty when none. */
  readonly prefix: string;
  /** Without `timestampHeader`: `header` holds `<timestampKey>=<ts>` and one `<signatureKey>=<sig>`
   * per signature, `separator` between them (`t`, `v1`, `,` for Stripe; `ts`, `h1`, `;` for Paddle). */
  readonly timestampKey: string;
  readonly signatureKey: string;
  readonly separator: string;
  readonly algorithm: SignatureAlgorithm;
  readonly encoding: SignatureEncoding;
  readonly tolerance: number;
  readonly description: Localized;
}

/**
 * How a delivery's body is made:
 * - `envelope`: `{ [typeField]: key, [dataField]: payload, ...properties }` (without a data
 *   field, the payload's own fields sit beside the envelope's);
 * - `bare`: the body is the payload; the `typeHeader` header names the event and, when there is
 *   an `actionField`, that body field names its variant;
 * - `batch`: the body holds a list of events, each in the envelope or the bare form.
 */
export type DeliveryShape = 'envelope' | 'bare' | 'batch';

/** The batch shape: where the list is, and the body's other fields. */
export interface Batch {
  /** Field holding the list; undefined when the body is a JSON array. */
  readonly field: string | undefined;
  readonly item: 'envelope' | 'bare';
  readonly description: Localized;
  readonly properties: { readonly [name: string]: JsonSchema };
  readonly required: readonly string[];
}

/** What every delivery has in common: its shape, and the fields and headers around the payload. */
export interface Envelope {
  readonly shape: DeliveryShape;
  /** Field holding the event key (envelope shape, and envelope items of a batch). */
  readonly typeField: string;
  /** Field holding the payload; undefined when the payload's fields sit beside the envelope's. */
  readonly dataField: string | undefined;
  /** Header naming the event (bare shape, and bare items of a batch). */
  readonly typeHeader: string | undefined;
  /** Body field naming the event's variant (bare shape). */
  readonly actionField: string | undefined;
  /** Set when the shape is `batch`. */
  readonly batch: Batch | undefined;
  /** Other envelope properties (id, created timestamp...), as JSON Schemas. */
  readonly properties: { readonly [name: string]: JsonSchema };
  /** Required envelope properties besides the type and data fields (always required). */
  readonly required: readonly string[];
  readonly description: Localized;
  readonly headers: readonly Header[];
  readonly signature: SignatureScheme | undefined;
  /** Status codes a receiver may answer with, and what each means to the sender. */
  readonly responses: readonly ReceiverResponse[];
  /** How often delivery is retried, in the catalog's words. */
  readonly retries: Localized | undefined;
}

export interface ReceiverResponse {
  readonly status: string;
  readonly description: Localized;
}

export type SubscriptionOperationName = 'list' | 'create' | 'get' | 'update' | 'delete' | 'test';

export interface SubscriptionOperation {
  readonly name: SubscriptionOperationName;
  readonly summary: Localized;
  readonly description: Localized;
}

/** A field of the subscription resource beyond the standard ones. */
export interface SubscriptionField {
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly title: Localized;
  readonly description: Localized;
}

/** How a delivery target is addressed: an HTTPS URL, or an e-mail address. */
export type TargetKind = 'url' | 'email';

/** A `{name}` segment of the subscription API's path (`/repos/{owner}/{repo}/hooks`). */
export interface PathParameter {
  readonly name: string;
  readonly description: Localized;
  readonly schema: JsonSchema;
}

/** Values of the events field besides the event keys. */
export interface EventWildcards {
  /** `*` subscribes to every event. */
  readonly all: boolean;
  /** An event family subscribes to every event in it: by the leading parts of its keys
   * (`prefix`: `issues`), by those and `*` (`star`: `issues.*`), or not at all. */
  readonly families: 'none' | 'prefix' | 'star';
}

/** The secret that signs deliveries: who makes it, and where it is sent or returned. */
export interface SubscriptionSecret {
  readonly description: Localized;
  /** `user`: sent on create and update, never returned. `provider`: returned, never sent. */
  readonly generatedBy: 'user' | 'provider';
  /** Whether create must send it (a secret the user makes). */
  readonly required: boolean;
  /** Which responses carry a secret the provider makes: all, or only the one to create. */
  readonly returned: 'always' | 'create';
  /** Minimum secret length, when the provider enforces one. */
  readonly minLength: number | undefined;
}

/** The subscription-management API and portal: endpoints that receive events. */
export interface SubscriptionApi {
  readonly title: Localized;
  readonly description: Localized;
  /** Path of the collection, e.g. `/v2/webhooks` or `/repos/{owner}/{repo}/hooks`; items live at
   * `<path>/{<idParameter>}`. */
  readonly path: string;
  /** The `{name}` segments of `path`, in the order they appear there. */
  readonly pathParameters: readonly PathParameter[];
  /** The subscription's property holding its id. */
  readonly idField: string;
  /** The path parameter naming one subscription. */
  readonly idParameter: string;
  /** What an id is: `{ type: string }` or `{ type: integer }`, maybe with a format or pattern. */
  readonly idSchema: JsonSchema;
  /** The subscription's property listing its events (`events`, Stripe's `enabled_events`). */
  readonly eventsField: string;
  readonly wildcards: EventWildcards;
  readonly targets: readonly TargetKind[];
  /** Operations offered, in the catalog's order. */
  readonly operations: readonly SubscriptionOperation[];
  readonly secret: SubscriptionSecret | undefined;
  readonly fields: readonly SubscriptionField[];
}

/** A change of a version, as `hookcat diff` classified it (see `src/history/diff/rules.ts`). */
export interface VersionChange {
  readonly level: 'breaking' | 'potentially-breaking' | 'safe';
  readonly rule: string;
  /** An event key, or `envelope`, `headers`, `signature`, `subscriptions`, `catalog`. */
  readonly subject: string;
  /** JSON Pointer inside the subject, `` for the subject itself. */
  readonly path: string;
  readonly message: string;
}

/** One declared version of the catalog, for the changelog. */
export interface CatalogVersion {
  readonly version: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly notes: Localized | undefined;
  /** Changes recorded with `hookcat diff --attach`, in the order diff reported them. */
  readonly changes: readonly VersionChange[];
}

export interface Catalog {
  readonly id: string;
  readonly version: string;
  readonly title: Localized;
  readonly description: Localized;
  /** Declared locales, source locale first. */
  readonly locales: readonly Locale[];
  readonly sourceLocale: Locale;
  /** Where a missing text is taken from after the more general tags of its locale, before the
   * source locale (`catalog.fallbackLocale`); pages take their message files by the same chain. */
  readonly fallbackLocale?: Locale;
  /** Base URL of the published docs site, for `@see` links; undefined when none. */
  readonly docsUrl: string | undefined;
  /** Ordered categories. */
  readonly categories: readonly Category[];
  /** Every event, in catalog order (category order, then group order, then declaration order). */
  readonly events: readonly EventType[];
  /** Shared schemas, in declaration order. */
  readonly schemas: readonly NamedSchema[];
  readonly envelope: Envelope;
  readonly subscriptions: SubscriptionApi | undefined;
  /** Declared versions (`catalog.versions`), in declaration order; absent or empty when none. */
  readonly versions?: readonly CatalogVersion[];
  /** The npm package made of the catalog (`--only package`); absent in models built by hand. */
  readonly package?: PackageInfo;
}

/** Name, version and license of the package made of a catalog. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license: string;
}
