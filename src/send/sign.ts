/**
 * The sender's side of the signature schemes, for `hookcat send`: the headers that sign a body
 * as the catalog's provider signs it. (Receivers verify with the generated runtime; the tests
 * hold the two, Standard Webhooks' own library and Stripe's to the same signatures.)
 */
import { createHmac, randomBytes } from 'node:crypto';
import { signedAroundTimestamp } from '../model/signature.js';
import type { SignatureScheme } from '../model/types.js';

export interface Signing {
  readonly secret: string;
  /** Unix seconds to sign. */
  readonly timestamp: number;
  /** The delivery id, for standard-webhooks. */
  readonly id?: string;
}

/** The key of `secret` under `scheme`: standard-webhooks secrets are `whsec_` + base64, others their UTF-8 bytes. */
function keyOf(scheme: SignatureScheme, secret: string): Buffer {
  if (scheme.kind !== 'standard-webhooks') return Buffer.from(secret, 'utf8');
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** The signature headers of `body` (the exact bytes sent). */
export function signDelivery(scheme: SignatureScheme, body: string, signing: Signing): Record<string, string> {
  const algorithm = scheme.kind === 'standard-webhooks' ? 'sha256' : scheme.algorithm;
  const mac = (prefix: string): Buffer => createHmac(algorithm, keyOf(scheme, signing.secret)).update(prefix).update(body).digest();
  const timestamp = String(signing.timestamp);
  switch (scheme.kind) {
    case 'standard-webhooks': {
      const id = signing.id ?? `msg_${randomBytes(12).toString('hex')}`;
      const signature = mac(`${id}.${timestamp}.`).toString('base64');
      return { [scheme.headers.id]: id, [scheme.headers.timestamp]: timestamp, [scheme.headers.signature]: `v1,${signature}` };
    }
    case 'hmac':
      return { [scheme.header]: scheme.prefix + mac('').toString(scheme.encoding) };
    case 'timestamped': {
      const [before, after] = signedAroundTimestamp(scheme.signedPayload);
      const digest = mac(before + timestamp + after).toString(scheme.encoding);
      if (scheme.timestampHeader !== undefined) return { [scheme.timestampHeader]: timestamp, [scheme.header]: scheme.prefix + digest };
      return { [scheme.header]: `${scheme.timestampKey}=${timestamp}${scheme.separator}${scheme.signatureKey}=${digest}` };
    }
  }
}
