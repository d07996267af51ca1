/** The naming lint: one style of key per catalog, one form per verb; `published: true` keys are left alone. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkNaming } from '../../../src/catalog/checks/naming.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

type Key = string | { readonly key: string; readonly published: true };

const LINES_PER_EVENT = 5;

/** A one-file catalog source with these event keys, LINES_PER_EVENT lines each after `events:`. */
function sourceWith(keys: readonly Key[]) {
  const events = keys.map((k) => {
    const key = typeof k === 'string' ? k : k.key;
    const published = typeof k === 'string' ? 'false' : 'true';
    return `  - key: ${key}\n    category: things\n    title: A thing happened\n    published: ${published}\n    payload: {}\n`;
  });
  const { file, diagnostics } = parseCatalogFile(`events:\n${events.join('')}`, 'events.yaml', 'events.yaml');
  expect(diagnostics).toEqual([]);
  return assembleCatalog('memory', [file], true).source;
}

function lint(...keys: Key[]): Diagnostic[] {
  return checkNaming(sourceWith(keys), new CheckMemory());
}

/** `HC400 some.key` for each finding, with the key the message names first. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${/^`([^`]+)`/.exec(d.message)?.[1] ?? '?'}`);
}

describe('separators (HC400)', () => {
  it('accepts a catalog that joins words one way', () => {
    expect(lint('order.line_item.created', 'order.gift_card.created', 'order.created')).toEqual([]);
    expect(lint('order.line-item.created', 'order.gift-card.created')).toEqual([]);
    expect(lint('order.created', 'order.updated')).toEqual([]);
  });

  it('reports the keys that use the minority separator', () => {
    const found = lint('order.line_item.created', 'order.gift_card.created', 'order.shipping-address.created');
    expect(summary(found)).toEqual(['HC400 order.shipping-address.created']);
    expect(found[0]?.message).toContain('`-`');
    expect(found[0]?.message).toContain('use `_`');
  });

  it('shows, as the usual way, a key that writes the same compound with the usual joiner', () => {
    const found = lint('order.line_item.created', 'customer.shipping_address.changed', 'order.gift_card.created', 'order.shipping-address.created');
    expect(found.map((d) => /like `([^`]+)`/.exec(d.message)?.[1])).toEqual(['customer.shipping_address.changed']);
    // No key writes that compound: the first key written the usual way.
    const plain = lint('order.line_item.created', 'order.gift_card.created', 'order.shipping-address.created');
    expect(plain.map((d) => /like `([^`]+)`/.exec(d.message)?.[1])).toEqual(['order.line_item.created']);
  });

  it('shows, for a camelCase key among `_` keys, the first key joined the usual way, not a compound', () => {
    const found = lint('order.line_item.created', 'order.gift_card.created', 'order.lineItem.updated');
    expect(found.map((d) => /like `([^`]+)`/.exec(d.message)?.[1])).toEqual(['order.line_item.created']);
  });

  it('follows the majority whichever it is', () => {
    expect(summary(lint('a.line-item.created', 'a.gift-card.created', 'a.tax_id.created'))).toEqual(['HC400 a.tax_id.created']);
  });

  it('breaks a tie by the first key', () => {
    expect(summary(lint('a.tax_id.created', 'a.url-name.created'))).toEqual(['HC400 a.url-name.created']);
    expect(summary(lint('a.url-name.created', 'a.tax_id.created'))).toEqual(['HC400 a.tax_id.created']);
  });

  it('names the same compound written the majority way as the example', () => {
    const found = lint('account.url-name.created', 'entity.url_name.created', 'entity.tax_id.created');
    expect(summary(found)).toEqual(['HC400 account.url-name.created']);
    expect(found[0]?.message).toContain('like `entity.url_name.created`');
  });

  it('reports a key that mixes both separators', () => {
    expect(summary(lint('a.b_c.created', 'a.d_e.created', 'a.f_g-h.created'))).toEqual(['HC400 a.f_g-h.created']);
  });
});

describe('the key a message shows as the usual way', () => {
  const example = (...keys: string[]): (string | undefined)[] =>
    lint(...keys)
      .filter((d) => d.code === 'HC400')
      .map((d) => /like `([^`]+)`$/.exec(d.message)?.[1]);

  it('is the first key with the usual trait and without the unusual one', () => {
    expect(example('order.created', 'order.updated', 'order/deleted')).toEqual(['order.created']);
    expect(example('a.b-c.d_e', 'x.y_z.created', 'p.q_r.created', 'm.n-o.created')).toEqual(['x.y_z.created', 'x.y_z.created']);
  });

  it('is another key, never the reported one, when a key writes its compound both ways', () => {
    expect(example('a.b_c.created', 'd.e_f.created', 'g.h_i.h-i')).toEqual(['a.b_c.created']);
  });
});

describe('part separators, camelCase and case (HC400)', () => {
  it('reports a key that separates its parts otherwise than most', () => {
    const found = lint('orders/create', 'orders/updated', 'products/create', 'products.delete');
    expect(summary(found)).toEqual(['HC400 products.delete']);
    expect(found[0]?.message).toContain('separates its parts with `.`');
    expect(found[0]?.message).toContain('use `/` between parts');
  });

  it('reports camelCase among snake_case, and snake_case among camelCase', () => {
    expect(summary(lint('member_joined', 'member_left', 'videoPlayComplete'))).toEqual(['HC400 videoPlayComplete']);
    expect(summary(lint('memberJoined', 'memberLeft', 'video_play_complete'))).toEqual(['HC400 video_play_complete']);
  });

  it('reports a key in upper case among lower-case keys', () => {
    const found = lint('payment.capture.completed', 'payment.capture.denied', 'PAYMENT.CAPTURE.REVERSED');
    expect(summary(found)).toEqual(['HC400 PAYMENT.CAPTURE.REVERSED']);
    expect(found[0]?.message).toContain('upper case');
  });

  it("accepts real providers' keys as they are", () => {
    // LINE: single words and camelCase.
    expect(lint('message', 'follow', 'unfollow', 'join', 'leave', 'memberJoined', 'memberLeft', 'videoPlayComplete', 'botSuspended', 'activated')).toEqual([]);
    // PayPal: upper case, `.` between parts, `-` inside them.
    expect(lint('PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.CAPTURE.DENIED', 'CHECKOUT.PAYMENT-APPROVAL.REVERSED', 'PAYMENT.PAYOUTS-ITEM.SUCCEEDED')).toEqual([]);
    // GitHub: nouns that look like verbs, and `_` throughout.
    expect(lint('team_add', 'workflow_dispatch', 'repository_dispatch', 'member.added', 'pull_request.opened', 'create', 'star.created')).toEqual([]);
  });
});

describe('verb forms (HC401)', () => {
  it('reports the keys using the rarer form of a verb the catalog writes both ways', () => {
    const found = lint('order.created', 'invoice.created', 'refund.create', 'order.updated');
    expect(summary(found)).toEqual(['HC401 refund.create']);
    expect(found[0]?.message).toContain('`create`');
    expect(found[0]?.message).toContain('2 keys of this catalog use `created`');
    expect(found[0]?.message).toContain('like `order.created`');
  });

  it('reports the past form when the base form is the usual one', () => {
    const found = lint('orders/create', 'products/create', 'orders/updated', 'products/update', 'carts/update');
    expect(summary(found)).toEqual(['HC401 orders/updated']);
  });

  it('follows the more used form even when the other comes first', () => {
    const found = lint('order.create', 'invoice.created', 'cart.created');
    expect(summary(found.filter((d) => d.code === 'HC401'))).toEqual(['HC401 order.create']);
    expect(found.find((d) => d.code === 'HC401')?.message).toBe(
      '`order.create` uses `create`, while 2 keys of this catalog use `created`, another form of the same verb, like `invoice.created`',
    );
  });

  it('takes a last part for a verb only when it is all lower case or all upper case', () => {
    expect(lint('order.create', 'cart.create', 'invoice.Created').filter((d) => d.code === 'HC401')).toEqual([]);
    expect(lint('order.create', 'cart.create', 'invoice.createD').filter((d) => d.code === 'HC401')).toEqual([]);
  });

  it('breaks a tie by the first key', () => {
    expect(summary(lint('order.create', 'order.created'))).toEqual(['HC401 order.created']);
    expect(summary(lint('order.created', 'order.create'))).toEqual(['HC401 order.create']);
  });

  it('reads keys in upper case', () => {
    expect(summary(lint('PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.SALE.COMPLETED', 'PAYMENT.ORDER.COMPLETE'))).toEqual(['HC401 PAYMENT.ORDER.COMPLETE']);
  });

  it('never guesses the tense of a word the catalog writes one way only', () => {
    expect(lint('order.create', 'order.updated', 'order.delete', 'refund.partial', 'channel.update.rate', 'payee.create.failure')).toEqual([]);
    expect(lint('order.paid', 'order.sent', 'order.shipped')).toEqual([]);
  });

  it('looks only at the last part of a key with several parts', () => {
    expect(lint('create', 'star.created')).toEqual([]);
    expect(lint('order.create.failure', 'order.created')).toEqual([]);
    expect(lint('invoice.payment_failed', 'invoice.payment.fail')).toEqual([]);
  });
});

describe('published keys', () => {
  it('are not reported', () => {
    expect(lint('order.created', 'invoice.created', { key: 'order.create', published: true })).toEqual([]);
    expect(lint('a.b_c.created', 'a.d_e.created', { key: 'a.f-g.created', published: true })).toEqual([]);
  });

  it('still count towards the majority', () => {
    const found = lint({ key: 'order.create', published: true }, { key: 'invoice.create', published: true }, 'refund.created');
    expect(summary(found)).toEqual(['HC401 refund.created']);
  });
});

describe('each finding', () => {
  it('is a warning at the key, with a hint', () => {
    const found = lint('order.created', 'order.updated', 'order.url-name.update', 'order.tax_id.updated', 'order.gift_card.updated');
    expect(summary(found)).toEqual(['HC400 order.url-name.update', 'HC401 order.url-name.update']);
    for (const d of found) {
      expect(d).toMatchObject({ severity: 'warning', file: 'events.yaml', line: 2 + 2 * LINES_PER_EVENT, column: 10 });
      expect(d.hint).toContain('published: true');
    }
  });
});
