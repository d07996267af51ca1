/**
 * The only code that touches the output folder. hookcat owns the files listed in its
 * manifest: it rewrites those that changed, removes those no catalog produces any more,
 * and never touches a file it did not write.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './emit/emitter.js';

export const MANIFEST_FILE = '.hookcat-manifest.json';

/** What hookcat knows of a file it wrote. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly catalog: string;
  readonly emitter: string;
}

export interface Manifest {
  readonly generator: 'hookcat';
  /** Relative path (`/` separators) -> what hookcat wrote there. */
  readonly files: { readonly [path: string]: ManifestEntry };
}

/** An output file with its owner, as the pipeline hands it to the writer. */
export interface OwnedFile extends OutputFile {
  readonly catalog: string;
  readonly emitter: string;
}

/** Which manifest entries this run is responsible for (all, unless catalogs or outputs were filtered). */
export type Scope = (path: string, entry: ManifestEntry) => boolean;

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface Change {
  readonly path: string;
  readonly kind: ChangeKind;
}

export interface WritePlan {
  readonly changes: readonly Change[];
  readonly unchanged: number;
  /** The manifest after the write. */
  readonly manifest: Manifest;
}

/** Raised for an output folder hookcat must not write to; the CLI prints its message. */
export class OutputFolderError extends Error {}

export function hashOf(contents: string): string {
  return createHash('sha256').update(contents, 'utf8').digest('hex');
}

/** Refuses output folders outside `projectRoot` and existing folders with foreign files but no manifest. */
export async function assertOwnedFolder(outDir: string, projectRoot: string): Promise<Manifest | undefined> {
  const relative = path.relative(await resolveLinks(projectRoot), await resolveLinks(outDir));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new OutputFolderError(`the output folder ${outDir} is not inside the project (${projectRoot}); hookcat only writes below the project folder`);
  }
  const manifest = await readManifest(outDir);
  if (manifest !== undefined) return manifest;
  const entries = await readdir(outDir).catch(() => [] as string[]);
  const foreign = entries.filter((e) => !e.startsWith('.'));
  if (foreign.length > 0) {
    throw new OutputFolderError(`the output folder ${outDir} holds files hookcat did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}) and no ${MANIFEST_FILE}; choose an empty or new folder`);
  }
  return undefined;
}

/** The real path of `target`, or of its nearest existing ancestor plus the rest: a link
 * (for instance a committed `generated` link) must not carry the output out of the project. */
async function resolveLinks(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const real = await realpath(absolute).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await resolveLinks(parent), path.basename(absolute));
}

async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Manifest;
    if (parsed.generator === 'hookcat' && typeof parsed.files === 'object') return parsed;
  } catch {
    // A damaged manifest is treated as absent; the folder check then decides.
  }
  return undefined;
}

/** Compares what would be written with what is on disk. Reads, never writes. */
export async function planWrite(outDir: string, files: readonly OwnedFile[], previous: Manifest | undefined, inScope: Scope = () => true): Promise<WritePlan> {
  const changes: Change[] = [];
  let unchanged = 0;
  const next: Record<string, ManifestEntry> = {};
  const currents = await inBatches(files, (file) => readFile(path.join(outDir, file.path), 'utf8').catch(() => undefined));
  files.forEach((file, i) => {
    next[file.path] = { sha256: hashOf(file.contents), catalog: file.catalog, emitter: file.emitter };
    const current = currents[i];
    if (current === undefined) changes.push({ path: file.path, kind: 'added' });
    else if (current !== file.contents) changes.push({ path: file.path, kind: 'changed' });
    else unchanged++;
  });
  for (const [old, entry] of Object.entries(previous?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (Object.hasOwn(next, old)) continue;
    if (inScope(old, entry)) changes.push({ path: old, kind: 'removed' });
    else next[old] = entry;
  }
  const manifest: Manifest = { generator: 'hookcat', files: sortKeys(next) };
  return { changes, unchanged, manifest };
}

/** Applies a plan: new contents go to temporary files first, then each is renamed over its target. */
export async function applyWrite(outDir: string, files: readonly OutputFile[], plan: WritePlan): Promise<void> {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const staged: { temp: string; target: string }[] = [];
  try {
    const written = plan.changes.filter((change) => change.kind !== 'removed');
    await inBatches(written, async (change) => {
      const target = path.join(outDir, change.path);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.hookcat-tmp-${process.pid}`;
      staged.push({ temp, target });
      await writeFile(temp, byPath.get(change.path) ?? '', 'utf8');
    });
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  for (const change of plan.changes) {
    if (change.kind === 'removed') await removeOwned(outDir, change.path);
  }
  const manifestText = JSON.stringify(plan.manifest, null, 2) + '\n';
  const manifestPath = path.join(outDir, MANIFEST_FILE);
  const current = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (current !== manifestText) {
    await mkdir(outDir, { recursive: true });
    await writeFile(`${manifestPath}.hookcat-tmp-${process.pid}`, manifestText, 'utf8');
    await rename(`${manifestPath}.hookcat-tmp-${process.pid}`, manifestPath);
  }
}

/** Removes a file hookcat wrote, then any folders it leaves empty (up to the output folder). */
async function removeOwned(outDir: string, relative: string): Promise<void> {
  await rm(path.join(outDir, relative), { force: true });
  let dir = path.dirname(path.join(outDir, relative));
  const root = path.resolve(outDir);
  while (path.resolve(dir) !== root && path.resolve(dir).startsWith(root)) {
    const left = await readdir(dir).catch(() => ['?']);
    if (left.length > 0) break;
    await rmdir(dir).catch(() => undefined);
    dir = path.dirname(dir);
  }
}

/** Files read or written at once: enough to keep the disk busy, few enough for any fd limit. */
const BATCH = 32;

/** `work` over `items`, BATCH at a time, results in the order of `items`. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await Promise.all(items.slice(i, i + BATCH).map(work))));
  return results;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}
