/**
 * The translations lock file, `<catalog folder>/translations.lock.json`: for each text and
 * locale, a hash of the source text the translation was made from and a hash of the
 * translation itself. A translation is stale when the source text changed since and the
 * translation did not. hookcat writes it (`hookcat translations lock`, and `import`); commit
 * it with the catalog.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'translations.lock.json';
const FORMAT = 'hookcat-translations-lock/1';

/** What a translation was made from. */
export interface LockEntry {
  /** Hash of the source-locale text the translation was made from. */
  readonly source: string;
  /** Hash of the translation as it was then. */
  readonly translation: string;
}

/** The lock file cannot be read as a lock; the message is one line. */
export class LockFileError extends Error {}

/** Text id -> locale -> entry. */
export type TranslationLock = Map<string, Map<string, LockEntry>>;

/** A short hash of a text: the first 16 hex digits of its SHA-256 (UTF-8). */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The lock of a catalog folder; empty when it has none. A file that is not a lock is an Error with one line. */
export async function readLock(folder: string): Promise<TranslationLock> {
  const file = path.join(folder, LOCK_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let data: { format?: unknown; texts?: unknown } | null;
  try {
    data = JSON.parse(text) as { format?: unknown; texts?: unknown } | null;
  } catch {
    data = null;
  }
  if (data?.format !== FORMAT || data.texts === null || typeof data.texts !== 'object') {
    throw new LockFileError(`${file} is not a ${FORMAT} file (remove it and run \`hookcat translations lock\` to write it again)`);
  }
  const lock: TranslationLock = new Map();
  for (const [id, locales] of Object.entries(data.texts as Record<string, Record<string, LockEntry>>)) {
    const entries = new Map<string, LockEntry>();
    for (const [locale, entry] of Object.entries(locales ?? {})) {
      if (typeof entry?.source === 'string' && typeof entry.translation === 'string')
        entries.set(locale, { source: entry.source, translation: entry.translation });
    }
    lock.set(id, entries);
  }
  return lock;
}

/** Writes the lock, ids and locales sorted, so it diffs well. */
export async function writeLock(folder: string, lock: TranslationLock): Promise<void> {
  const texts: Record<string, Record<string, LockEntry>> = {};
  for (const id of [...lock.keys()].sort()) {
    const locales = lock.get(id)!;
    if (locales.size === 0) continue;
    const entry: Record<string, LockEntry> = {};
    for (const locale of [...locales.keys()].sort()) Object.defineProperty(entry, locale, { value: locales.get(locale), enumerable: true });
    Object.defineProperty(texts, id, { value: entry, enumerable: true });
  }
  await writeFile(path.join(folder, LOCK_FILE), `${JSON.stringify({ format: FORMAT, texts }, null, 2)}\n`);
}

/** Records that `translation` (in `locale`) was made from `source`. */
export function recordTranslation(lock: TranslationLock, id: string, locale: string, source: string, translation: string): void {
  if (!lock.has(id)) lock.set(id, new Map());
  lock.get(id)!.set(locale, { source: textHash(source), translation: textHash(translation) });
}
