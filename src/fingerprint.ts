/**
 * The input fingerprint: a sha256 over everything that decides the output bytes of a run:
 * hookcat's own code (every file of the folder this module runs from, so a changed emitter
 * changes it), the versions of its dependencies, the templates, every catalog file, and what
 * the run was limited to (catalogs, outputs, locales). The manifest records it; a later run
 * with the same fingerprint knows, without emitting, which bytes every file in its scope
 * should hold (those the manifest lists), and only has to verify the files.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolderDigests } from './catalog/load-catalog.js';
import type { TemplateSet } from './emit/emitter.js';

const CODE_DIR = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = path.dirname(CODE_DIR);

/** The fingerprint of a run: `code` from `codeFingerprint`, `catalogs` from `hashCatalogFiles`,
 * `selection` what the run was limited to. */
export function inputFingerprint(code: string, catalogs: string, templates: TemplateSet | undefined, selection = ''): string {
  const hash = createHash('sha256').update('hookcat inputs 1\0');
  hash.update(code);
  hash.update(`\0templates\0${templates === undefined ? '' : JSON.stringify(templates)}\0catalogs\0${catalogs}\0selection\0${selection}`);
  return hash.digest('hex');
}

/** A hash of every catalog file the loader read under `root` (names and the digests of the
 * bytes it read), so no file is read a second time for the fingerprint. */
export function hashCatalogFiles(root: string, read: readonly FolderDigests[]): string {
  const hash = createHash('sha256');
  for (const { folder, files } of read) {
    hash.update(`\0catalog\0${path.relative(root, folder)}\0`);
    for (const { relative, digest } of files) hash.update(`${relative}\0${digest}\0`);
  }
  return hash.digest('hex');
}

/** The fingerprint of hookcat's code (sources or build, whichever runs) and its dependencies'
 * versions. A run context computes it once (`RunContext.code`). */
export async function codeFingerprint(): Promise<string> {
  // The files are read side by side and hashed in order: one after the other, the reads of
  // about 300 files took 110-130 ms of every run, `--check` included.
  const files = await codeFiles(CODE_DIR);
  const [texts, manifestText] = await Promise.all([
    Promise.all(files.map((file) => readFile(file))),
    readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
  ]);
  const hash = createHash('sha256');
  files.forEach((file, i) =>
    hash
      .update(`${path.relative(CODE_DIR, file)}\0`)
      .update(texts[i]!)
      .update('\0'),
  );
  const manifest = JSON.parse(manifestText) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`hookcat ${manifest.version ?? ''}\0`);
  const names = Object.keys(manifest.dependencies ?? {}).sort();
  const versions = await Promise.all(names.map(installedVersion));
  names.forEach((name, i) => hash.update(`${name} ${versions[i]}\0`));
  return hash.digest('hex');
}

async function codeFiles(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return codeFiles(full);
      return /\.(ts|js|mjs|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
    }),
  );
  return found.flat();
}

/** The version of dependency `name` that Node would load for hookcat (nearest node_modules up). */
async function installedVersion(name: string): Promise<string> {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    const text = await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) return (JSON.parse(text) as { version?: string }).version ?? '?';
    if (path.dirname(dir) === dir) return 'missing';
  }
}
