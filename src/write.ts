/**
 * The only code that touches the output folder. hookcat owns the files listed in its
 * manifest: it rewrites those that changed, removes those no catalog produces any more,
 * and never touches a file it did not write.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDirectory } from './catalog/files.js';
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

export function hashOf(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
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

/** Compares each file with the output folder and, unless checking, stages the changed ones. */
export class OutputSession {
  private readonly entries = new Map<string, ManifestEntry>();
  private readonly changes: Change[] = [];
  private unchanged = 0;
  private readonly staged: Staged[] = [];
  private readonly stagingDir: string;
  /** Set once the staging folder exists; true when the output folder existed before it. */
  private staging: Promise<boolean> | undefined;

  /** A session on `outDir`; staging folders that runs no longer alive left behind are removed first. */
  static async open(outDir: string, previous: Manifest | undefined, check: boolean): Promise<OutputSession> {
    if (!check) await removeAbandonedStaging(outDir);
    return new OutputSession(outDir, previous, check);
  }

  private constructor(
    private readonly outDir: string,
    private readonly previous: Manifest | undefined,
    private readonly check: boolean,
  ) {
    this.stagingDir = path.join(outDir, `${STAGING_PREFIX}${process.pid}`);
  }

  /** Hashes `files`, compares them with the folder and stages what changed. Their contents
   * are not kept: the caller may drop them, which bounds memory to one emitter's output. */
  async add(files: readonly OwnedFile[]): Promise<void> {
    for (const file of files) {
      if (this.entries.has(file.path)) throw new Error(`two outputs write ${file.path} (${this.entries.get(file.path)?.emitter} and ${file.emitter})`);
      this.entries.set(file.path, { sha256: '', catalog: file.catalog, emitter: file.emitter });
    }
    const kinds = await inBatches(files, async (file) => {
      const bytes = Buffer.from(file.contents, 'utf8');
      this.entries.set(file.path, { sha256: hashOf(bytes), catalog: file.catalog, emitter: file.emitter });
      const kind = await compareWithDisk(path.join(this.outDir, file.path), bytes);
      if (kind !== undefined && !this.check) await this.stage(file.path, bytes);
      return kind;
    });
    files.forEach((file, i) => {
      const kind = kinds[i];
      if (kind === undefined) this.unchanged++;
      else this.changes.push({ path: file.path, kind });
    });
  }

  /** What the run changes: added and changed files in the order given, then removals. */
  plan(inScope: Scope): WritePlan {
    const changes = [...this.changes];
    const next: Record<string, ManifestEntry> = Object.fromEntries(this.entries);
    for (const [old, entry] of Object.entries(this.previous?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.entries.has(old)) continue;
      if (inScope(old, entry)) changes.push({ path: old, kind: 'removed' });
      else next[old] = entry;
    }
    return { changes, unchanged: this.unchanged, manifest: { generator: 'hookcat', files: sortKeys(next) } };
  }

  /** Moves every staged file over its target, removes what is no longer produced, writes the manifest. */
  async commit(plan: WritePlan): Promise<void> {
    if (this.check) throw new Error('a check writes nothing');
    const folders = [...new Set(this.staged.map((s) => path.dirname(s.target)))].sort();
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await inBatches(this.staged, (s) => rename(s.temp, s.target));
    await this.removeStaging();
    for (const change of plan.changes) {
      if (change.kind === 'removed') await removeOwned(this.outDir, change.path);
    }
    await writeManifest(this.outDir, plan.manifest);
  }

  /** Leaves the output folder as it was before the run. */
  async abort(): Promise<void> {
    await this.removeStaging();
  }

  private async stage(relative: string, bytes: Buffer): Promise<void> {
    this.staging ??= this.makeStaging();
    await this.staging;
    const temp = path.join(this.stagingDir, `${this.staged.length}`);
    this.staged.push({ temp, target: path.join(this.outDir, relative) });
    await writeFile(temp, bytes);
  }

  private async makeStaging(): Promise<boolean> {
    const existed = await isDirectory(this.outDir);
    await mkdir(this.stagingDir, { recursive: true });
    return existed;
  }

  private async removeStaging(): Promise<void> {
    if (this.staging === undefined) return;
    const outExisted = await this.staging;
    this.staging = undefined;
    await rm(this.stagingDir, { recursive: true, force: true });
    // An output folder made only to hold the staging folder goes too.
    if (!outExisted) await rmdir(this.outDir).catch(() => undefined);
  }
}

/** A new file's bytes, waiting under the staging folder for the commit. */
interface Staged {
  readonly temp: string;
  readonly target: string;
}

/** Staging folders are named `<prefix><pid>`, inside the output folder so the final renames stay on one disk. */
const STAGING_PREFIX = '.hookcat-staging-';

async function removeAbandonedStaging(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(entry.slice(STAGING_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(outDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `added` when there is no file, `changed` when it differs, undefined when it holds exactly `bytes`. */
async function compareWithDisk(target: string, bytes: Buffer): Promise<ChangeKind | undefined> {
  const current = await readFile(target).catch(() => undefined);
  if (current === undefined) return 'added';
  return current.equals(bytes) ? undefined : 'changed';
}

async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const manifestText = JSON.stringify(manifest, null, 2) + '\n';
  const manifestPath = path.join(outDir, MANIFEST_FILE);
  const current = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (current === manifestText) return;
  await mkdir(outDir, { recursive: true });
  const temp = `${manifestPath}.hookcat-tmp-${process.pid}`;
  await writeFile(temp, manifestText, 'utf8');
  await rename(temp, manifestPath);
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
