/**
 * File-system failures the user has to fix (permissions, a full or read-only disk, a name too
 * long, a file where a folder should be): reported as one line naming the path and what to do,
 * with exit code 2, never as an internal error with a stack trace.
 */
import path from 'node:path';
import { fileSystemAdvice } from '../file-system-advice.js';
import { leavesFolder } from '../path-inside.js';

/** A failure of the disk or of the folder's permissions, not of hookcat: the CLI prints its message alone. */
export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileSystemError';
  }
}

/** The error as a `FileSystemError` when its `errno` code is one the user fixes; else undefined.
 * `target` names the file the user knows (the output file rather than its staged copy). */
export function asFileSystemError(error: unknown, target?: string, doing: 'write' | 'read' = 'write'): FileSystemError | undefined {
  if (error instanceof FileSystemError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  // Reading the output folder is still about --out: the advice is the writer's.
  const advice = fileSystemAdvice(code, 'write');
  if (advice === undefined) return undefined;
  const where = target ?? (error as NodeJS.ErrnoException).path ?? '';
  return new FileSystemError(`cannot ${doing} ${shown(where)}: ${advice} (${code})`, code, where);
}

/** The path relative to the working folder when inside it, with control characters escaped so the message stays one line. */
function shown(target: string): string {
  const relative = path.relative(process.cwd(), target);
  const display = target === '' ? '(unknown path)' : relative !== '' && !leavesFolder(relative) ? relative : target;
  return display.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
