/** The runtime thread's entry point (see `runtime-thread.ts`): answers each catalog it is sent with its runtime files. */
import { parentPort } from 'node:worker_threads';
import type { Catalog } from '../model/types.js';
import type { OutputFile } from './emitter.js';
import { runtimeFiles } from './runtime.js';

export interface RuntimeRequest {
  readonly id: number;
  readonly catalog: Catalog;
}

export type RuntimeAnswer = { readonly id: number; readonly files: readonly OutputFile[] } | { readonly id: number; readonly error: string };

parentPort?.on('message', ({ id, catalog }: RuntimeRequest) => {
  let answer: RuntimeAnswer;
  try {
    answer = { id, files: runtimeFiles(catalog) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
