/**
 * LINE Messaging API (batch shape: `{ destination, events: [...] }`, each item a flat event whose
 * `type` names it, in LINE's camelCase: `memberJoined`, `videoPlayComplete`...): the catalog in
 * test/fixtures/providers/line generates output that independent tools accept, the example bodies
 * of LINE's documentation validate against it, and a receiver narrows on the event type.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS, documentedDeliveries, generateProvider, schemaFiles, type Json } from './generated-output.js';
import { defaultAjv, describeIndependentChecks } from './independent-checks.js';
import { describeReceiverTypeChecks, type Receiver } from './receiver-check.js';

const output = await generateProvider('line');
const schemas = schemaFiles(output);
const deliveries = await documentedDeliveries('line');
const keys = (output.result.catalogs[0]?.events ?? []).map((event) => ({ key: event.key }));

/** LINE's documentation writes `xxxxxxxxxx` for the destination, which it says matches U[0-9a-f]{32}. */
const DOCUMENTED_PLACEHOLDER = 'xxxxxxxxxx';
const WELL_FORMED_DESTINATION = 'U0123456789abcdef0123456789abcdef';

describe("LINE's own event types", () => {
  it('are kept as LINE writes them, camelCase ones included', () => {
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(
      keys
        .filter(({ key }) => /[A-Z]/.test(key))
        .map(({ key }) => key)
        .sort(),
    ).toEqual(['accountLink', 'botResumed', 'botSuspended', 'memberJoined', 'memberLeft', 'videoPlayComplete']);
  });

  it('name their payload types and files by the one naming rule', () => {
    const types = output.files.get('types.ts') ?? '';
    expect(types).toContain('export interface MemberJoinedPayload ');
    expect(types).toContain('export interface VideoPlayCompletePayload ');
    expect(types).toContain('  memberJoined: MemberJoinedPayload;');
    expect([...output.files.keys()]).toEqual(
      expect.arrayContaining(['schemas/payloads/memberJoined.schema.json', 'schemas/events/videoPlayComplete.schema.json']),
    );
  });
});

describe('LINE', () => {
  describeIndependentChecks('line', output, { warnings: [] });

  describe("deliveries copied from LINE's documentation", () => {
    const ajv = defaultAjv(schemas);
    const bundle = ajv.compile(schemas.get('bundle.schema.json') ?? {});
    const withDestination = (body: unknown): Json => ({ ...(body as Json), destination: WELL_FORMED_DESTINATION });

    it('cover at least fifteen event types', () => {
      const types = new Set(deliveries.flatMap(({ body }) => (body as Json)['events'].map((event: Json) => event['type'])));
      expect(types.size).toBeGreaterThanOrEqual(15);
      expect([...types].filter((type) => !keys.some(({ key }) => key === type))).toEqual([]);
    });

    it.each(deliveries)('$file ($section) validates against the bundle, each of its events against its event schema', ({ body }) => {
      const delivery = withDestination(body);
      expect(bundle(delivery), JSON.stringify(bundle.errors?.slice(0, 3))).toBe(true);
      for (const event of delivery['events'] as Json[]) {
        const validate = ajv.getSchema(schemas.get(`events/${event['type']}.schema.json`)!['$id'])!;
        expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
      }
    });

    it("is refused as printed only for the documentation's placeholder destination", () => {
      for (const { file, body } of deliveries) {
        expect((body as Json)['destination'], file).toBe(DOCUMENTED_PLACEHOLDER);
        expect(bundle(body), file).toBe(false);
        expect(new Set(bundle.errors?.map((error) => error.instancePath)), file).toEqual(new Set(['/destination']));
      }
    });

    it('is refused once an event breaks its type: a message without its message, a text without text, an unknown source', () => {
      const text = withDestination(deliveries.find(({ file }) => file === 'text-message.json')!.body);
      const event = text['events'][0] as Json;
      expect(bundle({ ...text, events: [{ ...event, message: undefined }] })).toBe(false);
      expect(bundle({ ...text, events: [{ ...event, message: { ...event['message'], text: undefined } }] })).toBe(false);
      expect(bundle({ ...text, events: [{ ...event, source: { type: 'channel', channelId: 'C1' } }] })).toBe(false);
      expect(bundle({ ...text, events: [{ ...event, type: 'memberJoined' }] })).toBe(false);
    });
  });

  describe('a LINE receiver written against the generated types', () => {
    const receiver: Receiver = {
      file: path.join(import.meta.dirname, 'line-receiver.ts'),
      golden: path.join(PROVIDERS, 'line/expected/types.ts'),
      types: output.files.get('types.ts') ?? '',
    };

    describeReceiverTypeChecks(receiver, 'the event, the message and the source', 9);

    it("runs on the documentation's deliveries", async () => {
      const { describeEvent, dispatch, eventsOf, handlers } = await import('./line-receiver.js');
      const lines: string[] = deliveries.flatMap(({ body }) => eventsOf(body).map(describeEvent));
      expect(lines).toContain('group Ca56f94637c...: text "@All @example Good Morning!! (love)" mentioning 2');
      expect(lines).toContain('user U4af4980629...: image 2 of 2');
      const follow = deliveries.find(({ file }) => file === 'follow.json')!.body as Json;
      expect(await dispatch({ destination: WELL_FORMED_DESTINATION, events: eventsOf(follow) }, handlers)).toEqual([
        'welcome user U3d3edab4f36c6292e6d8a8131f141b8b (reply with 85cbe770fa8b4f45bbe077b1d4be4a36)',
      ]);
      expect(eventsOf({ destination: WELL_FORMED_DESTINATION, events: [{ type: 'delivery_completed' }] })).toEqual([]);
    });
  });
});
