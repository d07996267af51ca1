/** Names an import writes: a name the catalog refuses (HC317: a device name on Windows) is written in an accepted spelling. */
import { describe, expect, it } from 'vitest';
import { acceptedName, accepts } from '../../src/import/names.js';

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
