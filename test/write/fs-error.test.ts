/** File-system failures as the one line the CLI prints: which errors are the user's, and how the path is shown. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asFileSystemError, FileSystemError } from '../../src/write/fs-error.js';

const errno = (code: string, at?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: failed`), { code, ...(at !== undefined && { path: at }) });

describe('asFileSystemError', () => {
  it('takes only the errno codes a user fixes', () => {
    expect(asFileSystemError(errno('ENOENT'), 'x')).toBeUndefined();
    expect(asFileSystemError(errno('toString'), 'x')).toBeUndefined();
    expect(asFileSystemError(new Error('plain'), 'x')).toBeUndefined();
    expect(asFileSystemError(undefined, 'x')).toBeUndefined();
    expect(asFileSystemError({ code: 13 }, 'x')).toBeUndefined();
    const error = asFileSystemError(errno('ENOSPC'), 'out/a.ts');
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error).toMatchObject({ name: 'FileSystemError', code: 'ENOSPC', path: 'out/a.ts' });
    expect(asFileSystemError(error, 'elsewhere')).toBe(error);
  });

  it('names the path relative to the working folder inside it, absolute outside it, and the verb', () => {
    const inside = path.join(process.cwd(), 'generated', 'shop', 'types.ts');
    expect(asFileSystemError(errno('EACCES'), inside)?.message).toBe(
      'cannot write generated/shop/types.ts: permission denied; make it writable for this user, or choose another --out (EACCES)',
    );
    const outside = path.resolve(process.cwd(), '..', 'elsewhere', 'types.ts');
    expect(asFileSystemError(errno('EROFS'), outside, 'read')?.message).toBe(
      `cannot read ${outside}: the file system is read-only; choose an --out on a writable disk (EROFS)`,
    );
    expect(asFileSystemError(errno('EISDIR'), process.cwd())?.message.startsWith(`cannot write ${process.cwd()}: a folder stands`)).toBe(true);
  });

  it('names a path inside a folder whose name only starts with two dots relative, as any inside', () => {
    const inside = path.join(process.cwd(), '..generated', 'types.ts');
    expect(asFileSystemError(errno('EACCES'), inside)?.message).toMatch(/^cannot write \.\.generated\/types\.ts: permission denied/);
  });

  it("uses the error's own path without a target, says so when there is none, and keeps the message on one line", () => {
    expect(asFileSystemError(errno('ELOOP', path.join(process.cwd(), 'a', 'b')))?.message).toMatch(/^cannot write a\/b: too many symbolic links/);
    expect(asFileSystemError(errno('EMFILE'))?.message).toMatch(/^cannot write \(unknown path\): too many open files/);
    expect(asFileSystemError(errno('EIO'), 'out/a\nb\u2028c\u0007.ts')?.message).toMatch(/^cannot write out\/a\\u000ab\\u2028c\\u0007\.ts: /);
  });
});
