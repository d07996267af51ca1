/** `hookcat send`'s signatures: what the runtime, Standard Webhooks' library and Stripe's accept, for every scheme, and Slack's, Zoom's and Paddle's as they document them. */
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { signDelivery } from '../src/send/sign.js';
import { main } from '../src/cli.js';
import { PADDLE_VECTORS, paddleHeaders, SLACK_VECTOR, slackHeaders, zoomHeaders } from './emit/runtime/provider-signatures.js';
import { runtimeOf, SCHEMES, seedCatalog, withScheme } from './emit/runtime/runtime-at.js';

const BODY = '{"type":"order.created","data":{"number":"KR-1"}}';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe.each(Object.keys(SCHEMES))('hookcat send signs with scheme %s', (name) => {
  it('as the generated runtime verifies', async () => {
    const scheme = SCHEMES[name]!;
    const runtime = await runtimeOf(withScheme(await seedCatalog('shop'), scheme));
    const now = Math.floor(Date.now() / 1000);
    const headers = signDelivery(scheme, BODY, { secret: SECRET, timestamp: now });
    await expect(runtime.verify(BODY, headers, SECRET)).resolves.toBeUndefined();
    await expect(runtime.verify(BODY, headers, 'whsec_dGhlIG90aGVyIHNlY3JldA==')).rejects.toBeInstanceOf(runtime.InvalidSignatureError);
  });
});

describe('hookcat send and the official libraries', () => {
  it("signs Standard Webhooks deliveries the reference library verifies, and Stripe's form as Stripe does", () => {
    const now = Math.floor(Date.now() / 1000);
    const standard = signDelivery(SCHEMES['standard-webhooks']!, BODY, { secret: SECRET, timestamp: now, id: 'msg_1' });
    expect(new Webhook(SECRET).verify(BODY, standard)).toEqual(JSON.parse(BODY));
    const stripe = signDelivery(SCHEMES['timestamped (Stripe)']!, BODY, { secret: SECRET, timestamp: now });
    expect(new Stripe('sk_test_offline').webhooks.constructEvent(BODY, stripe['Stripe-Signature']!, SECRET)).toEqual(JSON.parse(BODY));
  });

  it("signs Slack's, Zoom's and Paddle's headers as each provider documents them, to the byte of their published vectors", () => {
    const { secret, timestamp, body, signature } = SLACK_VECTOR;
    expect(signDelivery(SCHEMES['timestamped (Slack)']!, body, { secret, timestamp })).toEqual({
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature,
    });
    const now = Math.floor(Date.now() / 1000);
    expect(signDelivery(SCHEMES['timestamped (Slack)']!, BODY, { secret: SECRET, timestamp: now })).toEqual(slackHeaders(SECRET, now, BODY));
    expect(signDelivery(SCHEMES['timestamped (Zoom)']!, BODY, { secret: SECRET, timestamp: now })).toEqual(zoomHeaders(SECRET, now, BODY));
    const paddle = PADDLE_VECTORS;
    expect(signDelivery(SCHEMES['timestamped (Paddle)']!, paddle.valid.body, { secret: paddle.secret, timestamp: paddle.timestamp })).toEqual({
      'Paddle-Signature': paddle.valid.header,
    });
    expect(signDelivery(SCHEMES['timestamped (Paddle)']!, BODY, { secret: SECRET, timestamp: now })).toEqual(paddleHeaders([SECRET], now, BODY));
  });

  it('refuses to send what it cannot: an unknown event or example, a signed catalog without a secret', async () => {
    const to = ['--to', 'http://127.0.0.1:9/'];
    expect(await main(['send', 'catalog/shop', 'order.exploded', ...to, '--secret', 's'])).toBe(2);
    expect(await main(['send', 'shop', 'order.created', ...to, '--secret', 's', '--example', 'no-such-example'])).toBe(2);
    expect(await main(['send', 'catalog/shop', 'order.created', ...to])).toBe(2);
    expect(await main(['send', 'catalog/shop', 'order.created', '--to', 'not a url', '--secret', 's'])).toBe(2);
  });

  it('names why, in one line: an address that is no URL, or not http: or https:', async () => {
    const said = async (to: string): Promise<string> => {
      let stderr = '';
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        stderr += String(chunk);
        return true;
      });
      try {
        expect(await main(['send', 'catalog/shop', 'order.created', '--to', to, '--secret', 's'])).toBe(2);
      } finally {
        spy.mockRestore();
      }
      return stderr
        .split('\n')
        .filter((line) => line.startsWith('hookcat:'))
        .join('\n');
    };
    expect(await said('not a url')).toBe('hookcat: --to not a url is not a URL');
    expect(await said('file:///etc/passwd')).toBe('hookcat: --to file:///etc/passwd: webhooks are delivered over http: or https:, not file:');
    expect(await said('ftp://example.com/hook')).toBe('hookcat: --to ftp://example.com/hook: webhooks are delivered over http: or https:, not ftp:');
  });

  it('exits 1 when the receiver cannot be reached', async () => {
    expect(await main(['send', 'catalog/shop', 'order.created', '--to', 'http://127.0.0.1:9/', '--secret', 's'])).toBe(1);
  });
});
