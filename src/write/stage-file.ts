/**
 * The staging of one output file: hash its bytes, compare them with the file in the output
 * folder and, when they differ, write them to the staging folder. Runs on the staging thread
 * (`stage-worker.ts`) for large runs and on the main thread for small ones (see `session.ts`).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** What the main thread knows of the file on disk before asking. */
export type OnDisk =
  /** Nothing: read it and compare. */
  | { readonly known: false }
  /** The file is, by its recorded `stat`, exactly what was written with this hash: no read needed. */
  | { readonly known: true; readonly sha256: string };

export interface StageRequest {
  readonly target: string;
  /** Where to write the bytes when they differ from `target`; undefined: only compare. */
  readonly temp: string | undefined;
  /** The file's UTF-8 bytes (on the thread, their buffer is moved, not copied). */
  readonly bytes: Uint8Array;
  readonly onDisk: OnDisk;
}

export interface StageResult {
  readonly sha256: string;
  /** `added` (no file), `changed`, or undefined when `target` already holds these bytes. */
  readonly kind: 'added' | 'changed' | undefined;
  /** `target`'s stat when unchanged, the staged file's when written (a rename keeps it). */
  readonly stat?: { readonly size: number; readonly mtimeMs: number; readonly ino: number } | undefined;
}

/** A batch, as the main thread sends it to the staging thread. */
export interface StageMessage {
  readonly id: number;
  readonly requests: readonly StageRequest[];
}

/** The answer to one batch. */
export type StageAnswer =
  | { readonly id: number; readonly results: readonly StageResult[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly code: string | undefined; readonly index: number } };

/** Stages each file of a batch in order; at the first failure, stops and answers with its
 * message, its `errno` code (so the main thread can tell the user what to fix) and the index of
 * the file that caused it. */
export function stageBatch(message: StageMessage): StageAnswer {
  const results: StageResult[] = [];
  try {
    for (const request of message.requests) results.push(stageFile(request));
    return { id: message.id, results };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return { id: message.id, error: { message: String(failure?.message ?? failure), code: failure?.code, index: results.length } };
  }
}

/** Hashes, compares and (when changed) stages one file. */
export function stageFile(request: StageRequest): StageResult {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = request.onDisk.known ? (request.onDisk.sha256 === sha256 ? undefined : 'changed') : compareWithDisk(request.target, bytes);
  if (kind === undefined) return { sha256, kind, stat: statOf(statSync(request.target, { throwIfNoEntry: false })) };
  if (request.temp === undefined) return { sha256, kind };
  return { sha256, kind, stat: write(request.temp, bytes) };
}

/** `added` when there is no file (or no folder on the way), `changed` when it holds other bytes or cannot be read. */
function compareWithDisk(target: string, bytes: Buffer): StageResult['kind'] {
  let current: Buffer;
  try {
    current = readFileSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'added' : 'changed';
  }
  return current.equals(bytes) ? undefined : 'changed';
}

function statOf(stats: { size: number; mtimeMs: number; ino: number } | undefined): StageResult['stat'] {
  return stats && { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

function open(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    return openSync(file, 'w');
  }
}

function write(file: string, bytes: Buffer): StageResult['stat'] {
  const fd = open(file);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    return statOf(fstatSync(fd));
  } finally {
    closeSync(fd);
  }
}
