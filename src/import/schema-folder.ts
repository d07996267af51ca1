/**
 * The files `hookcat import json-schema` reads: every `*.json` below the folder, symbolic links
 * followed while they stay inside it (a folder link such as `latest -> v2`, a file link). A file
 * reached by several paths is read once, under its own path (no link on the way; else the first
 * in order), and is known by the others too (`aliases`), so a `$ref` by any of them finds it. Links that leave the folder, dangle
 * or loop back are not followed.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isWithin } from '../path-inside.js';

/** One file of the folder: its path relative to the folder (with `/`), its text, and the other
 * paths it is reached by through links. */
export interface SchemaFileText {
  readonly path: string;
  readonly text: string;
  readonly aliases?: readonly string[];
}

/** Every `*.json` file under `folder`, in path order. */
export async function readSchemaFolder(folder: string): Promise<SchemaFileText[]> {
  const root = await realpath(folder);
  const found: { relative: string; real: string }[] = [];
  const walk = async (relative: string, real: string, above: readonly string[]): Promise<void> => {
    const entries = await readdir(real, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const target = await followed(entry, path.join(real, entry.name), root);
      if (target === undefined) continue;
      if (target.isDirectory && !above.includes(target.real)) await walk(child, target.real, [...above, target.real]);
      else if (target.isFile && entry.name.endsWith('.json')) found.push({ relative: child, real: target.real });
    }
  };
  await walk('', root, [root]);
  const byReal = new Map<string, string[]>();
  for (const { relative, real } of found) byReal.set(real, [...(byReal.get(real) ?? []), relative]);
  const files = [...byReal].map(([real, paths]) => {
    // Its own path when no link is on the way, else the first in order.
    const own = path.relative(root, real).split(path.sep).join('/');
    const main = paths.includes(own) ? own : [...paths].sort()[0]!;
    return { real, path: main, aliases: paths.filter((p) => p !== main).sort() };
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Promise.all(
    files.map(async ({ real, path: main, aliases }) => ({ path: main, text: await readFile(real, 'utf8'), ...(aliases.length > 0 ? { aliases } : {}) })),
  );
}

/** What an entry is, links followed; undefined for a link that leaves `root` or leads nowhere. */
async function followed(entry: Dirent, full: string, root: string): Promise<{ real: string; isDirectory: boolean; isFile: boolean } | undefined> {
  if (!entry.isSymbolicLink()) return { real: full, isDirectory: entry.isDirectory(), isFile: entry.isFile() };
  const real = await realpath(full).catch(() => undefined);
  if (real === undefined || !isWithin(real, root)) return undefined;
  const info = await stat(real).catch(() => undefined);
  return info === undefined ? undefined : { real, isDirectory: info.isDirectory(), isFile: info.isFile() };
}
