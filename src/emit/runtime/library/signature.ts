/** `runtime/signature.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const SIGNATURE_MODULE = `/**
 * The signature schemes a catalog can declare, verified and produced over the raw body.
 * Every scheme takes several secrets (rotation: a delivery passes when any secret verifies it);
 * standard-webhooks and the single-header form of timestamped (Stripe's, Paddle's) also carry
 * several signatures in one header.
 */
import { bodyBytes, equalBytes, fromBase64, fromHex, toBase64, toHex, utf8, type RawBody } from './bytes.js';
import { InvalidSignatureError, MissingHeaderError, TimestampError } from './errors.js';
import { headerValue, type HeadersInput } from './headers.js';
import { hmac, type HmacAlgorithm } from './hmac.js';

/** How a digest is written in its header. */
export type DigestEncoding = 'hex' | 'base64';

/** A signature scheme as data (the catalog's \`envelope.signature\`). */
export type SignatureScheme =
  | {
      readonly kind: 'standard-webhooks';
      readonly tolerance: number;
      /** Its three headers when they are not \`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\` (Svix's \`svix-id\`...). */
      readonly headers?: { readonly id: string; readonly timestamp: string; readonly signature: string };
    }
  | { readonly kind: 'hmac'; readonly header: string; readonly algorithm: HmacAlgorithm; readonly encoding: DigestEncoding; readonly prefix: string }
  | {
      readonly kind: 'timestamped';
      readonly header: string;
      readonly timestampHeader: string | undefined;
      readonly algorithm: HmacAlgorithm;
      readonly encoding: DigestEncoding;
      readonly tolerance: number;
      /** What is signed: \`{timestamp}\`, then \`{body}\` at its end; default \`{timestamp}.{body}\` (Stripe), \`v0:{timestamp}:{body}\` for Slack and Zoom. */
      readonly signedPayload?: string;
      /** With \`timestampHeader\`: the text before the digest in \`header\` (Slack's and Zoom's \`v0=\`); default none. */
      readonly prefix?: string;
      /** Without \`timestampHeader\`: \`header\` holds \`<timestampKey>=<timestamp>\` and \`<signatureKey>=<signature>\` items, \`separator\` between them; default \`t\`, \`v1\`, \`,\` (Stripe; Paddle's are \`ts\`, \`h1\`, \`;\`). */
      readonly timestampKey?: string;
      readonly signatureKey?: string;
      readonly separator?: string;
    };

type TimestampedScheme = Extract<SignatureScheme, { readonly kind: 'timestamped' }>;

/** A signing secret: text (a standard-webhooks secret is \`whsec_\` + base64), or the key's bytes. */
export type Secret = string | Uint8Array;

/** One secret, or several while a secret is being rotated: any of them may have signed. */
export type Secrets = Secret | readonly Secret[];

export interface VerifyOptions {
  /** Seconds the signed timestamp may differ from now; default: the catalog's. */
  readonly tolerance?: number;
  /** The receiver's clock in Unix seconds; default: now. */
  readonly now?: number;
}

export interface SignOptions {
  /** Unix seconds to sign; default: now. */
  readonly timestamp?: number;
  /** The delivery id (standard-webhooks' \`webhook-id\`); default: a random one. */
  readonly id?: string;
}

const STANDARD = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

const secretList = (secrets: Secrets): readonly Secret[] => (Array.isArray(secrets) ? secrets : [secrets as Secret]);

/** The HMAC key of a secret: standard-webhooks secrets are base64 (after \`whsec_\`), other schemes use the text's bytes. */
function keyOf(scheme: SignatureScheme, secret: Secret): Uint8Array {
  if (secret.length === 0) throw new TypeError("an empty secret signs nothing: pass the endpoint's secret");
  if (typeof secret !== 'string') return secret;
  if (scheme.kind !== 'standard-webhooks') return utf8(secret);
  const key = fromBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret);
  if (key === undefined || key.length === 0) throw new TypeError('a standard-webhooks secret is whsec_ followed by base64');
  return key;
}

function required(headers: HeadersInput, name: string): string {
  const value = headerValue(headers, name);
  if (value === undefined || value === '') throw new MissingHeaderError(name);
  return value;
}

const decode = (encoding: DigestEncoding, text: string): Uint8Array | undefined => (encoding === 'hex' ? fromHex(text) : fromBase64(text));
const encode = (encoding: DigestEncoding, bytes: Uint8Array): string => (encoding === 'hex' ? toHex(bytes) : toBase64(bytes));

/** The text a timestamped scheme signs before the body: its \`signedPayload\` without \`{body}\`, the timestamp in place of \`{timestamp}\`. */
function signedBefore(scheme: TimestampedScheme, timestamp: string): string {
  const template = scheme.signedPayload ?? '{timestamp}.{body}';
  if (!/^[^{}]*\\{timestamp\\}[^{}]*\\{body\\}$/.test(template)) throw new TypeError('signedPayload must hold {timestamp}, then {body} at its end, not ' + template);
  // A function, not a string: \`$&\` and its kind in the timestamp header stay text.
  return template.slice(0, -'{body}'.length).replace('{timestamp}', () => timestamp);
}

/** What a delivery claims: the signatures given, the bytes they sign (before the body), and the signed time. */
interface Claim {
  readonly signatures: readonly Uint8Array[];
  readonly signedPrefix: string;
  readonly timestamp: string | undefined;
}

function claimOf(scheme: SignatureScheme, headers: HeadersInput): Claim {
  if (scheme.kind === 'standard-webhooks') {
    const names = scheme.headers ?? STANDARD;
    const id = required(headers, names.id);
    const timestamp = required(headers, names.timestamp);
    const signatures = required(headers, names.signature)
      .split(' ')
      .flatMap((entry) => {
        const comma = entry.indexOf(',');
        const bytes = comma > 0 && entry.slice(0, comma) === 'v1' ? fromBase64(entry.slice(comma + 1)) : undefined;
        return bytes === undefined ? [] : [bytes];
      });
    return { signatures, signedPrefix: id + '.' + timestamp + '.', timestamp };
  }
  if (scheme.kind === 'hmac') {
    const value = required(headers, scheme.header);
    if (!value.startsWith(scheme.prefix)) throw new InvalidSignatureError('the ' + scheme.header + ' header does not start with ' + scheme.prefix);
    const bytes = decode(scheme.encoding, value.slice(scheme.prefix.length));
    return { signatures: bytes === undefined ? [] : [bytes], signedPrefix: '', timestamp: undefined };
  }
  if (scheme.timestampHeader !== undefined) {
    const timestamp = required(headers, scheme.timestampHeader);
    const value = required(headers, scheme.header);
    const prefix = scheme.prefix ?? '';
    if (!value.startsWith(prefix)) throw new InvalidSignatureError('the ' + scheme.header + ' header does not start with ' + prefix);
    const bytes = decode(scheme.encoding, value.slice(prefix.length));
    return { signatures: bytes === undefined ? [] : [bytes], signedPrefix: signedBefore(scheme, timestamp), timestamp };
  }
  // One header: t=<timestamp>,v1=<signature>[,v1=<signature>...] (Stripe's; Paddle's ts=...;h1=...); other keys are ignored,
  // and of several t= the last one counts, as in Stripe's libraries.
  const timestampKey = scheme.timestampKey ?? 't';
  const signatureKey = scheme.signatureKey ?? 'v1';
  let timestamp: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const item of required(headers, scheme.header).split(scheme.separator ?? ',')) {
    const equals = item.indexOf('=');
    // An item without \`=\` has no key (Stripe's libraries skip it too).
    if (equals < 0) continue;
    const key = item.slice(0, equals).trim();
    const value = item.slice(equals + 1).trim();
    if (key === timestampKey) timestamp = value;
    const bytes = key === signatureKey ? decode(scheme.encoding, value) : undefined;
    if (bytes !== undefined) signatures.push(bytes);
  }
  if (timestamp === undefined) throw new InvalidSignatureError('the ' + scheme.header + ' header has no ' + timestampKey + '=<timestamp>');
  return { signatures, signedPrefix: signedBefore(scheme, timestamp), timestamp };
}

const algorithmOf = (scheme: SignatureScheme): HmacAlgorithm => (scheme.kind === 'standard-webhooks' ? 'sha256' : scheme.algorithm);

/** Throws a \`TypeError\` unless every one of \`secrets\` is a key \`scheme\` can use (not empty; a
 * standard-webhooks secret base64): checked when a receiver is made, so that one bad secret of a
 * rotation (an empty \`OLD=\` of a \`.env\` file) is found at start-up, not at every delivery. */
export function checkSecrets(scheme: SignatureScheme, secrets: Secrets): void {
  const list = secretList(secrets);
  if (list.length === 0) throw new TypeError("no secret: pass the endpoint's secret");
  for (const secret of list) keyOf(scheme, secret);
}

/** Throws a \`TypeError\` unless \`tolerance\` is a number of seconds, 0 or more (\`Infinity\` turns the timestamp check off). */
export function checkTolerance(tolerance: unknown): void {
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) throw new TypeError('the tolerance must be a number of seconds, 0 or more, not ' + String(tolerance));
}

/**
 * Resolves when a signature in \`headers\` matches \`rawBody\` under one of \`secrets\` and its
 * timestamp (when the scheme signs one) is within the tolerance; otherwise rejects with a
 * \`MissingHeaderError\`, \`InvalidSignatureError\` or \`TimestampError\` (a \`TypeError\` for a
 * tolerance below 0 or not a number, or a \`now\` that is not finite). Digests are compared in
 * constant time.
 */
export async function verifySignature(scheme: SignatureScheme, rawBody: RawBody, headers: HeadersInput, secrets: Secrets, options: VerifyOptions = {}): Promise<void> {
  const claim = claimOf(scheme, headers);
  const signed = [utf8(claim.signedPrefix), bodyBytes(rawBody)];
  let matched = false;
  for (const secret of secretList(secrets)) {
    const mac = hmac(algorithmOf(scheme), keyOf(scheme, secret), signed);
    const expected = mac instanceof Uint8Array ? mac : await mac;
    for (const signature of claim.signatures) matched = equalBytes(signature, expected) || matched;
  }
  if (!matched) throw new InvalidSignatureError();
  if (claim.timestamp === undefined || scheme.kind === 'hmac') return;
  const timestamp = /^[0-9]{1,15}$/.test(claim.timestamp) ? Number(claim.timestamp) : Number.NaN;
  if (Number.isNaN(timestamp)) throw new TimestampError(timestamp, 'the signed timestamp is not a number of seconds');
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.tolerance ?? scheme.tolerance;
  // NaN compares false both ways, and text adds as text: a clock or tolerance read badly would accept any timestamp.
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new TypeError('now must be a finite number of Unix seconds, not ' + String(now));
  checkTolerance(tolerance);
  if (timestamp < now - tolerance) throw new TimestampError(timestamp, 'the signed timestamp is ' + (now - timestamp) + ' s old; at most ' + tolerance + ' s are allowed');
  if (timestamp > now + tolerance) throw new TimestampError(timestamp, 'the signed timestamp is ' + (timestamp - now) + ' s ahead; at most ' + tolerance + ' s are allowed');
}

/**
 * The headers that sign \`rawBody\` under \`scheme\`, as a sender (or \`hookcat send\`) puts them on
 * the request. With several secrets, standard-webhooks and the single-header timestamped form carry
 * one signature per secret; the single-digest forms use the first secret.
 */
export async function signatureHeaders(scheme: SignatureScheme, rawBody: RawBody, secrets: Secrets, options: SignOptions = {}): Promise<Record<string, string>> {
  const list = secretList(secrets);
  if (list.length === 0) throw new TypeError('no secret to sign with');
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const body = bodyBytes(rawBody);
  const macs = async (prefix: string): Promise<Uint8Array[]> =>
    Promise.all(list.map((secret) => hmac(algorithmOf(scheme), keyOf(scheme, secret), [utf8(prefix), body])));
  if (scheme.kind === 'standard-webhooks') {
    const id = options.id ?? 'msg_' + toHex((globalThis as unknown as { crypto: { getRandomValues(bytes: Uint8Array): Uint8Array } }).crypto.getRandomValues(new Uint8Array(12)));
    const signatures = (await macs(id + '.' + timestamp + '.')).map((mac) => 'v1,' + toBase64(mac));
    const names = scheme.headers ?? STANDARD;
    return { [names.id]: id, [names.timestamp]: timestamp, [names.signature]: signatures.join(' ') };
  }
  if (scheme.kind === 'hmac') {
    const [first] = await macs('');
    return { [scheme.header]: scheme.prefix + encode(scheme.encoding, first ?? new Uint8Array()) };
  }
  const signatures = await macs(signedBefore(scheme, timestamp));
  if (scheme.timestampHeader !== undefined) {
    return { [scheme.timestampHeader]: timestamp, [scheme.header]: (scheme.prefix ?? '') + encode(scheme.encoding, signatures[0] ?? new Uint8Array()) };
  }
  const items = [(scheme.timestampKey ?? 't') + '=' + timestamp, ...signatures.map((mac) => (scheme.signatureKey ?? 'v1') + '=' + encode(scheme.encoding, mac))];
  return { [scheme.header]: items.join(scheme.separator ?? ',') };
}
`;
