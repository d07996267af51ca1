/** `runtime/delivery.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const DELIVERY_MODULE = `/**
 * What a delivery's body holds, by delivery shape: the one place that knows the shapes. \`parseBody\`
 * reads the raw body, finds the event type and checks the event against its precompiled validator.
 */
import { bodyText, type RawBody } from './bytes.js';
import { InvalidEventError, InvalidJsonError, UnknownEventError } from './errors.js';
import type { HeadersInput } from './headers.js';

/** One failure as a precompiled (ajv standalone) validator reports it. */
export interface ValidationIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
}

/** A precompiled validator: true when \`data\` is valid, else \`errors\` says why. */
export type Validate = ((data: unknown) => boolean) & { readonly errors?: readonly ValidationIssue[] | null };

/** The envelope shape: the body is one event, its type in \`typeField\`. */
export interface EnvelopeDelivery {
  readonly shape: 'envelope';
  readonly typeField: string;
}

/** Every delivery shape the runtime reads. */
export type DeliveryShape = EnvelopeDelivery;

/** The validator of each event type, by type. */
export type Validators = { readonly [type: string]: Validate };

const pointerPart = (name: string): string => '/' + name.replaceAll('~', '~0').replaceAll('/', '~1');

/** The body's JSON, or an \`InvalidJsonError\`. */
function json(rawBody: RawBody): unknown {
  try {
    return JSON.parse(bodyText(rawBody));
  } catch (error) {
    throw new InvalidJsonError(error instanceof Error ? error.message : String(error));
  }
}

/** \`event\` checked against the validator of its type; \`at\` is its JSON pointer in the body. */
function checkEvent(event: unknown, typeField: string, validators: Validators, at: string): string {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new InvalidEventError(at, 'type', 'must be an object', undefined);
  const type = (event as { readonly [field: string]: unknown })[typeField];
  if (typeof type !== 'string') throw new InvalidEventError(at + pointerPart(typeField), 'required', 'must name the event type', undefined);
  const validate = Object.hasOwn(validators, type) ? validators[type] : undefined;
  if (validate === undefined) throw new UnknownEventError(type, event);
  if (!validate(event)) {
    const issue = validate.errors?.[0];
    throw new InvalidEventError(at + (issue?.instancePath ?? ''), issue?.keyword ?? 'schema', issue?.message ?? 'does not match the schema', type);
  }
  return type;
}

/**
 * The body of a delivery, parsed and validated: the event of an envelope delivery. Throws
 * \`InvalidJsonError\`, \`UnknownEventError\` or \`InvalidEventError\` (with the JSON pointer of the
 * failure). \`headers\` name the event in the shapes that put its type in a header.
 */
export function parseBody(shape: DeliveryShape, validators: Validators, rawBody: RawBody, _headers?: HeadersInput): unknown {
  const body = json(rawBody);
  checkEvent(body, shape.typeField, validators, '');
  return body;
}
`;
