/**
 * The runtime thread, started here from the TypeScript sources (through tsx's loader), makes the
 * same files as the main thread, byte for byte and in order, for several catalogs sent at once;
 * a catalog it cannot compile fails with the error the main thread would have thrown; and a
 * generate whose runtime is made on it writes what one without it writes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/generate.js';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { RuntimeThread } from '../../src/emit/runtime-thread.js';
import { OutputMemory } from '../../src/output-memo.js';
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

  it('gives generate the same output folder as the main thread, for every seed catalog at once', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-runtime-thread-'));
    try {
      const stages = new Map<string, string[]>();
      const made = async (when: 'always' | 'never'): Promise<Map<string, string>> => {
        const out = path.join(root, when);
        const result = await generate({ catalogs: path.resolve('catalog'), out, projectRoot: root, runtimeThread: when, only: ['runtime'] });
        expect(result.ok).toBe(true);
        stages.set(
          when,
          result.timings.filter((timing) => timing.ms > 0).map((timing) => timing.stage),
        );
        const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
        return new Map(
          await Promise.all(
            files.map(async (f) => [path.relative(out, path.join(f.parentPath, f.name)), await readFile(path.join(f.parentPath, f.name), 'utf8')] as const),
          ),
        );
      };
      const asked = vi.spyOn(RuntimeThread.prototype, 'files');
      const onThread = await made('always');
      // The thread made the runtime of each catalog: none fell back to the main thread.
      expect(asked).toHaveBeenCalledTimes(3);
      for (const answer of asked.mock.results) expect((await answer.value).length).toBeGreaterThan(5);
      asked.mockClear();
      const onMain = await made('never');
      expect(asked).not.toHaveBeenCalled();
      asked.mockRestore();
      expect([...onThread.keys()].filter((file) => file.endsWith('validators.js')).length).toBe(3);
      expect(onThread).toEqual(onMain);
      // `--timings` shows the thread's own time beside the main thread's wait for it.
      expect(stages.get('always')).toContain('runtime thread');
      expect(stages.get('never')).not.toContain('runtime thread');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('runs with a cache that starts empty, and hands it the validators, so the next run reuses them with no thread', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-runtime-thread-'));
    try {
      const cache = path.join(root, 'cache');
      const run = (out: string) =>
        generate({ catalogs: path.resolve('catalog'), out: path.join(root, out), projectRoot: root, runtimeThread: 'always', only: ['runtime'], cache });
      const asked = vi.spyOn(RuntimeThread.prototype, 'files');
      expect((await run('first')).ok).toBe(true);
      expect(asked).toHaveBeenCalledTimes(3);
      asked.mockClear();
      // A new process, say: a fresh context that fills its memo from the cache file, and finds
      // the validators there (nothing is made: no thread, no compile).
      let made = 0;
      const text = OutputMemory.prototype.text;
      const memo = vi.spyOn(OutputMemory.prototype, 'text').mockImplementation(function (this: OutputMemory, key: string, make: () => string) {
        return text.call(this, key, () => {
          made++;
          return make();
        });
      });
      expect((await run('second')).ok).toBe(true);
      expect(asked).not.toHaveBeenCalled();
      expect(memo).toHaveBeenCalledTimes(3);
      expect(made).toBe(0);
      memo.mockRestore();
      asked.mockRestore();
      const validators = async (out: string) => readFile(path.join(root, out, 'shop', 'runtime', 'validators.js'), 'utf8');
      expect(await validators('second')).toBe(await validators('first'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('is started before the load, and closed without being sent anything when the catalog has errors', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-runtime-thread-'));
    const started = vi.spyOn(RuntimeThread.prototype, 'send');
    const closed = vi.spyOn(RuntimeThread.prototype, 'close');
    try {
      const catalogs = path.resolve('test/fixtures/errors/signature-same-keys/catalog');
      const result = await generate({ catalogs, out: path.join(root, 'out'), projectRoot: root, runtimeThread: 'always' });
      expect(result.ok).toBe(false);
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(started).not.toHaveBeenCalled();
      expect(closed).toHaveBeenCalledTimes(1);
    } finally {
      started.mockRestore();
      closed.mockRestore();
      await rm(root, { recursive: true, force: true });
    }
  });
});
