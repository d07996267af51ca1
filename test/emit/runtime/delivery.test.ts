/**
 * The runtime's delivery shapes (`runtime/delivery.ts`, as generated): envelope, bare (a header
 * and an action field name the event) and batch (a list of either), with real ajv validators.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type BareDelivery, type BatchDelivery, type EnvelopeDelivery, parseBody, type Validators } from '../../../generated/shop/runtime/delivery.js';
import { InvalidEventError, UnknownEventError } from '../../../generated/shop/runtime/errors.js';

const ajv = new Ajv2020();
const issue = {
  type: 'object',
  required: ['action', 'issue'],
  properties: { action: { type: 'string' }, issue: { type: 'object', required: ['number'], properties: { number: { type: 'integer' } } } },
};
const PAYLOADS: Validators = {
  'issues.opened': ajv.compile(issue),
  'issues.closed': ajv.compile(issue),
  push: ajv.compile({ type: 'object', required: ['ref'], properties: { ref: { type: 'string' } } }),
};
const BARE: BareDelivery = {
  shape: 'bare',
  typeHeader: 'X-GitHub-Event',
  actionField: 'action',
  types: { issues: { opened: 'issues.opened', closed: 'issues.closed' }, push: { '': 'push' } },
};
const ENVELOPE: EnvelopeDelivery = { shape: 'envelope', typeField: 'type' };
const EVENTS: Validators = {
  message: ajv.compile({ type: 'object', required: ['type', 'text'], properties: { type: { const: 'message' }, text: { type: 'string' } } }),
  follow: ajv.compile({ type: 'object', required: ['type'], properties: { type: { const: 'follow' } } }),
};
const json = (value: unknown): string => JSON.stringify(value);

describe('bare deliveries', () => {
  it('name the event by header and action, and hand on { type, name, action, payload }', () => {
    const payload = { action: 'opened', issue: { number: 7 } };
    expect(parseBody(BARE, PAYLOADS, json(payload), { 'x-github-event': 'issues' })).toEqual({
      type: 'issues.opened',
      name: 'issues',
      action: 'opened',
      payload,
    });
    const push = { ref: 'refs/heads/main', action: 'ignored' };
    expect(parseBody(BARE, PAYLOADS, json(push), new Headers({ 'X-GitHub-Event': 'push' }))).toEqual({
      type: 'push',
      name: 'push',
      action: undefined,
      payload: push,
    });
  });

  it('refuse an unknown header value or action, a missing header, and a payload that breaks its schema', () => {
    const reopened = { action: 'reopened', issue: { number: 7 } };
    expect(() => parseBody(BARE, PAYLOADS, json(reopened), { 'X-GitHub-Event': 'issues' })).toThrow(
      expect.objectContaining({ name: 'UnknownEventError', eventType: 'issues.reopened' }),
    );
    expect(() => parseBody(BARE, PAYLOADS, json({}), { 'X-GitHub-Event': 'constructor' })).toThrow(UnknownEventError);
    expect(() => parseBody(BARE, PAYLOADS, json({ ref: 'x' }), {})).toThrow(UnknownEventError);
    expect(() => parseBody(BARE, PAYLOADS, json({ action: 'closed', issue: { number: 'seven' } }), { 'X-GitHub-Event': 'issues' })).toThrow(
      expect.objectContaining({ name: 'InvalidEventError', pointer: '/issue/number', eventType: 'issues.closed' }),
    );
  });
});

describe('what a refusal says', () => {
  it('names the event, the place and the rule broken, or what the body is instead', () => {
    expect(() => parseBody(ENVELOPE, EVENTS, '{"type":')).toThrow(expect.objectContaining({ name: 'InvalidJsonError', code: 'invalid_json', status: 400 }));
    expect(() => parseBody(ENVELOPE, EVENTS, '{"type":')).toThrow(/^the body is not JSON: ./);
    expect(() => parseBody(ENVELOPE, EVENTS, json({ type: 'poke' }))).toThrow(
      expect.objectContaining({ code: 'unknown_event', status: 400, message: 'unknown event type "poke"' }),
    );
    expect(() => parseBody(ENVELOPE, EVENTS, json({ type: 'message', text: 3 }))).toThrow(
      expect.objectContaining({ code: 'invalid_event', message: 'message at "/text" must be string', keyword: 'type' }),
    );
    expect(() => parseBody(ENVELOPE, EVENTS, json([]))).toThrow(expect.objectContaining({ message: 'the body at "" must be an object', eventType: undefined }));
  });
});

describe('batch deliveries', () => {
  const BATCH: BatchDelivery = {
    shape: 'batch',
    field: 'events',
    item: ENVELOPE,
    validate: ajv.compile({ type: 'object', required: ['destination', 'events'], properties: { destination: { type: 'string' }, events: { type: 'array' } } }),
  };

  it('hand on every event in order, with the body around them', () => {
    const body = { destination: 'U1', events: [{ type: 'message', text: 'hi' }, { type: 'follow' }] };
    expect(parseBody(BATCH, EVENTS, json(body))).toEqual({ events: body.events, body });
    const list = [{ type: 'follow' }];
    expect(parseBody({ ...BATCH, field: undefined, validate: undefined }, EVENTS, json(list))).toEqual({ events: list, body: list });
  });

  it('point at the failing item, and check the body around the list', () => {
    const body = { destination: 'U1', events: [{ type: 'follow' }, { type: 'message', text: 3 }] };
    expect(() => parseBody(BATCH, EVENTS, json(body))).toThrow(expect.objectContaining({ pointer: '/events/1/text', eventType: 'message' }));
    expect(() => parseBody(BATCH, EVENTS, json({ events: [] }))).toThrow(expect.objectContaining({ pointer: '', keyword: 'required' }));
    expect(() => parseBody(BATCH, EVENTS, json({ destination: 'U1', events: [{ type: 'unfollow' }] }))).toThrow(UnknownEventError);
    expect(() => parseBody({ ...BATCH, validate: undefined }, EVENTS, json({ events: {} }))).toThrow(InvalidEventError);
  });

  it('of bare items take the event name from the header and each action from its item', () => {
    const batch: BatchDelivery = { shape: 'batch', field: undefined, item: BARE, validate: undefined };
    const items = [
      { action: 'opened', issue: { number: 1 } },
      { action: 'closed', issue: { number: 1 } },
    ];
    const parsed = parseBody(batch, PAYLOADS, json(items), { 'X-GitHub-Event': 'issues' }) as { events: { type: string }[] };
    expect(parsed.events.map((e) => e.type)).toEqual(['issues.opened', 'issues.closed']);
  });
});

describe('a body nested past the stack, against a recursive schema', () => {
  it('is an InvalidEventError (400) at the event, not a RangeError the adapters answer with 500', () => {
    const tree = new Ajv2020().compile({
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      $ref: '#/$defs/node',
    });
    const deep = `${'{"children":['.repeat(50_000)}{}${']}'.repeat(50_000)}`;
    expect(() => tree(JSON.parse(deep))).toThrow(RangeError);
    const error = (() => {
      try {
        parseBody(ENVELOPE, { tree }, `{"type":"tree","children":[${deep}]}`);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_event', pointer: '', keyword: 'depth', eventType: 'tree' });
    // A body as deep as real ones is checked as before.
    expect(parseBody(ENVELOPE, { tree }, `{"type":"tree","children":[${'{"children":['.repeat(100)}{}${']}'.repeat(100)}]}`)).toMatchObject({ type: 'tree' });
    expect(() => parseBody(ENVELOPE, { tree }, `{"type":"tree","children":[${'{"children":['.repeat(100)}5${']}'.repeat(100)}]}`)).toThrow(
      expect.objectContaining({ keyword: 'type', pointer: '/children/0'.repeat(101) }),
    );
  });
});
