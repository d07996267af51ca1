/** Verb forms in event keys: the past forms of a word, and the verbs a catalog writes in both forms. */
import { describe, expect, it } from 'vitest';
import { pastForms, verbPairs } from '../../../src/catalog/checks/verb-forms.js';

describe('pastForms', () => {
  it.each([
    ['create', ['created']],
    ['update', ['updated']],
    ['apply', ['applied']],
    ['ship', ['shiped', 'shipped']],
    ['cancel', ['canceled', 'cancelled']],
    ['open', ['opened', 'openned']],
    ['pay', ['payed', 'paid']],
    ['send', ['sended', 'sent']],
  ] as const)('%s -> %j', (word, forms) => {
    expect(new Set(pastForms(word))).toEqual(new Set(forms));
  });
});

describe('verbPairs', () => {
  const pairs = (...entries: [string, string][]) =>
    verbPairs(new Map(entries)).map((p) => `${p.base}/${p.past}: ${p.baseKeys.join(',')} | ${p.pastKeys.join(',')}`);

  it('finds a verb written in both forms, with the keys of each', () => {
    expect(pairs(['order.create', 'create'], ['invoice.created', 'created'], ['refund.created', 'created'])).toEqual([
      'create/created: order.create | invoice.created,refund.created',
    ]);
    expect(pairs(['order.pay', 'pay'], ['invoice.paid', 'paid'])).toEqual(['pay/paid: order.pay | invoice.paid']);
    expect(pairs(['a.cancel', 'cancel'], ['b.canceled', 'canceled'], ['c.cancelled', 'cancelled'])).toHaveLength(2);
  });

  it('never guesses: a word alone, in whichever form, is no finding', () => {
    expect(pairs(['order.create', 'create'], ['order.update', 'update'], ['invoice.deleted', 'deleted'])).toEqual([]);
    expect(pairs(['a.dispatch', 'dispatch'], ['b.change', 'change'], ['c.add', 'add'])).toEqual([]);
  });
});
