/** What the timestamped scheme signs, and how its single header is written, when the catalog does not say: Stripe's. */
export const TIMESTAMPED_DEFAULTS = { signedPayload: '{timestamp}.{body}', timestampKey: 't', signatureKey: 'v1', separator: ',' } as const;
