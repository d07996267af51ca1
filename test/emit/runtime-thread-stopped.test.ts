/**
 * A runtime thread that stopped before it was sent the model (its module failed to load, say):
 * sending to it throws, so that generate makes the runtime on the main thread instead of waiting
 * for an answer that never comes. The thread is replaced here by one that throws as it starts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { seedCatalog } from './runtime/runtime-at.js';

vi.mock('../../src/worker-thread.js', () => ({
  startWorkerModule: () => new Worker('throw new Error("cannot load the runtime worker")', { eval: true }),
}));

const { RuntimeThread } = await import('../../src/emit/runtime-thread.js');
const { generate } = await import('../../src/generate.js');
const { runtimeFiles } = await import('../../src/emit/runtime.js');

/** Resolves once the thread has stopped (its `exit` has been handled). */
const stopped = (thread: InstanceType<typeof RuntimeThread>): Promise<void> =>
  new Promise((resolve) => (thread as unknown as { worker: Worker }).worker.once('exit', () => setImmediate(resolve)));

describe('a runtime thread that stopped before it was sent the model', () => {
  it('refuses the catalogs sent to it instead of leaving them waiting', async () => {
    const thread = new RuntimeThread();
    await stopped(thread);
    expect(() => thread.send([])).toThrow(/cannot load the runtime worker/);
    await thread.close();
  });

  it('leaves generate to make the runtime on the main thread', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-runtime-stopped-'));
    const send = vi.spyOn(RuntimeThread.prototype, 'send');
    try {
      const out = path.join(root, 'out');
      const result = await generate({ catalogs: path.resolve('catalog/shop'), out, projectRoot: root, runtimeThread: 'always', only: ['runtime'] });
      expect(result.ok).toBe(true);
      expect(send).toHaveBeenCalledTimes(1);
      const made = runtimeFiles(await seedCatalog('shop')).find((file) => file.path.endsWith('/runtime/validators.js'))!;
      expect(await readFile(path.join(out, made.path), 'utf8')).toBe(made.contents);
    } finally {
      send.mockRestore();
      await rm(root, { recursive: true, force: true });
    }
  });
});
