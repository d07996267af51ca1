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
const FORMAT = 'hookcat output cache 1';

/** Where the CLI keeps its cache when the project has `node_modules/`: `node_modules/.cache/hookcat`
 * (the place babel, ESLint's loaders and Terser use, ignored by git with `node_modules`). */
export function defaultCacheFolder(projectRoot: string): string | undefined {
  const modules = path.join(projectRoot, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'hookcat') : undefined;
}

interface CacheFile {
  readonly format: string;
  /** The fingerprint of the code that made the texts (`codeFingerprint`). */
  readonly code: string;
  readonly entries: readonly (readonly [string, string])[];
}

/** The texts kept in `folder` by a run of the same code (`code`); none when there is no such file. */
export async function readOutputCache(folder: string, code: string): Promise<readonly (readonly [string, string])[]> {
  let text: string;
  try {
    text = await readFile(path.join(folder, FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const data = JSON.parse(text) as Partial<CacheFile>;
    if (data.format !== FORMAT || data.code !== code || !Array.isArray(data.entries)) return [];
    return data.entries.filter((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string');
  } catch {
    return [];
  }
}

/** Writes `entries` as the cache in `folder`; false when the disk refused (the cache is then left as it was). */
export async function writeOutputCache(folder: string, code: string, entries: Iterable<readonly [string, string]>): Promise<boolean> {
  const file = path.join(folder, FILE);
  const temporary = `${file}.${randomUUID()}.tmp`;
  const data: CacheFile = { format: FORMAT, code, entries: [...entries] };
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, JSON.stringify(data));
    await rename(temporary, file);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
