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

const FILE = 'outputs.json';
const FORMAT = 'hookcat output cache 2';

/** Where the CLI keeps its cache when the project has `node_modules/`: `node_modules/.cache/hookcat`
 * (the place babel, ESLint's loaders and Terser use, ignored by git with `node_modules`). */
export function defaultCacheFolder(projectRoot: string): string | undefined {
  const modules = path.join(projectRoot, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'hookcat') : undefined;
}

/** The first line: what the file is and which code made its texts. Then one entry a line,
 * `[key, text]` in JSON, so that neither writing nor reading holds the file as one value. */
interface Header {
  readonly format: string;
  /** The fingerprint of the code that made the texts (`codeFingerprint`). */
  readonly code: string;
}

/** The texts kept in `folder` by a run of the same code (`code`); none when there is no such file. */
export async function readOutputCache(folder: string, code: string): Promise<readonly (readonly [string, string])[]> {
  let text: string;
  try {
    text = await readFile(path.join(folder, FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: [string, string][] = [];
  try {
    let end = text.indexOf('\n');
    const header = JSON.parse(end === -1 ? text : text.slice(0, end)) as Partial<Header>;
    if (header.format !== FORMAT || header.code !== code) return [];
    while (end !== -1 && end < text.length - 1) {
      const start = end + 1;
      end = text.indexOf('\n', start);
      const entry: unknown = JSON.parse(end === -1 ? text.slice(start) : text.slice(start, end));
      if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string') entries.push([entry[0], entry[1]]);
    }
  } catch {
    return [];
  }
  return entries;
}

/** Writes `entries` as the cache in `folder`; false when the disk refused (the cache is then left as it was). */
export async function writeOutputCache(folder: string, code: string, entries: Iterable<readonly [string, string]>): Promise<boolean> {
  const file = path.join(folder, FILE);
  const temporary = `${file}.${randomUUID()}.tmp`;
  const header: Header = { format: FORMAT, code };
  function* lines(): Generator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const entry of entries) yield `${JSON.stringify(entry)}\n`;
  }
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, lines());
    await rename(temporary, file);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
