/** Finds catalog folders and their YAML files, and reads them as UTF-8 text with limits. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { fileSystemAdvice } from '../file-system-advice.js';
import { isWithin } from '../path-inside.js';

export const CATALOG_FILE = 'catalog.yaml';
/** Largest catalog file read; real catalogs are far smaller, this bounds hostile input. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const YAML_FILE = /\.ya?ml$/i;

/** The catalog folders at a path, and what could not be read while looking. */
export interface FoundCatalogs {
  readonly folders: string[];
  readonly diagnostics: Diagnostic[];
}

/** `dir` itself when it holds catalog.yaml, else its subfolders that do, sorted by name. */
export async function findCatalogFolders(dir: string): Promise<string[]> {
  return (await findCatalogs(dir, (file) => file)).folders;
}

/**
 * As `findCatalogFolders`, with HC100 for what could not be looked at (a folder that cannot be
 * listed, a `catalog.yaml` that cannot be checked): such a catalog must not vanish in silence, its
 * output deleted as if no catalog made it any more.
 */
export async function findCatalogs(dir: string, display: (file: string) => string): Promise<FoundCatalogs> {
  const diagnostics: Diagnostic[] = [];
  const unreadable = (file: string, what: string, error: unknown): void => {
    const code = errnoCode(error);
    diagnostics.push(fileDiagnostic(display(file), 'unreadable', `${what} could not be read (${code})`, readAdvice(code)));
  };
  const holdsCatalog = async (folder: string): Promise<boolean> => {
    const file = path.join(folder, CATALOG_FILE);
    const info = await stat(file).catch((error: unknown) => (isAbsent(error) ? undefined : unreadable(file, 'file', error)));
    return info?.isFile() ?? false;
  };
  if (await holdsCatalog(dir)) return { folders: [dir], diagnostics };
  if (diagnostics.length > 0) return { folders: [], diagnostics };
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (!isAbsent(error)) unreadable(dir, 'folder', error);
    return [];
  });
  const candidates = entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .sort();
  const folders: string[] = [];
  for (const folder of candidates) if (await holdsCatalog(folder)) folders.push(folder);
  return { folders, diagnostics };
}

/** A path that is not there (or runs through a file): not a read error. */
function isAbsent(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

export async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

export interface CatalogFileList {
  /** Paths relative to the catalog folder, `/` separators, catalog.yaml first, then sorted. */
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
  /** False when the catalog folder itself could not be listed (its HC100 is among the diagnostics). */
  readonly listed: boolean;
}

/** Deepest folder nesting read below a catalog folder. */
const MAX_FOLDER_DEPTH = 8;

/**
 * Every YAML file under a catalog folder. Links that leave the folder are refused; a link to a
 * folder is followed once per real folder (a second link to it is skipped), and a link to a
 * folder it is already inside is reported as a loop.
 */
export async function listCatalogFiles(folder: string, display: (file: string) => string): Promise<CatalogFileList> {
  const root = await realpath(folder);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>([root]);
  let listed = true;
  const walk = async (relative: string, depth: number, inside: readonly string[]): Promise<void> => {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true }).catch((error: unknown) => {
      const code = errnoCode(error);
      if (relative === '') listed = false;
      diagnostics.push(fileDiagnostic(display(path.join(folder, relative)), 'unreadable', `folder could not be read (${code})`, readAdvice(code)));
      return [];
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(folder, rel);
      const target = entry.isSymbolicLink() ? await realpath(full).catch(() => undefined) : undefined;
      if (entry.isSymbolicLink() && (target === undefined || !isWithin(target, root))) {
        diagnostics.push(
          fileDiagnostic(
            display(full),
            'link-outside',
            'this link points outside the catalog folder, hookcat does not follow it',
            'copy the file into the catalog folder',
          ),
        );
        continue;
      }
      const info = await stat(full).catch((error: unknown) => {
        const code = errnoCode(error);
        const wanted = !entry.name.startsWith('.') && (entry.isDirectory() || YAML_FILE.test(entry.name));
        if (wanted && !isAbsent(error)) diagnostics.push(fileDiagnostic(display(full), 'unreadable', `could not be read (${code})`, readAdvice(code)));
        return undefined;
      });
      if (info?.isDirectory() && depth < MAX_FOLDER_DEPTH && !entry.name.startsWith('.')) {
        const real = target ?? (await realpath(full).catch(() => full));
        if (inside.includes(real)) {
          diagnostics.push({
            code: 'HC108',
            severity: 'error',
            file: display(full),
            line: 1,
            column: 1,
            message: 'this link leads back to a folder it is inside, a loop',
            hint: 'remove the link, or point it at a folder outside this one',
          });
          continue;
        }
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(rel, depth + 1, [...inside, real]);
      } else if (info?.isFile() && YAML_FILE.test(entry.name)) files.push(rel);
    }
  };
  await walk('', 0, [root]);
  files.sort((a, b) => (a === CATALOG_FILE ? -1 : b === CATALOG_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return { files, diagnostics, listed };
}

export type ReadResult = { text: string } | { diagnostic: Diagnostic };

/** A file's bytes; too large or unreadable becomes a diagnostic. The size limit applies to
 * the file itself, also when it is reached through a link. */
export async function readCatalogBytes(file: string, displayPath: string): Promise<{ bytes: Buffer } | { diagnostic: Diagnostic }> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) return { diagnostic: fileDiagnostic(displayPath, 'missing', 'file not found', 'check the path') };
  if (info.size > MAX_FILE_BYTES) {
    return {
      diagnostic: fileDiagnostic(
        displayPath,
        'too-large',
        `file is ${info.size} bytes, more than the ${MAX_FILE_BYTES} bytes hookcat reads`,
        'split the catalog into several files',
      ),
    };
  }
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    const code = errnoCode(error);
    return { diagnostic: fileDiagnostic(displayPath, 'unreadable', `file could not be read (${code})`, readAdvice(code)) };
  }
}

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}

/** What to do about a file or folder that could not be read, by `errno` code. */
export function readAdvice(code: string): string {
  return fileSystemAdvice(code, 'read') ?? 'check that the file can be read';
}

/** Bytes as strict UTF-8 text (a leading byte order mark dropped); invalid bytes become a diagnostic. */
export function decodeCatalogText(bytes: Uint8Array, displayPath: string): ReadResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    const utf8 = error instanceof TypeError;
    const message = utf8 ? 'file is not valid UTF-8' : `file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return { diagnostic: fileDiagnostic(displayPath, utf8 ? 'not-utf8' : 'unreadable', message, 'save the file as UTF-8 text') };
  }
}

/** Why a file is not read (HC100's `data.file`). */
export type FileProblem = 'missing' | 'too-large' | 'unreadable' | 'not-utf8' | 'link-outside';

export function fileDiagnostic(file: string, problem: FileProblem, message: string, hint: string): Diagnostic {
  return { code: 'HC100', severity: 'error', file, line: 1, column: 1, message, hint, data: { file: problem } };
}
