/**
 * Stripe (envelope shape: `type` + `data`, Stripe's `data` being `{ object, previous_attributes? }`):
 * the catalog in test/fixtures/providers/stripe generates output that independent tools accept,
 * the Event object of Stripe's API reference validates against it, and a receiver narrows on it.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { normalizePayloadSchema } from '../../src/catalog/payload-schema.js';
import { openApiSchemaValidator } from '../emit/openapi-ajv.js';
import { PROVIDERS, documentedDeliveries, generateProvider, schemaFiles, type Json } from './generated-output.js';
import { defaultAjv, describeIndependentChecks } from './independent-checks.js';
import { describeReceiverTypeChecks, type Receiver } from './receiver-check.js';

const output = await generateProvider('stripe');
const schemas = schemaFiles(output);
const deliveries = await documentedDeliveries('stripe');

describeIndependentChecks('stripe', output, { warnings: [] });

describe("deliveries copied from Stripe's documentation", () => {
  const ajv = defaultAjv(schemas);
  const bundle = ajv.compile(schemas.get('bundle.schema.json')!);

  it.each(deliveries)('$file ($section) validates against the bundle and its event schema', ({ body }) => {
    const event = body as Json;
    expect(bundle(event), JSON.stringify(bundle.errors)).toBe(true);
    const validate = ajv.getSchema(schemas.get(`events/${event['type']}.schema.json`)!['$id'])!;
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is refused once it breaks the envelope: an id without `evt_`, an unknown type, a non-integer created time', () => {
    const event = deliveries[0]!.body as Json;
    expect(bundle({ ...event, id: 'ch_1NG8Du2eZvKYlo2CUI79vXWy' })).toBe(false);
    expect(bundle({ ...event, type: 'setup_intent.exploded' })).toBe(false);
    expect(bundle({ ...event, created: '2023-06-06T22:19:30Z' })).toBe(false);
    expect(bundle({ ...event, data: { object: { ...event['data'].object, status: 'paid' } } })).toBe(false);
  });
});

describe("Stripe's webhook endpoints API", () => {
  const document = JSON.parse(output.files.get('openapi.json')!) as Json;
  const validator = openApiSchemaValidator(document);
  const create = validator('#/components/schemas/WebhookSubscriptionCreate');
  /** The response of "Create a webhook endpoint" in Stripe's API reference (docs.stripe.com/api/webhook_endpoints/create). */
  const created: Json = {
    id: 'we_1Mr5jULkdIwHu7ixAv8Pm4tN',
    object: 'webhook_endpoint',
    api_version: null,
    application: null,
    created: 1680122196,
    description: null,
    enabled_events: ['charge.succeeded', 'charge.failed'],
    livemode: false,
    metadata: {},
    secret: 'whsec_wRNftLajMZNeslQOP6vEPm4iVx5NlZ6z',
    status: 'enabled',
    url: 'https://example.com/my/webhook/endpoint',
  };

  it('has its paths, a string id beginning `we_`, and `enabled_events` with `*`', () => {
    expect(Object.keys(document['paths'])).toEqual(['/v1/webhook_endpoints', '/v1/webhook_endpoints/{webhook_endpoint}']);
    const url = 'https://example.com/hook';
    for (const events of [['*'], ['charge.succeeded', 'customer.subscription.created']]) expect(create({ url, enabled_events: events })).toBe(true);
    for (const events of [['charge.*'], ['charge'], ['plan.created']]) expect(create({ url, enabled_events: events }), JSON.stringify(events)).toBe(false);
    expect(create({ url, events: ['*'] })).toBe(false);
  });

  it('returns the secret it makes only in the response to create, as in the API reference', () => {
    const post = document['paths']['/v1/webhook_endpoints'].post;
    expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/WebhookSubscriptionCreated');
    const answer = validator('#/components/schemas/WebhookSubscriptionCreated');
    expect(answer(created), JSON.stringify(answer.errors)).toBe(true);
    expect(answer({ ...created, secret: undefined })).toBe(false);
    expect(answer({ ...created, id: 'evt_1' })).toBe(false);
    const resource = validator('#/components/schemas/WebhookSubscription');
    expect(resource({ ...created, secret: undefined }), JSON.stringify(resource.errors)).toBe(true);
    const { WebhookSubscription, WebhookSubscriptionCreate, WebhookSubscriptionUpdate } = document['components'].schemas;
    expect([WebhookSubscription, WebhookSubscriptionCreate, WebhookSubscriptionUpdate].map((schema) => schema.properties.secret)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('a Stripe receiver written against the generated types', () => {
  const receiver: Receiver = {
    file: path.join(import.meta.dirname, 'stripe-receiver.ts'),
    golden: path.join(PROVIDERS, 'stripe/expected/types.ts'),
    types: output.files.get('types.ts')!,
  };

  describeReceiverTypeChecks(receiver, 'the event type', 10);

  it("runs on the Event object of Stripe's API reference", async () => {
    const { describeEvent, dispatch, handlers, parseEvent } = await import('./stripe-receiver.js');
    const event = parseEvent(deliveries[0]!.body);
    expect(event && describeEvent(event)).toBe('evt_1NG8Du2eZvKYlo2CUI79vXWy: setup for acss_debit, requires_confirmation');
    expect(await dispatch(event!, handlers)).toBeUndefined();
    expect(parseEvent({ ...(deliveries[0]!.body as Json), type: 'plan.created' })).toBeUndefined();
    expect(parseEvent({ ...(deliveries[0]!.body as Json), object: 'list' })).toBeUndefined();
  });
});

describe("hookcat and Stripe's nullable enums", () => {
  // Stripe writes a nullable enum as `type: string, nullable: true, enum: [...]`, without `null`
  // in the list; hookcat adds null to the type and to the enum, so the catalog writes it as Stripe does.
  it('`nullable: true` beside `type` and `enum` admits null', () => {
    const schema = normalizePayloadSchema({ type: 'string', nullable: true, enum: ['abandoned', 'duplicate'] }, 'en');
    const validate = new Ajv2020().compile(schema as object);
    expect(validate(null)).toBe(true);
    expect(validate('abandoned')).toBe(true);
    expect(validate('other')).toBe(false);
  });
});
