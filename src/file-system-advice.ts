/**
 * What a failed file-system call means and what the user does about it, by `errno` code: one table
 * for the loader, which reads catalogs (HC100's hint), and the writer, which writes under `--out`
 * (its one-line error). A code missing here is not the user's to fix, or not expected.
 */

/** Whether hookcat was reading a catalog or writing an output when the call failed. */
export type FileAccess = 'read' | 'write';

interface Advice {
  readonly read?: string;
  readonly write?: string;
}

const ADVICE: { readonly [code: string]: Advice } = {
  EACCES: {
    read: 'permission denied; make it readable for this user',
    write: 'permission denied; make it writable for this user, or choose another --out',
  },
  EPERM: {
    read: 'operation not permitted; make it readable for this user',
    write: 'operation not permitted (a read-only or immutable file?); make it writable, or choose another --out',
  },
  EROFS: { write: 'the file system is read-only; choose an --out on a writable disk' },
  ENOSPC: { write: 'no space left on the device; free some space, then run generate again' },
  EDQUOT: { write: 'the disk quota is used up; free some space, then run generate again' },
  ENAMETOOLONG: {
    read: 'the path is too long for this file system; move the catalog to a shorter path',
    write: 'the path is too long for this file system; use a shorter --out, catalog id or event key',
  },
  ENOTDIR: {
    read: 'a part of this path is a file, not a folder; check the path',
    write: 'a part of this path is a file, not a folder; move that file away, or choose another --out',
  },
  EISDIR: {
    read: 'a folder stands where hookcat reads a file; rename the folder',
    write: 'a folder stands where hookcat writes a file; move the folder away, or choose another --out',
  },
  ELOOP: {
    read: 'too many symbolic links on the way; replace the link loop with a folder',
    write: 'too many symbolic links on the way; replace the link loop with a folder',
  },
  EMFILE: {
    read: 'too many open files; raise the limit (ulimit -n), then run again',
    write: 'too many open files; raise the limit (ulimit -n), then run generate again',
  },
  ENFILE: {
    read: 'too many open files on this system; close some programs, then run again',
    write: 'too many open files on this system; close some programs, then run generate again',
  },
  EIO: {
    read: 'the disk reported an input/output error; check the disk, then run again',
    write: 'the disk reported an input/output error; check the disk, then run generate again',
  },
  EBUSY: {
    read: 'the file is busy (held open by another program?); close it, then run again',
    write: 'the file is busy (held open by another program?); close it, then run generate again',
  },
};

/** What went wrong and what to do, or undefined for a code the table does not know for that access. */
export function fileSystemAdvice(code: string, access: FileAccess): string | undefined {
  return Object.hasOwn(ADVICE, code) ? ADVICE[code]![access] : undefined;
}
