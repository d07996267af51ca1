/** The staging thread's entry point (see `stage-thread.ts`): answers each batch it is sent with `stageBatch`. */
import { parentPort } from 'node:worker_threads';
import { stageBatch, type StageMessage } from './stage-file.js';

parentPort?.on('message', (message: StageMessage) => parentPort?.postMessage(stageBatch(message)));
