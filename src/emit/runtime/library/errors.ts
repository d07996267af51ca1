/** `runtime/errors.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const ERRORS_MODULE = `/**
 * Why a delivery was refused. Every error has a stable \`code\` and the HTTP \`status\` a receiver
 * should answer with: 401 when the delivery is not proven to come from the sender, 400 when its
 * body is not an event of the catalog.
 */
export class WebhookError extends Error {
  override readonly name: string = 'WebhookError';
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** The delivery is not proven to come from the sender. */
export class WebhookVerificationError extends WebhookError {
  override readonly name: string = 'WebhookVerificationError';
}

/** A header the signature scheme needs is missing. */
export class MissingHeaderError extends WebhookVerificationError {
  override readonly name: string = 'MissingHeaderError';
  readonly header: string;

  constructor(header: string) {
    super('missing_header', 401, 'the delivery has no ' + header + ' header');
    this.header = header;
  }
}

/** No signature matches the body with any of the secrets: a changed body, a wrong secret, or a malformed header. */
export class InvalidSignatureError extends WebhookVerificationError {
  override readonly name: string = 'InvalidSignatureError';

  constructor(message = 'no signature matches the body') {
    super('invalid_signature', 401, message);
  }
}

/** The signed timestamp is not a number, or further from now than the tolerance (a replay, or a clock off). */
export class TimestampError extends WebhookVerificationError {
  override readonly name: string = 'TimestampError';
  /** The signed time in Unix seconds (NaN when it is not a number). */
  readonly timestamp: number;

  constructor(timestamp: number, message: string) {
    super('invalid_timestamp', 401, message);
    this.timestamp = timestamp;
  }
}

/** The body is not an event of the catalog. */
export class WebhookParseError extends WebhookError {
  override readonly name: string = 'WebhookParseError';
}

/** The body is not JSON. */
export class InvalidJsonError extends WebhookParseError {
  override readonly name: string = 'InvalidJsonError';

  constructor(message: string) {
    super('invalid_json', 400, 'the body is not JSON: ' + message);
  }
}

/** The event type is not one of the catalog's. */
export class UnknownEventError extends WebhookParseError {
  override readonly name: string = 'UnknownEventError';
  /** The type the delivery named (as it was, when it is not a string). */
  readonly eventType: unknown;
  /** The parsed body, for a receiver that accepts events newer than its catalog. */
  readonly body: unknown;

  constructor(eventType: unknown, body: unknown) {
    super('unknown_event', 400, 'unknown event type ' + JSON.stringify(eventType));
    this.eventType = eventType;
    this.body = body;
  }
}

/** The body breaks the schema of its event; \`pointer\` is the JSON pointer of the failing value in the body. */
export class InvalidEventError extends WebhookParseError {
  override readonly name: string = 'InvalidEventError';
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. \`required\`, \`type\`, \`format\`. */
  readonly keyword: string;
  readonly eventType: string | undefined;

  constructor(pointer: string, keyword: string, detail: string, eventType: string | undefined) {
    super('invalid_event', 400, (eventType === undefined ? 'the body' : eventType) + ' at "' + pointer + '" ' + detail);
    this.pointer = pointer;
    this.keyword = keyword;
    this.eventType = eventType;
  }
}
`;
