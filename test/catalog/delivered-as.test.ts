/** The name and action a bare delivery names its event by: declared, or read from the key. */
import { describe, expect, it } from 'vitest';
import { deliveryName, namedByHeader } from '../../src/catalog/delivered-as.js';
import type { RawEnvelope, RawEvent } from '../../src/catalog/source.js';

function event(key: string, deliveredAs?: RawEvent['deliveredAs']): RawEvent {
  return { key, category: 'things', title: 'T', description: 'D', payload: {}, ...(deliveredAs === undefined ? {} : { deliveredAs }) };
}

const BARE: RawEnvelope = { shape: 'bare', typeHeader: 'X-Event', actionField: 'action' };

describe('namedByHeader', () => {
  it('is true for bare bodies and batches of bare items only', () => {
    expect(namedByHeader({ shape: 'bare' })).toBe(true);
    expect(namedByHeader({ shape: 'batch', batch: { item: 'bare' } })).toBe(true);
    expect(namedByHeader({ shape: 'batch', batch: { item: 'envelope' } })).toBe(false);
    expect(namedByHeader({ shape: 'batch' })).toBe(false);
    expect(namedByHeader({ shape: 'envelope' })).toBe(false);
    expect(namedByHeader({ shape: 'envelope', batch: { item: 'bare' } })).toBe(false);
    expect(namedByHeader({})).toBe(false);
  });
});

describe('deliveryName', () => {
  it('splits the key at its first dot when the envelope has an action field', () => {
    expect(deliveryName(event('issues.opened'), BARE)).toEqual({ name: 'issues', action: 'opened' });
    expect(deliveryName(event('pull_request.review.submitted'), BARE)).toEqual({ name: 'pull_request', action: 'review.submitted' });
    expect(deliveryName(event('issues.opened'), { shape: 'batch', batch: { item: 'bare' }, actionField: 'action' })).toEqual({
      name: 'issues',
      action: 'opened',
    });
  });

  it('takes the whole key without a dot, without an action field, or for a shape that carries the key', () => {
    expect(deliveryName(event('push'), BARE)).toEqual({ name: 'push', action: undefined });
    expect(deliveryName(event('issues.opened'), { shape: 'bare', typeHeader: 'X-Event' })).toEqual({ name: 'issues.opened', action: undefined });
    expect(deliveryName(event('issues.opened'), { shape: 'envelope', actionField: 'action' })).toEqual({ name: 'issues.opened', action: undefined });
  });

  it('takes the whole key when it starts with a dot', () => {
    expect(deliveryName(event('.opened'), BARE)).toEqual({ name: '.opened', action: undefined });
  });

  it('takes the declared name and action over the key', () => {
    expect(deliveryName(event('issue.reopened', { name: 'issues', action: 'reopened' }), BARE)).toEqual({ name: 'issues', action: 'reopened' });
    expect(deliveryName(event('ping.sent', { name: 'ping' }), BARE)).toEqual({ name: 'ping', action: undefined });
  });
});
