/** The headers a signature scheme puts on every delivery, for the pages, OpenAPI and the runtime. */
import type { SignatureScheme } from './types.js';

/** The header that holds the signature itself. */
export function signatureHeaderOf(scheme: SignatureScheme): string {
  return scheme.kind === 'standard-webhooks' ? scheme.headers.signature : scheme.header;
}

/** Every header the scheme needs, the signature header last. */
export function signatureHeadersOf(scheme: SignatureScheme): readonly string[] {
  if (scheme.kind === 'standard-webhooks') return [scheme.headers.id, scheme.headers.timestamp, scheme.headers.signature];
  if (scheme.kind === 'timestamped' && scheme.timestampHeader !== undefined) return [scheme.timestampHeader, scheme.header];
  return [scheme.header];
}

/** The MAC as the pages and OpenAPI name it, e.g. `hmac-sha256`. */
export function signatureAlgorithmName(scheme: SignatureScheme): string {
  return `hmac-${scheme.kind === 'standard-webhooks' ? 'sha256' : scheme.algorithm}`;
}
