/**
 * Slack's, Zoom's and Paddle's signatures as each provider documents them, computed here with
 * `node:crypto` and nothing of hookcat, and the published test vectors that pin those
 * computations to the providers' own: a test that checks the runtime, `hookcat send` or the site's
 * sample against these judges them by the providers' rules, not by hookcat's reading of them.
 */
import { createHmac } from 'node:crypto';

const hmacHex = (secret: string, text: string): string => createHmac('sha256', secret).update(text, 'utf8').digest('hex');

/**
 * Slack: `X-Slack-Signature: v0=` + hex HMAC-SHA256, keyed with the signing secret's text, of
 * `v0:<X-Slack-Request-Timestamp>:<raw body>`.
 * https://api.slack.com/authentication/verifying-requests-from-slack ("Verifying requests from
 * Slack", its worked example: this signing secret, timestamp and slash-command body give this signature).
 */
export const SLACK_VECTOR = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
} as const;

export function slackHeaders(secret: string, timestamp: number, body: string): Record<string, string> {
  return { 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': `v0=${hmacHex(secret, `v0:${timestamp}:${body}`)}` };
}

/**
 * Zoom: `x-zm-signature: v0=` + hex HMAC-SHA256, keyed with the webhook secret token, of
 * `v0:<x-zm-request-timestamp>:<body>`, as Zoom's docs ("Verify webhook events",
 * https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events) and its official sample
 * (github.com/zoom/webhook-sample, index.js) compute it. Zoom publishes no fixed vector; this is
 * that computation.
 */
export function zoomHeaders(secret: string, timestamp: number, body: string): Record<string, string> {
  return { 'x-zm-request-timestamp': String(timestamp), 'x-zm-signature': `v0=${hmacHex(secret, `v0:${timestamp}:${body}`)}` };
}

/**
 * Paddle Billing: `Paddle-Signature: ts=<ts>;h1=<hex>` (one `h1` per secret while rotating), hex
 * HMAC-SHA256, keyed with the endpoint secret key, of `<ts>:<raw body>`
 * (https://developer.paddle.com/webhooks/signature-verification). The vectors are those of
 * Paddle's Node SDK tests (github.com/PaddleHQ/paddle-node-sdk,
 * src/__tests__/notifications/webhooks-validator.test.ts): "Valid signature", "Valid signature
 * with multiple hashes" (two `h1` and an `h2` to ignore), and its refusals.
 */
export const PADDLE_VECTORS = {
  secret: 'VALID_SECRET',
  timestamp: 1698796800,
  valid: { body: '{"data": ["1", "2"]}', header: 'ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9' },
  multiple: {
    body: '{"data": "value"}',
    header:
      'ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH',
  },
  /** The SDK's refusals of the valid vector: another secret, and the body with more spaces. */
  otherSecret: 'INVALID_VALID_SECRET',
  spacedBody: '{ "data": [ "1", "2" ]}',
} as const;

export function paddleHeaders(secrets: readonly string[], timestamp: number, body: string): Record<string, string> {
  return { 'Paddle-Signature': [`ts=${timestamp}`, ...secrets.map((secret) => `h1=${hmacHex(secret, `${timestamp}:${body}`)}`)].join(';') };
}
