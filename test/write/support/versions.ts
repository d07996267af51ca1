/**
 * Two versions of a project's catalogs, so that a run between them changes files, removes files
 * and adds a folder: version `a` is the given catalogs as they are; version `b` changes the
 * first catalog's version (every one of its files changes), drops its last locale (its pages
 * are removed) and adds a copy of it under another id (a folder the output lacks).
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Version = 'a' | 'b';

/** Writes version `version` of the catalogs under `source` into `catalogs` (emptied first). */
export async function writeVersion(source: string, catalogs: string, version: Version): Promise<void> {
  await rm(catalogs, { recursive: true, force: true });
  await mkdir(catalogs, { recursive: true });
  const names = (await readdir(source, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of names) await cp(path.join(source, name), path.join(catalogs, name), { recursive: true });
  if (version === 'a') return;
  const first = names[0]!;
  const metadata = path.join(catalogs, first, 'catalog.yaml');
  const text = await readFile(metadata, 'utf8');
  const copy = path.join(catalogs, `${first}-copy`);
  await cp(path.join(source, first), copy, { recursive: true });
  await writeFile(path.join(copy, 'catalog.yaml'), replaceOnce(text, /^(\s*)id: \S+$/m, '$1id: extra'));
  await writeFile(metadata, dropLastLocale(replaceOnce(text, /^(\s*)version: .*$/m, "$1version: '9.9'")));
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`catalog.yaml has no line like ${pattern}`);
  return text.replace(pattern, replacement);
}

/** `locales: [en, et]` -> `locales: [en]` (the source locale is listed first in every catalog used). */
function dropLastLocale(text: string): string {
  return replaceOnce(text, /^(\s*)locales: \[([^\]]*)\]$/m, '$1locales: [__LOCALES__]').replace('__LOCALES__', () => {
    const locales = /^\s*locales: \[([^\]]*)\]$/m
      .exec(text)![1]!
      .split(',')
      .map((l) => l.trim());
    return locales.slice(0, -1).join(', ');
  });
}
