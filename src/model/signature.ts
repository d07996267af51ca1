/** `envelope.signature` as written (a scheme, or the old form) -> the `SignatureScheme` model. */
import type { RawSignature, RawText } from '../catalog/source.js';
import type { Localized, SignatureAlgorithm, SignatureScheme, StandardWebhooksHeaders } from './types.js';
import { TIMESTAMPED_DEFAULTS } from '../catalog/signature-defaults.js';

/** Seconds a signed timestamp may be off when the catalog does not say (Stripe's and Standard Webhooks' five minutes). */
export const DEFAULT_TOLERANCE = 300;

export { TIMESTAMPED_DEFAULTS } from '../catalog/signature-defaults.js';

/** The text a timestamped scheme signs before and after the timestamp, ahead of the body:
 * `v0:{timestamp}:{body}` -> `['v0:', ':']` (the catalog format puts `{body}` last). */
export function signedAroundTimestamp(signedPayload: string): readonly [string, string] {
  const [before = '', after = ''] = signedPayload.slice(0, -'{body}'.length).split('{timestamp}');
  return [before, after];
}

/**
 * The scheme of a validated `signature` block. The old form `{ header, algorithm: hmac-sha256 }`
 * reads as `scheme: hmac`, hex, no prefix; a block with neither `scheme` nor `header` is
 * standard-webhooks, the default.
 */
export function buildSignatureScheme(raw: RawSignature, text: (value: RawText | undefined) => Localized): SignatureScheme {
  const description = text(raw.description);
  const algorithm = algorithmOf(raw.algorithm);
  const tolerance = raw.tolerance ?? DEFAULT_TOLERANCE;
  switch (raw.scheme ?? (raw.header === undefined ? 'standard-webhooks' : 'hmac')) {
    case 'standard-webhooks':
      return { kind: 'standard-webhooks', tolerance, headers: standardWebhooksHeaders(raw.headerPrefix ?? 'webhook'), description };
    case 'timestamped':
      return {
        kind: 'timestamped',
        header: raw.header ?? '',
        timestampHeader: raw.timestampHeader,
        signedPayload: raw.signedPayload ?? TIMESTAMPED_DEFAULTS.signedPayload,
        prefix: raw.prefix ?? '',
        timestampKey: raw.timestampKey ?? TIMESTAMPED_DEFAULTS.timestampKey,
        signatureKey: raw.signatureKey ?? TIMESTAMPED_DEFAULTS.signatureKey,
        separator: raw.separator ?? TIMESTAMPED_DEFAULTS.separator,
        algorithm,
        encoding: raw.encoding ?? 'hex',
        tolerance,
        description,
      };
    default:
      return { kind: 'hmac', header: raw.header ?? '', algorithm, encoding: raw.encoding ?? 'hex', prefix: raw.prefix ?? '', description };
  }
}

/**
 * The three headers of Standard Webhooks under `prefix`: `webhook` as the specification names them,
 * `svix` as Svix (and the providers that deliver through it: Clerk, Resend...) sends them. Lower
 * case, as the specification writes them; header names are case-insensitive.
 */
export function standardWebhooksHeaders(prefix: string): StandardWebhooksHeaders {
  const lower = prefix.toLowerCase();
  return { id: `${lower}-id`, timestamp: `${lower}-timestamp`, signature: `${lower}-signature` };
}

/** `sha512`, `hmac-sha512`, `HMAC-SHA512` -> sha512; anything else (the format allows only these) -> sha256. */
function algorithmOf(written: string | undefined): SignatureAlgorithm {
  return written?.toLowerCase().endsWith('sha512') === true ? 'sha512' : 'sha256';
}
