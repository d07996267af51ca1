/** Names an import writes: a name the catalog refuses (HC317: a device name on Windows) is written in an accepted spelling. */
import { describe, expect, it } from 'vitest';
import { acceptedName, accepts, ClaimedNames, deliveryName } from '../../src/import/names.js';

describe('names Windows reads as devices', () => {
  it('are respelled with a letter more, as the catalog check would refuse them', () => {
    const names = [
      ['schema', 'Con'],
      ['schema', 'COM1'],
      ['key', 'nul.created'],
      ['key', 'aux'],
      ['id', 'con'],
    ] as const;
    expect(names.map(([kind, name]) => [accepts(kind, name), acceptedName(kind, name)])).toEqual([
      [false, 'Con_'],
      [false, 'COM1_'],
      [false, 'nul-x.created'],
      [false, 'aux-x'],
      [false, 'con-x'],
    ]);
  });

  it('keeps names that only start like one', () => {
    expect([accepts('schema', 'Console'), accepts('key', 'lpt1/x'), accepts('key', 'order.nul'), accepts('id', 'prn-x')]).toEqual([true, true, true, true]);
  });
});

describe('ClaimedNames', () => {
  it('numbers a name given already, letter case aside, after the numbers taken', () => {
    const names = new ClaimedNames('_');
    expect(['order', 'Order_2', 'ORDER', 'order', 'other'].map((name) => names.claim(name))).toEqual(['order', 'Order_2', 'ORDER_3', 'order_4', 'other']);
    const ids = new ClaimedNames('-');
    expect(['a', 'a'].map((name) => ids.claim(name))).toEqual(['a', 'a-2']);
  });

  // Each claim tried every number from 2: 20,000 alike webhook names took n^2/2 tries (minutes).
  it('gives 20,000 alike names a try each', () => {
    const names = new ClaimedNames('_');
    const given = Array.from({ length: 20_000 }, (_, i) => names.claim(i % 2 === 0 ? 'issues.opened' : 'Issues.Opened'));
    expect(given.at(-1)).toBe('Issues.Opened_20000');
    expect(new Set(given.map((name) => name.toLowerCase())).size).toBe(20_000);
  });
});

describe('acceptedName on letters with marks', () => {
  it('keeps the letter and drops the mark, so that `émise` does not become another word', () => {
    expect(acceptedName('key', 'commande.créée')).toBe('commande.creee');
    expect(acceptedName('key', 'facture.émise')).toBe('facture.emise');
    expect(acceptedName('id', 'Ärger')).toBe('arger');
    expect(acceptedName('schema', 'Prénom-Nom')).toBe('Prenom_Nom');
    expect(acceptedName('key', '日本.ev')).toBe('ev');
  });
});

describe('deliveryName', () => {
  it('keeps a name a header carries as written', () => {
    for (const name of ['orders/create', 'pull_request', 'Issue Opened', 'a'.repeat(200)]) expect(deliveryName(name)).toBe(name);
  });

  it('drops accents, writes each run of other characters as -, trims spaces and length', () => {
    expect(deliveryName('commande-créée')).toBe('commande-creee');
    expect(deliveryName('e\u0301vénement')).toBe('evenement');
    expect(deliveryName('  a\t\r\nb  ')).toBe('a-b');
    expect(deliveryName('订单 created')).toBe('- created');
    expect(deliveryName('a'.repeat(300))).toBe('a'.repeat(200));
    expect(deliveryName(`${'a'.repeat(199)} b`)).toBe('a'.repeat(199));
    expect(deliveryName('   ')).toBe('unnamed');
    // Trimmed before the length is cut: leading spaces take no room.
    expect(deliveryName(`${' '.repeat(10)}${'a'.repeat(195)}é`)).toBe(`${'a'.repeat(195)}e`);
  });
});
