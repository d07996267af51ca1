/** Reading an output folder back as bytes, and the encoding rules every output must keep. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (relative path with `/` -> bytes); empty when `dir` is absent. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else files.set(child, await readFile(path.join(dir, child)));
    }
  };
  await walk('');
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** One hash for a whole tree (paths and bytes), to prove a folder did not change. */
export function treeHash(tree: ReadonlyMap<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const [file, bytes] of tree) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  return hash.digest('hex');
}

/** How `actual` departs from `expected`: each path missing, extra or with other bytes, in path
 * order. Comparing two trees with `toEqual` walks every byte of every Buffer through vitest's
 * generic equality: seconds for one output folder. */
export function treeDifferences(actual: ReadonlyMap<string, Buffer>, expected: ReadonlyMap<string, Buffer>): string[] {
  const paths = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  return paths.flatMap((file) => {
    const [got, want] = [actual.get(file), expected.get(file)];
    if (got === undefined) return [`${file}: missing`];
    if (want === undefined) return [`${file}: not expected`];
    return got.equals(want) ? [] : [`${file}: other bytes`];
  });
}

/** Problems with how a file is encoded: hookcat writes UTF-8 without a BOM, with LF line endings. */
export function encodingProblems(file: string, bytes: Buffer): string[] {
  const problems: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [`${file}: not valid UTF-8`];
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push(`${file}: starts with a byte order mark`);
  if (text.includes('\r')) problems.push(`${file}: has a carriage return (CR or CRLF line ending)`);
  if (bytes.length > 0 && !text.endsWith('\n')) problems.push(`${file}: does not end with a line feed`);
  return problems;
}

/** The tree's text files, decoded (call after `encodingProblems` found none). */
export function textsOf(tree: ReadonlyMap<string, Buffer>): Map<string, string> {
  return new Map([...tree].map(([file, bytes]) => [file, bytes.toString('utf8')]));
}
