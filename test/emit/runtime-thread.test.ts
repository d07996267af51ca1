/**
 * The runtime thread, started here from the TypeScript sources (through tsx's loader), makes the
 * same files as the main thread, byte for byte and in order, for several catalogs sent at once;
 * a catalog it cannot compile fails with the error the main thread would have thrown.
 */
import { describe, expect, it } from 'vitest';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { RuntimeThread } from '../../src/emit/runtime-thread.js';
import type { Catalog } from '../../src/model/types.js';
import { seedCatalog } from './runtime/runtime-at.js';

describe('the runtime thread', () => {
  it('makes the runtime of each catalog sent, byte-identical to the main thread', async () => {
    const catalogs = await Promise.all(['shop', 'sezzle', 'wink'].map(seedCatalog));
    const thread = new RuntimeThread();
    try {
      thread.send(catalogs);
      for (const [index, catalog] of catalogs.entries()) expect(await thread.files(index)).toEqual(runtimeFiles(catalog));
    } finally {
      await thread.close();
    }
  });

  it('fails a catalog the runtime cannot be made of with the main thread error, and goes on with the next', async () => {
    const good = await seedCatalog('shop');
    const broken: Catalog = { ...good, events: [{ ...good.events[0]!, payload: { $ref: '#/schemas/nowhere' } }] };
    let message = '';
    try {
      runtimeFiles(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/nowhere/);
    const thread = new RuntimeThread();
    try {
      thread.send([broken, good]);
      await expect(thread.files(0)).rejects.toThrow(new Error(message));
      expect(await thread.files(1)).toEqual(runtimeFiles(good));
      await expect(thread.files(2)).rejects.toThrow(/no catalog 2/);
    } finally {
      await thread.close();
    }
  });
});
