/** `runtime/delivery.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const DELIVERY_MODULE = `/**
 * What a delivery's body holds, by delivery shape: the one place that knows the shapes.
 * - envelope: the body is the event, its type in \`typeField\`;
 * - bare: the body is the payload; a header names the event and, optionally, a body field its
 *   action; the event is returned as \`{ type, name, action, payload }\`;
 * - batch: the body (or a field of it) is a list of events of one of the forms above.
 * \`parseBody\` reads the raw body, finds each event's type and checks the event against its
 * precompiled validator; a failure is a named error with the JSON pointer of the failing value.
 */
import { bodyText, type RawBody } from './bytes.js';
import { InvalidEventError, InvalidJsonError, UnknownEventError } from './errors.js';
import { headerValue, type HeadersInput } from './headers.js';

/** One failure as a precompiled (ajv standalone) validator reports it. */
export interface ValidationIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
}

/** A precompiled validator: true when \`data\` is valid, else \`errors\` says why. */
export type Validate = ((data: unknown) => boolean) & { readonly errors?: readonly ValidationIssue[] | null };

/** The validator of each event type, by type: of the whole event (envelope) or of its payload (bare). */
export type Validators = { readonly [type: string]: Validate };

/** The envelope shape: the body is one event, its type in \`typeField\`. */
export interface EnvelopeDelivery {
  readonly shape: 'envelope';
  readonly typeField: string;
}

/** The bare shape: the body is the payload, \`typeHeader\` names the event, \`actionField\` (when set) its action. */
export interface BareDelivery {
  readonly shape: 'bare';
  readonly typeHeader: string;
  readonly actionField: string | undefined;
  /** The event type by header value, then by action (\`''\` for an event delivered without one). */
  readonly types: { readonly [name: string]: { readonly [action: string]: string } };
}

/** The batch shape: a list of events, in \`field\` of the body or as the body itself. */
export interface BatchDelivery {
  readonly shape: 'batch';
  readonly field: string | undefined;
  readonly item: EnvelopeDelivery | BareDelivery;
  /** Checks the body around the list (its other fields); undefined when the body is the list. */
  readonly validate: Validate | undefined;
}

/** Every delivery shape the runtime reads. */
export type DeliveryShape = EnvelopeDelivery | BareDelivery | BatchDelivery;

/** A bare event as the runtime hands it on: its type, the header value and action it came with, the payload. */
export interface BareEvent {
  readonly type: string;
  readonly name: string;
  readonly action: string | undefined;
  readonly payload: unknown;
}

/** A batch as the runtime hands it on: its events in order, and the body they came in. */
export interface ParsedBatch {
  readonly events: readonly unknown[];
  readonly body: unknown;
}

const pointerPart = (name: string | number): string => '/' + String(name).replaceAll('~', '~0').replaceAll('/', '~1');
const isObject = (value: unknown): value is { readonly [field: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body's JSON, or an \`InvalidJsonError\`. */
function json(rawBody: RawBody): unknown {
  try {
    return JSON.parse(bodyText(rawBody));
  } catch (error) {
    throw new InvalidJsonError(error instanceof Error ? error.message : String(error));
  }
}

/** Throws an \`InvalidEventError\` for the first failure of \`validate\` on \`data\`, found at \`at\`. */
function check(validate: Validate, data: unknown, at: string, type: string | undefined): void {
  let valid: boolean;
  try {
    valid = validate(data);
  } catch (error) {
    // A recursive schema is checked as deep as the body nests: a body past the stack is refused, like any other bad body.
    if (error instanceof RangeError) throw new InvalidEventError(at, 'depth', 'nests too deep to be checked', type);
    throw error;
  }
  if (valid) return;
  const issue = validate.errors?.[0];
  throw new InvalidEventError(at + (issue?.instancePath ?? ''), issue?.keyword ?? 'schema', issue?.message ?? 'does not match the schema', type);
}

/** The validator of \`type\`; an \`UnknownEventError\` for a type the catalog does not have. */
function validatorOf(validators: Validators, type: string, event: unknown): Validate {
  const validate = Object.hasOwn(validators, type) ? validators[type] : undefined;
  if (validate === undefined) throw new UnknownEventError(type, event);
  return validate;
}

/** An envelope event at \`at\`, checked against the validator of its type. */
function envelopeEvent(shape: EnvelopeDelivery, validators: Validators, event: unknown, at: string): unknown {
  if (!isObject(event)) throw new InvalidEventError(at, 'type', 'must be an object', undefined);
  const type = event[shape.typeField];
  if (typeof type !== 'string') throw new InvalidEventError(at + pointerPart(shape.typeField), 'required', 'must name the event type', undefined);
  check(validatorOf(validators, type, event), event, at, type);
  return event;
}

/** A bare event at \`at\`: its type from the header and the action field, its payload checked. */
function bareEvent(shape: BareDelivery, validators: Validators, payload: unknown, headers: HeadersInput | undefined, at: string): BareEvent {
  const name = headers === undefined ? undefined : headerValue(headers, shape.typeHeader);
  const byAction = name !== undefined && Object.hasOwn(shape.types, name) ? shape.types[name] : undefined;
  if (name === undefined || byAction === undefined) throw new UnknownEventError(name, payload);
  const field = shape.actionField === undefined || !isObject(payload) ? undefined : payload[shape.actionField];
  const action = typeof field === 'string' && Object.hasOwn(byAction, field) ? field : undefined;
  const type = action === undefined ? (Object.hasOwn(byAction, '') ? byAction[''] : undefined) : byAction[action];
  if (type === undefined) throw new UnknownEventError(typeof field === 'string' ? name + '.' + field : name, payload);
  check(validatorOf(validators, type, payload), payload, at, type);
  return { type, name, action, payload };
}

function itemOf(shape: EnvelopeDelivery | BareDelivery, validators: Validators, item: unknown, headers: HeadersInput | undefined, at: string): unknown {
  return shape.shape === 'envelope' ? envelopeEvent(shape, validators, item, at) : bareEvent(shape, validators, item, headers, at);
}

/** The events of a batch body, each checked, with the body around them. */
function batchOf(shape: BatchDelivery, validators: Validators, body: unknown, headers: HeadersInput | undefined): ParsedBatch {
  if (shape.validate !== undefined) check(shape.validate, body, '', undefined);
  const at = shape.field === undefined ? '' : pointerPart(shape.field);
  const list = shape.field === undefined ? body : isObject(body) ? body[shape.field] : undefined;
  if (!Array.isArray(list)) throw new InvalidEventError(at, 'type', 'must be a list of events', undefined);
  return { events: list.map((item: unknown, i) => itemOf(shape.item, validators, item, headers, at + pointerPart(i))), body };
}

/**
 * The body of a delivery, parsed and validated: the event (envelope), a \`BareEvent\` (bare) or a
 * \`ParsedBatch\` (batch). Throws \`InvalidJsonError\`, \`UnknownEventError\` or \`InvalidEventError\`
 * (with the JSON pointer of the failure). \`headers\` name the event in the bare shapes.
 */
export function parseBody(shape: DeliveryShape, validators: Validators, rawBody: RawBody, headers?: HeadersInput): unknown {
  const body = json(rawBody);
  return shape.shape === 'batch' ? batchOf(shape, validators, body, headers) : itemOf(shape, validators, body, headers, '');
}
`;
