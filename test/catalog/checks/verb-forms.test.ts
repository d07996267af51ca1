/** Verb forms in event keys: which words count as base or past verbs. */
import { describe, expect, it } from 'vitest';
import { keyVerb, verbForm } from '../../../src/catalog/checks/verb-forms.js';

describe('verbForm', () => {
  it.each([
    ['create', 'base'],
    ['update', 'base'],
    ['pay', 'base'],
    ['cancel', 'base'],
    ['complete', 'base'],
    ['created', 'past'],
    ['updated', 'past'],
    ['paid', 'past'],
    ['sent', 'past'],
    ['withdrawn', 'past'],
    ['synced', 'past'],
    ['cancelled', 'past'],
    ['canceled', 'past'],
    ['shipped', 'past'],
    ['succeeded', 'past'],
    ['verified', 'past'],
    ['applied', 'past'],
  ] as const)('%s is %s', (word, form) => {
    expect(verbForm(word)).toBe(form);
  });

  it.each(['rate', 'partial', 'failure', 'notification', 'request', 'error', 'processing', 'feed', 'need', 'red', 'bed', ''])('%j is not a verb', (word) => {
    expect(verbForm(word)).toBeUndefined();
  });
});

describe('keyVerb', () => {
  it('takes the last word of the key', () => {
    expect(keyVerb('order.payment.failed')).toEqual({ word: 'failed', form: 'past' });
    expect(keyVerb('account.url-name.update')).toEqual({ word: 'update', form: 'base' });
    expect(keyVerb('account.task.tax_id.complete')).toEqual({ word: 'complete', form: 'base' });
    expect(keyVerb('account.under_review')).toBeUndefined();
  });

  it('ignores verbs before the last word', () => {
    expect(keyVerb('channel-manager.update.rate')).toBeUndefined();
    expect(keyVerb('payee.create.failure')).toBeUndefined();
  });
});
