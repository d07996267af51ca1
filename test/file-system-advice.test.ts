/** One errno table for the loader and the writer: each direction's advice, and codes it does not know. */
import { describe, expect, it } from 'vitest';
import { fileSystemAdvice } from '../src/file-system-advice.js';

describe('fileSystemAdvice', () => {
  it('advises a reader to make a catalog readable and a writer to make --out writable', () => {
    expect(fileSystemAdvice('EACCES', 'read')).toBe('permission denied; make it readable for this user');
    expect(fileSystemAdvice('EACCES', 'write')).toBe('permission denied; make it writable for this user, or choose another --out');
  });

  it('knows a full or read-only disk only when writing', () => {
    for (const code of ['EROFS', 'ENOSPC', 'EDQUOT']) {
      expect(fileSystemAdvice(code, 'read')).toBeUndefined();
      expect(fileSystemAdvice(code, 'write')).toMatch(/; (free some space|choose an --out)/);
    }
  });

  it('tells a reader to run again and a writer to run generate again', () => {
    for (const code of ['EMFILE', 'ENFILE', 'EIO', 'EBUSY']) {
      expect(fileSystemAdvice(code, 'read')).toMatch(/, then run again$/);
      expect(fileSystemAdvice(code, 'write')).toMatch(/, then run generate again$/);
    }
  });

  it('knows nothing of codes that are not the user to fix, nor of names every object has', () => {
    for (const code of ['ENOENT', 'EEXIST', 'toString', 'constructor', '__proto__', '']) {
      expect(fileSystemAdvice(code, 'read')).toBeUndefined();
      expect(fileSystemAdvice(code, 'write')).toBeUndefined();
    }
  });
});
