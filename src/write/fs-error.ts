/**
 * File-system failures the user has to fix (permissions, a full or read-only disk, a name too
 * long, a file where a folder should be): reported as one line naming the path and what to do,
 * with exit code 2, never as an internal error with a stack trace.
 */
import path from 'node:path';
import { leavesFolder } from '../path-inside.js';

/** What went wrong and what to do, by `errno` code. */
const ADVICE: { readonly [code: string]: string } = {
  EACCES: 'permission denied; make it writable for this user, or choose another --out',
  EPERM: 'operation not permitted (a read-only or immutable file?); make it writable, or choose another --out',
  EROFS: 'the file system is read-only; choose an --out on a writable disk',
  ENOSPC: 'no space left on the device; free some space, then run generate again',
  EDQUOT: 'the disk quota is used up; free some space, then run generate again',
  ENAMETOOLONG: 'the path is too long for this file system; use a shorter --out, catalog id or event key',
  ENOTDIR: 'a part of this path is a file, not a folder; move that file away, or choose another --out',
  EISDIR: 'a folder stands where hookcat writes a file; move the folder away, or choose another --out',
  ELOOP: 'too many symbolic links on the way; replace the link loop with a folder',
  EMFILE: 'too many open files; raise the limit (ulimit -n), then run generate again',
  ENFILE: 'too many open files on this system; close some programs, then run generate again',
  EIO: 'the disk reported an input/output error; check the disk, then run generate again',
  EBUSY: 'the file is busy (held open by another program?); close it, then run generate again',
};

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
  if (typeof code !== 'string' || !Object.hasOwn(ADVICE, code)) return undefined;
  const where = target ?? (error as NodeJS.ErrnoException).path ?? '';
  return new FileSystemError(`cannot ${doing} ${shown(where)}: ${ADVICE[code]} (${code})`, code, where);
}

/** The path relative to the working folder when inside it, with control characters escaped so the message stays one line. */
function shown(target: string): string {
  const relative = path.relative(process.cwd(), target);
  const display = target === '' ? '(unknown path)' : relative !== '' && !leavesFolder(relative) ? relative : target;
  return display.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
