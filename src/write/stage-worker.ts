/**
 * The staging thread's entry point (see `stage-thread.ts`): stages each batch of files it is
 * sent, in order, and answers with the results, or with the first error and the index of the
 * file that caused it (its `errno` code kept, so the main thread can tell the user what to fix).
 */
import { parentPort } from 'node:worker_threads';
import { stageFile, type StageRequest, type StageResult } from './stage-file.js';

/** A batch, as the main thread sends it. */
export interface StageMessage {
  readonly id: number;
  readonly requests: readonly StageRequest[];
}

/** The answer to one batch. */
export type StageAnswer =
  | { readonly id: number; readonly results: readonly StageResult[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly code: string | undefined; readonly index: number } };

function answer(message: StageMessage): StageAnswer {
  const results: StageResult[] = [];
  try {
    for (const request of message.requests) results.push(stageFile(request));
    return { id: message.id, results };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return { id: message.id, error: { message: String(failure?.message ?? failure), code: failure?.code, index: results.length } };
  }
}

parentPort?.on('message', (message: StageMessage) => parentPort?.postMessage(answer(message)));
