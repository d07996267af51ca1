/** Replacing a file whole: a reader sees the old or the new contents, never a part. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes `text` to `<target>.tmp-<pid>` and renames it over `target`; `durable` fsyncs the bytes
 * before the rename. A failure removes the temporary file and is thrown.
 */
export function replaceFileSync(target: string, text: string, options: { readonly durable: boolean }): void {
  const temp = `${target}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      if (options.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
