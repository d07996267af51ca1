/**
 * A thread that hashes, compares and stages output files while the main thread goes on
 * emitting. Creating a file costs this disk 0.05 to 0.5 ms of kernel time, and a large catalog
 * has tens of thousands of files: done beside the emitters, on the second core, that time
 * mostly disappears from the run. Starting the thread costs about 50 ms (200 ms under tsx), so
 * a session starts one only for a run with many files (see `session.ts`).
 *
 * Files travel as UTF-8 bytes whose buffers are moved, not copied: posting a string copies it
 * character by character, several times slower than encoding it.
 *
 * The thread runs `stage-worker.ts`: the built `dist/write/stage-worker.js`, or, when hookcat
 * runs from its sources (tsx, vitest), the TypeScript file through tsx's loader.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../worker-thread.js';
import type { StageAnswer, StageMessage, StageRequest, StageResult } from './stage-file.js';

interface Pending {
  resolve(results: readonly StageResult[]): void;
  reject(error: Error): void;
}

/** A failure of one file on the staging thread, with its `errno` code and its place in the batch. */
export class StagingFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly index: number,
  ) {
    super(message);
  }
}

/** One staging thread, for one session: started on first use, ended by `close`. */
export class StagingThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** For each request, in order: hashes `bytes`, compares them with `target` and, when they
   * differ, writes them to `temp`. One message per call; the bytes' buffers move to the thread. */
  stage(requests: readonly StageRequest[]): Promise<readonly StageResult[]> {
    const worker = this.started();
    const id = this.nextId++;
    const results = new Promise<readonly StageResult[]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const message: StageMessage = { id, requests };
    // Referenced while it owes answers only: an idle thread never keeps the process alive.
    if (this.pending.size === 1) worker.ref();
    try {
      worker.postMessage(
        message,
        requests.map((r) => r.bytes.buffer as ArrayBuffer),
      );
    } catch (error) {
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      return Promise.reject(error);
    }
    return results;
  }

  /** Ends the thread (after the answers already asked for are in, when the caller awaited them). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = startWorkerModule(import.meta.url, 'stage-worker');
    worker.on('message', (answer: StageAnswer) => {
      const p = this.pending.get(answer.id);
      if (p === undefined) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in answer) p.reject(new StagingFailure(answer.error.message, answer.error.code, answer.error.index));
      else p.resolve(answer.results);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the staging thread stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }
}
