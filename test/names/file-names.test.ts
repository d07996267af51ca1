/** File names of keys and schema names, and the device names Windows reserves (HC317). */
import { describe, expect, it } from 'vitest';
import { keyFileName, windowsDeviceName } from '../../src/names/file-names.js';

describe('windowsDeviceName', () => {
  it('reads a device name alone or before the first dot, in any case', () => {
    expect(['con', 'NUL.md', 'Aux.schema.json', 'prn', 'com0', 'COM9.x', 'lpt1.txt.md', 'lPt0'].map(windowsDeviceName)).toEqual([
      'con',
      'nul',
      'aux',
      'prn',
      'com0',
      'com9',
      'lpt1',
      'lpt0',
    ]);
  });

  it('takes no other name for one', () => {
    expect(['console', 'com10', 'lpt', 'order.con', 'con-x', 'nul_x.md', keyFileName('con/create'), 'en', 'aux-x'].map(windowsDeviceName)).toEqual(
      Array.from({ length: 9 }, () => undefined),
    );
  });
});
