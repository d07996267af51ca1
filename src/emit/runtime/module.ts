/**
 * `runtime.ts` of a catalog: the library in `runtime/` bound to this catalog's signature scheme,
 * delivery shape, validators and event types. Only the marked constants depend on the catalog;
 * the rest is the same text for every catalog.
 */
import { itemForm } from '../../model/query.js';
import { TIMESTAMPED_DEFAULTS } from '../../model/signature.js';
import type { Catalog, SignatureScheme, StandardWebhooksScheme, TimestampedScheme } from '../../model/types.js';
import { tsString } from '../typescript/literal.js';
import { isBatch, shapeLiteral, typeFieldOf } from './shape.js';
import { validatorName } from './validators.js';

/** The scheme as the runtime's `SignatureScheme` literal (the description stays in the docs). */
function schemeLiteral(scheme: SignatureScheme | undefined): string {
  if (scheme === undefined) return 'undefined';
  if (scheme.kind === 'standard-webhooks') return standardWebhooksLiteral(scheme);
  const fields: [string, string | number | undefined][] =
    scheme.kind === 'hmac'
      ? [
          ['header', scheme.header],
          ['algorithm', scheme.algorithm],
          ['encoding', scheme.encoding],
          ['prefix', scheme.prefix],
        ]
      : [
          ['header', scheme.header],
          ['timestampHeader', scheme.timestampHeader],
          ['algorithm', scheme.algorithm],
          ['encoding', scheme.encoding],
          ['tolerance', scheme.tolerance],
          ...timestampedForm(scheme),
        ];
  const value = (v: string | number | undefined): string => (v === undefined ? 'undefined' : typeof v === 'number' ? String(v) : tsString(v));
  return `{ kind: ${tsString(scheme.kind)}, ${fields.map(([name, v]) => `${name}: ${value(v)}`).join(', ')} }`;
}

/**
 * What a timestamped scheme signs and how it writes its header, each only when it is not the
 * default (Stripe's), so that a catalog that does not set them keeps its runtime as it was.
 */
function timestampedForm(scheme: TimestampedScheme): [string, string][] {
  const fields: [string, string, string][] = [
    ['signedPayload', scheme.signedPayload, TIMESTAMPED_DEFAULTS.signedPayload],
    ['prefix', scheme.prefix, ''],
    ['timestampKey', scheme.timestampKey, TIMESTAMPED_DEFAULTS.timestampKey],
    ['signatureKey', scheme.signatureKey, TIMESTAMPED_DEFAULTS.signatureKey],
    ['separator', scheme.separator, TIMESTAMPED_DEFAULTS.separator],
  ];
  return fields.filter(([, value, fallback]) => value !== fallback).map(([name, value]) => [name, value]);
}

/**
 * A standard-webhooks literal: its header names only when they are not the specification's
 * (`svix-id`...), so that a catalog with the default headers keeps its runtime as it was.
 */
function standardWebhooksLiteral(scheme: StandardWebhooksScheme): string {
  const { id, timestamp, signature } = scheme.headers;
  const standard = id === 'webhook-id' && timestamp === 'webhook-timestamp' && signature === 'webhook-signature';
  const headers = standard ? '' : `, headers: { id: ${tsString(id)}, timestamp: ${tsString(timestamp)}, signature: ${tsString(signature)} }`;
  return `{ kind: 'standard-webhooks', tolerance: ${scheme.tolerance}${headers} }`;
}

/** The text of `runtime.ts` for `catalog`, after the `stamp` line. */
export function runtimeModule(catalog: Catalog, stamp: string): string {
  const typeField = typeFieldOf(catalog);
  const batch = isBatch(catalog);
  const validators = catalog.events.map((event, index) => `  [${tsString(event.key)}]: validators.${validatorName(index)},`);
  const oneEvent = itemForm(catalog) === 'bare' ? 'ReceivedEvent' : 'EventEnvelope';
  const typeOf = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(typeField) ? `event.${typeField}` : `event[${tsString(typeField)}]`;
  return [
    stamp,
    '/**',
    ` * What a receiver of catalog ${catalog.id.replaceAll('*/', '*\\/')} runs: \`verify\` the signature over the raw body, \`parse\` and`,
    ' * validate the body into a typed event, and `createHandler` / `createReceiver` to dispatch it by',
    ' * type. Needs nothing but Web APIs (Node >= 20 or any fetch runtime); see the `runtime/` folder.',
    ' * Re-exports the event types of `types.ts`, so that a package of the catalog has one entry.',
    ' */',
    "import * as validators from './runtime/validators.js';",
    "import type { RawBody } from './runtime/bytes.js';",
    "import { parseBody, type DeliveryShape, type Validate } from './runtime/delivery.js';",
    "import { UnknownEventError, WebhookVerificationError } from './runtime/errors.js';",
    "import type { HeadersInput } from './runtime/headers.js';",
    "import { checkSecrets, checkTolerance, signatureHeaders, verifySignature, type Secrets, type SignatureScheme, type SignOptions, type VerifyOptions } from './runtime/signature.js';",
    `import type { ${oneEvent}, EventHandlers, EventType, ${batch ? 'WebhookBatch, ' : ''}WebhookEvent } from './types.js';`,
    '',
    "export { answer, expressHandler, fastifyHandler, fetchHandler, nodeListener, Reply, reply, type Answer, type BodyOptions, type Receive } from './runtime/adapters.js';",
    "export type { RawBody } from './runtime/bytes.js';",
    `export { EVENT_TYPES, isEventType, ${typeExports(catalog)
      .map((name) => `type ${name}`)
      .join(', ')} } from './types.js';`,
    "export * from './runtime/errors.js';",
    "export type { HeadersInput } from './runtime/headers.js';",
    "export type { Secret, Secrets, SignatureScheme, SignOptions, VerifyOptions } from './runtime/signature.js';",
    '',
    '/** How this catalog signs its deliveries (undefined: it does not). */',
    `export const SIGNATURE_SCHEME: SignatureScheme | undefined = ${schemeLiteral(catalog.envelope.signature)};`,
    '',
    '/** How a delivery holds its event. */',
    `const SHAPE: DeliveryShape = ${shapeLiteral(catalog)};`,
    '',
    'const VALIDATORS: { readonly [K in EventType]: Validate } = {',
    ...validators,
    '};',
    '',
    '/**',
    ' * Resolves when `rawBody` (the bytes as received, before any JSON parsing) is signed by one of',
    ' * `secret` (several while rotating) and its timestamp is within the tolerance; rejects with',
    ' * `MissingHeaderError`, `InvalidSignatureError` or `TimestampError` otherwise.',
    ' */',
    'export async function verify(rawBody: RawBody, headers: HeadersInput, secret: Secrets, options: VerifyOptions = {}): Promise<void> {',
    `  if (SIGNATURE_SCHEME === undefined) throw new WebhookVerificationError('unsigned', 401, ${tsString(`catalog ${catalog.id} declares no signature scheme`)});`,
    '  return verifySignature(SIGNATURE_SCHEME, rawBody, headers, secret, options);',
    '}',
    '',
    '/** The headers that sign `rawBody` as the sender would (for tests and `hookcat send`). */',
    'export async function sign(rawBody: RawBody, secret: Secrets, options: SignOptions = {}): Promise<Record<string, string>> {',
    `  if (SIGNATURE_SCHEME === undefined) throw new WebhookVerificationError('unsigned', 401, ${tsString(`catalog ${catalog.id} declares no signature scheme`)});`,
    '  return signatureHeaders(SIGNATURE_SCHEME, rawBody, secret, options);',
    '}',
    '',
    ...parseFunction(batch),
    '',
    "/** Calls the handler of the event's type with the event narrowed to that type, else `fallback`. */",
    'export async function dispatch<K extends EventType, R>(',
    `  event: ${oneEvent}<K>,`,
    '  handlers: EventHandlers<R>,',
    '  fallback?: (event: WebhookEvent) => R | Promise<R>,',
    '): Promise<R | undefined> {',
    `  const type = ${typeOf};`,
    '  const handler = handlers[type];',
    '  // An event type named like a member of every object (`constructor`, `toString`) is not that member;',
    '  // handlers a class or a prototype gives are handlers.',
    '  if (handler !== undefined && handler !== (Object.prototype as Record<PropertyKey, unknown>)[type]) return handler(event);',
    '  return fallback?.(event as unknown as WebhookEvent);',
    '}',
    '',
    'export interface HandlerOptions<R> {',
    '  /** Called with every event that has no handler of its own. */',
    '  readonly fallback?: (event: WebhookEvent) => R | Promise<R>;',
    '}',
    '',
    '/** A function that hands each event to its handler (one per event type, all optional). */',
    'export function createHandler<R = void>(handlers: EventHandlers<R>, options: HandlerOptions<R> = {}): (event: WebhookEvent) => Promise<R | undefined> {',
    '  return (event) => dispatch(event, handlers, options.fallback);',
    '}',
    '',
    'export interface ReceiverOptions<R> extends HandlerOptions<R> {',
    '  /** The signing secret, or several while rotating; `undefined` only for a catalog that does not sign. */',
    '  readonly secret: Secrets | undefined;',
    '  readonly handlers: EventHandlers<R>;',
    "  /** Seconds a signed timestamp may be off; default: the catalog's. */",
    '  readonly tolerance?: number;',
    '  /** Called for an event type the catalog does not know (newer than this package); default: refuse it. */',
    '  readonly unknown?: (error: UnknownEventError) => R | Promise<R>;',
    '}',
    '',
    ...receiverFunction(catalog, batch),
    '',
  ].join('\n');
}

/** The event types of `types.ts` the runtime re-exports: those of every shape, and the shape's own. */
function typeExports(catalog: Catalog): string[] {
  const own = itemForm(catalog) === 'bare' ? ['EventDeliveredAs', 'EventNames', 'ReceivedEvent'] : ['EventEnvelope'];
  return [...own, 'EventHandlers', 'EventOf', 'EventPayloads', 'EventType', ...(isBatch(catalog) ? ['WebhookBatch'] : []), 'WebhookEvent'];
}

/** `parse`: one event, or (for batches) the events of the body and the body. */
function parseFunction(batch: boolean): string[] {
  const doc = [
    '/**',
    ` * The ${batch ? 'events' : 'event'} in \`rawBody\`, validated against ${batch ? 'their schemas' : 'its schema'} and typed; throws \`InvalidJsonError\`,`,
    ' * `UnknownEventError` or `InvalidEventError` (with `pointer`, the JSON pointer of the failure).',
    ' */',
  ];
  if (!batch)
    return [
      ...doc,
      'export function parse(rawBody: RawBody, headers?: HeadersInput): WebhookEvent {',
      '  return parseBody(SHAPE, VALIDATORS, rawBody, headers) as WebhookEvent;',
      '}',
    ];
  return [
    '/** A batch delivery as `parse` returns it: its events in order, and the body they came in. */',
    'export interface ReceivedBatch {',
    '  readonly events: readonly WebhookEvent[];',
    '  readonly body: WebhookBatch;',
    '}',
    '',
    ...doc,
    'export function parse(rawBody: RawBody, headers?: HeadersInput): ReceivedBatch {',
    '  return parseBody(SHAPE, VALIDATORS, rawBody, headers) as ReceivedBatch;',
    '}',
  ];
}

/** `createReceiver`: `verify`, `parse` and dispatch (of each event of a batch) in one function. */
function receiverFunction(catalog: Catalog, batch: boolean): string[] {
  const result = batch ? '(R | undefined)[]' : 'R | undefined';
  return [
    '/** `verify`, `parse` and dispatch in one function of the raw body and headers: what the adapters take. */',
    `export function createReceiver<R = void>(options: ReceiverOptions<R>): (rawBody: RawBody, headers: HeadersInput) => Promise<${result}> {`,
    '  const { secret, unknown } = options;',
    "  if (secret === undefined && SIGNATURE_SCHEME !== undefined) throw new TypeError('this catalog signs its deliveries: pass the secret');",
    `  if (secret !== undefined && SIGNATURE_SCHEME === undefined) throw new TypeError(${tsString(`catalog ${catalog.id} declares no signature scheme, so no delivery can be verified: leave out the secret`)});`,
    '  if (secret !== undefined && SIGNATURE_SCHEME !== undefined) checkSecrets(SIGNATURE_SCHEME, secret);',
    '  if (options.tolerance !== undefined) checkTolerance(options.tolerance);',
    '  const handle = createHandler(options.handlers, options);',
    '  const verifyOptions: VerifyOptions = options.tolerance === undefined ? {} : { tolerance: options.tolerance };',
    '  return async (rawBody, headers) => {',
    '    if (secret !== undefined) await verify(rawBody, headers, secret, verifyOptions);',
    `    let received: ${batch ? 'ReceivedBatch' : 'WebhookEvent'};`,
    '    try {',
    '      received = parse(rawBody, headers);',
    '    } catch (error) {',
    `      if (error instanceof UnknownEventError && unknown !== undefined) return ${batch ? '[await unknown(error)]' : 'unknown(error)'};`,
    '      throw error;',
    '    }',
    batch ? '    const results: (R | undefined)[] = [];' : '    return handle(received);',
    ...(batch ? ['    for (const event of received.events) results.push(await handle(event));', '    return results;'] : []),
    '  };',
    '}',
  ];
}
