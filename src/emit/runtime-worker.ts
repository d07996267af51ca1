/** The runtime thread's entry point (see `runtime-thread.ts`): answers each catalog it is sent with its runtime files. */
import { parentPort } from 'node:worker_threads';
import type { Catalog } from '../model/types.js';
import { NO_MEMO, type OutputMemo } from '../output-memo.js';
import type { OutputFile } from './emitter.js';
import { runtimeFiles } from './runtime.js';

export interface RuntimeRequest {
  readonly id: number;
  readonly catalog: Catalog;
  /** Whether to answer with the texts the emitter would keep in a memo, by key (for the run's memo). */
  readonly record: boolean;
}

export type RuntimeAnswer =
  | {
      readonly id: number;
      readonly files: readonly OutputFile[];
      readonly kept: readonly (readonly [string, string])[];
      /** How long the thread took to make them. */
      readonly ms: number;
    }
  | { readonly id: number; readonly error: string };

parentPort?.on('message', ({ id, catalog, record }: RuntimeRequest) => {
  let answer: RuntimeAnswer;
  try {
    const started = performance.now();
    const kept: [string, string][] = [];
    const recording: OutputMemo = {
      text(key, make) {
        const text = make();
        kept.push([key, text]);
        return text;
      },
    };
    const files = runtimeFiles(catalog, record ? recording : NO_MEMO);
    answer = { id, files, kept, ms: performance.now() - started };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
