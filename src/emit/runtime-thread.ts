/**
 * The runtime emitter on a thread of its own. Compiling a catalog's validators with ajv is the
 * largest single cost of a run (GitHub's catalog: 1.2 to 1.9 s of about 7), and it needs nothing
 * but the model: on a second core it runs while the main thread emits the other outputs.
 *
 * The thread runs `runtime-worker.ts`: the built `dist/emit/runtime-worker.js`, or, when hookcat
 * runs from its sources (tsx, vitest), the TypeScript file through tsx's loader.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../worker-thread.js';
import type { Catalog } from '../model/types.js';
import { NO_MEMO, type OutputMemo } from '../output-memo.js';
import type { OutputFile } from './emitter.js';
import type { RuntimeAnswer, RuntimeRequest } from './runtime-worker.js';

/** What the thread made of one catalog: its runtime files, and the texts kept for the memo. */
type Made = Extract<RuntimeAnswer, { files: unknown }>;

/** One thread making the runtime of the catalogs it is sent, in the order sent. */
export class RuntimeThread {
  private readonly worker: Worker;
  private readonly answers = new Map<number, Promise<Made>>();
  private readonly pending = new Map<number, { resolve(made: Made): void; reject(error: Error): void }>();
  private nextId = 0;
  private busy = 0;
  /** Why the thread stopped, once it has: a catalog sent after that would wait for ever. */
  private stopped: Error | undefined;

  /** Starts the thread: it loads ajv while the main thread begins on the other outputs. The
   * texts the emitter keeps in a memo are kept in `memo` (a run's, or none) when its files are
   * asked for, in the order the main thread would have kept them. */
  constructor(private readonly memo: OutputMemo = NO_MEMO) {
    this.worker = startWorkerModule(import.meta.url, 'runtime-worker');
    this.worker.on('message', (answer: RuntimeAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (waiting === undefined) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer);
    });
    this.worker.on('error', (error) => this.failAll(error));
    // An answer that cannot be read would otherwise leave its catalog waiting for ever.
    this.worker.on('messageerror', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the runtime thread stopped (exit code ${code})`)));
  }

  /** Sends every catalog to the thread at once; `files(i)` is then the runtime of the i-th.
   * Throws when the thread has stopped (it failed to load, say). */
  send(catalogs: readonly Catalog[]): void {
    if (this.stopped !== undefined) throw this.stopped;
    for (const catalog of catalogs) {
      const id = this.nextId++;
      const answer = new Promise<Made>((resolve, reject) => this.pending.set(id, { resolve, reject }));
      // Rejected before it is awaited when an earlier emitter fails: handled where it is awaited.
      answer.catch(() => undefined);
      this.answers.set(id, answer);
      const request: RuntimeRequest = { id, catalog, record: this.memo !== NO_MEMO };
      this.worker.postMessage(request);
    }
  }

  async files(index: number): Promise<readonly OutputFile[]> {
    const answer = this.answers.get(index);
    if (answer === undefined) throw new Error(`no catalog ${index} was sent to the runtime thread`);
    const { files, kept, ms } = await answer;
    for (const [key, text] of kept) this.memo.text(key, () => text);
    this.busy += ms;
    return files;
  }

  /** How long the thread took over the catalogs whose files were asked for: what `--timings`
   * shows beside the main thread's wait for them (`emit:runtime`). */
  get busyMs(): number {
    return this.busy;
  }

  async close(): Promise<void> {
    this.pending.clear();
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    this.stopped ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
