/**
 * The output memo on disk (`OutputMemory`, see `src/output-memo.ts`), so that a run in a
 * fresh process after a small edit renders only what the edit touched. One file, written whole
 * to a temporary name and renamed into place, so a reader (another run) sees an old or a new
 * file, never part of one. It is only a cache: a file that is missing, unreadable, from another
 * version of hookcat or not ours is ignored, and a cache that cannot be written leaves the run
 * as it is (the outputs are already written).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'outputs.cache';
const FORMER_FILE = 'outputs.json';
const FORMAT = 'hookcat output cache 3';
const NEWLINE = 0x0a;
/** In `u` mode a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Where the CLI keeps its cache when the project has `node_modules/`: `node_modules/.cache/hookcat`
 * (the place babel, ESLint's loaders and Terser use, ignored by git with `node_modules`). */
export function defaultCacheFolder(projectRoot: string): string | undefined {
  const modules = path.join(projectRoot, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'hookcat') : undefined;
}

/**
 * The first line: what the file is and which code made its texts, in JSON. Then each entry: a
 * line `[key, bytes]` in JSON, the text itself (`bytes` bytes of UTF-8) and a line break. The
 * texts are not JSON strings: escaping and parsing megabytes of pages took most of the time a
 * run after a small edit spent on its cache (see bench/README.md, "The cache between processes").
 */
interface Header {
  readonly format: string;
  /** The fingerprint of the code that made the texts (`codeFingerprint`). */
  readonly code: string;
}

/** Thrown when the file does not hold what its lines say. */
class DamagedCache extends Error {}

/** The texts kept in `folder` by a run of the same code (`code`); none when there is no such
 * file, or when it is damaged anywhere. */
export async function readOutputCache(folder: string, code: string): Promise<readonly (readonly [string, string])[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(folder, FILE));
  } catch {
    return [];
  }
  try {
    return entriesOf(bytes, code);
  } catch {
    return [];
  }
}

function entriesOf(bytes: Buffer, code: string): [string, string][] {
  let end = lineEnd(bytes, 0);
  const header = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<Header>;
  if (header.format !== FORMAT || header.code !== code) return [];
  const entries: [string, string][] = [];
  let start = end + 1;
  while (start < bytes.length) {
    end = lineEnd(bytes, start);
    const [key, length] = entryHead(JSON.parse(bytes.toString('utf8', start, end)));
    const textEnd = end + 1 + length;
    if (bytes[textEnd] !== NEWLINE) throw new DamagedCache();
    entries.push([key, bytes.toString('utf8', end + 1, textEnd)]);
    start = textEnd + 1;
  }
  return entries;
}

function lineEnd(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  if (end === -1) throw new DamagedCache();
  return end;
}

function entryHead(head: unknown): [string, number] {
  if (!Array.isArray(head) || head.length !== 2) throw new DamagedCache();
  const [key, length] = head as unknown[];
  if (typeof key !== 'string' || !Number.isSafeInteger(length) || (length as number) < 0) throw new DamagedCache();
  return [key, length as number];
}

/** Writes `entries` as the cache in `folder`; false when the disk refused (the cache is then left
 * as it was). A text that is not well-formed UTF-16 (a lone surrogate) is left out: UTF-8 cannot
 * give it back. */
export async function writeOutputCache(folder: string, code: string, entries: Iterable<readonly [string, string]>): Promise<boolean> {
  const file = path.join(folder, FILE);
  const temporary = `${file}.${randomUUID()}.tmp`;
  const header: Header = { format: FORMAT, code };
  const parts = [`${JSON.stringify(header)}\n`];
  for (const [key, text] of entries) {
    if (!LONE_SURROGATE.test(text)) parts.push(`${JSON.stringify([key, Buffer.byteLength(text)])}\n${text}\n`);
  }
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, parts.join(''));
    await rename(temporary, file);
    // The file of hookcat before its texts were kept as UTF-8: nothing reads it any more.
    await rm(path.join(folder, FORMER_FILE), { force: true });
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
