/**
 * Two versions of a project's catalogs, so that a run between them changes files, removes files
 * and adds a folder: version `a` is the given catalogs as they are; version `b` changes the
 * first catalog's version (every one of its files changes), drops its last locale (its pages
 * are removed) and adds a copy of it under another id (a folder the output lacks).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, type GenerateOptions } from '../../../src/generate.js';
import { folderState } from './folder-state.js';

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

/** A temporary project over the catalogs of `from`, with what a clean run of each version writes. */
export interface VersionedProject {
  readonly root: string;
  /** The catalogs as given (version `a` is a copy of them). */
  readonly source: string;
  /** Catalogs `<root>/catalog`, output `<root>/generated`, project `<root>`. */
  readonly options: GenerateOptions;
  /** Each version's output as a clean run leaves it, also kept in `<root>/clean-<version>/`. */
  readonly clean: Readonly<Record<Version, Record<string, string>>>;
  /** Writes `version` of the catalogs into the project. */
  use(version: Version): Promise<void>;
  /** Puts a clean run's output of `version` in the output folder. */
  restore(version: Version): Promise<void>;
}

/** A project over the catalogs `from` (folder name -> catalog folder); every run of it with `settings` too. */
export async function makeVersionedProject(from: Readonly<Record<string, string>>, settings: GenerateOptions = {}): Promise<VersionedProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'hookcat-versions-'));
  const source = path.join(root, 'source');
  for (const [name, folder] of Object.entries(from)) await cp(folder, path.join(source, name), { recursive: true });
  const options: GenerateOptions = { ...settings, catalogs: path.join(root, 'catalog'), out: path.join(root, 'generated'), projectRoot: root };
  const clean = { a: {}, b: {} } as Record<Version, Record<string, string>>;
  const use = (version: Version): Promise<void> => writeVersion(source, options.catalogs!, version);
  for (const version of ['a', 'b'] as const) {
    await use(version);
    const out = path.join(root, `clean-${version}`);
    const result = await generate({ ...options, out });
    if (!result.ok) throw new Error(`version ${version} does not generate`);
    clean[version] = folderState(out);
  }
  const restore = async (version: Version): Promise<void> => {
    await rm(options.out!, { recursive: true, force: true });
    await cp(path.join(root, `clean-${version}`), options.out!, { recursive: true });
  };
  return { root, source, options, clean, use, restore };
}
