/** The catalog order of events: category order, then subgroup order, then order of declaration. */
import { describe, expect, it } from 'vitest';
import { inCatalogOrder } from '../../src/catalog/event-order.js';

interface Event {
  readonly key: string;
  readonly category: string;
  readonly group?: string;
}

const CATEGORIES = [{ id: 'billing', groups: [{ id: 'invoices' }, { id: 'refunds' }] }, { id: 'accounts' }, { id: 'support', groups: [{ id: 'tickets' }] }];

function keysInOrder(events: readonly Event[], categories = CATEGORIES): string[] {
  return inCatalogOrder(events, (e) => e, categories).map((e) => e.key);
}

describe('events in catalog order', () => {
  it('go by category, then by subgroup, then by declaration', () => {
    const events: Event[] = [
      { key: 'ticket.opened', category: 'support', group: 'tickets' },
      { key: 'account.deleted', category: 'accounts' },
      { key: 'refund.created', category: 'billing', group: 'refunds' },
      { key: 'invoice.created', category: 'billing', group: 'invoices' },
      { key: 'account.created', category: 'accounts' },
      { key: 'invoice.paid', category: 'billing', group: 'invoices' },
    ];
    expect(keysInOrder(events)).toEqual(['invoice.created', 'invoice.paid', 'refund.created', 'account.deleted', 'account.created', 'ticket.opened']);
  });

  it('put an event without a group before the groups of its category', () => {
    const events: Event[] = [
      { key: 'refund.created', category: 'billing', group: 'refunds' },
      { key: 'invoice.created', category: 'billing', group: 'invoices' },
      { key: 'billing.closed', category: 'billing' },
    ];
    expect(keysInOrder(events)).toEqual(['billing.closed', 'invoice.created', 'refund.created']);
  });

  it('keep a category with many groups before the next category', () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({ id: `g${i}` }));
    const events: Event[] = [
      { key: 'b.first', category: 'b' },
      { key: 'a.last', category: 'a', group: 'g11' },
      { key: 'a.first', category: 'a', group: 'g0' },
    ];
    expect(keysInOrder(events, [{ id: 'a', groups }, { id: 'b' }])).toEqual(['a.first', 'a.last', 'b.first']);
  });

  it('put events of unknown categories and groups last, in declaration order', () => {
    const events: Event[] = [
      { key: 'lost.one', category: 'nowhere' },
      { key: 'lost.group', category: 'billing', group: 'disputes' },
      { key: 'lost.undefined', category: 'accounts', group: 'undefined' },
      { key: 'ticket.opened', category: 'support', group: 'tickets' },
      { key: 'lost.two', category: 'elsewhere' },
    ];
    expect(keysInOrder(events)).toEqual(['ticket.opened', 'lost.one', 'lost.group', 'lost.undefined', 'lost.two']);
  });

  it('leave the given list as it was', () => {
    const events: Event[] = [
      { key: 'ticket.opened', category: 'support', group: 'tickets' },
      { key: 'account.created', category: 'accounts' },
    ];
    expect(keysInOrder(events)).toEqual(['account.created', 'ticket.opened']);
    expect(events.map((e) => e.key)).toEqual(['ticket.opened', 'account.created']);
  });
});
