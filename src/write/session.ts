/**
 * One run's comparison of new output with the output folder, and (unless checking) its write.
 * File work is synchronous: for thousands of small files it is about 1.7 times faster here than
 * the promise API (20,000 files of 3 kB: 0.87 s against 1.47 s in batches of 32).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import { forget, knownFiles, remember, unchangedOnDisk, type KnownFile } from './known-files.js';
import { hashOf, sealInputs, sortKeys, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { removeAbandonedStaging, removeOwned, STAGING_PREFIX } from './output-folder.js';

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

/** A new file's bytes, waiting under the staging folder for the commit. */
interface Staged {
  readonly relative: string;
  readonly temp: string;
  readonly target: string;
  readonly sha256: string;
  readonly contents: string;
}

/** Compares each file with the output folder and, unless checking, stages the changed ones. */
export class OutputSession {
  private readonly entries = new Map<string, ManifestEntry>();
  private readonly changes: Change[] = [];
  private unchanged = 0;
  private readonly staged: Staged[] = [];
  private readonly stagingDir: string;
  /** Set once the staging folder exists: whether the output folder existed before it. */
  private stagingExisted: boolean | undefined;
  private readonly known: Map<string, KnownFile>;

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
    this.known = knownFiles(outDir);
  }

  /** Hashes `files`, compares them with the folder and stages what changed. Their contents
   * are not kept (but for small files known to this process), which bounds memory to one
   * emitter's output. */
  add(files: readonly OwnedFile[]): void {
    for (const file of files) {
      if (this.entries.has(file.path)) throw new Error(`two outputs write ${file.path} (${this.entries.get(file.path)?.emitter} and ${file.emitter})`);
      this.entries.set(file.path, { sha256: '', catalog: file.catalog, emitter: file.emitter });
    }
    for (const file of files) {
      const { sha256, kind } = this.compare(file);
      this.entries.set(file.path, { sha256, catalog: file.catalog, emitter: file.emitter, ...(file.source !== undefined && { source: file.source }) });
      if (kind === undefined) this.unchanged++;
      else this.changes.push({ path: file.path, kind });
    }
  }

  /** What the run changes: added and changed files in the order given, then removals. */
  plan(inScope: Scope, fingerprints: { readonly code: string; readonly inputs: string }): WritePlan {
    const { code, inputs } = fingerprints;
    const changes = [...this.changes];
    const next: Record<string, ManifestEntry> = Object.fromEntries(this.entries);
    for (const [old, entry] of Object.entries(this.previous?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.entries.has(old)) continue;
      if (inScope(old, entry)) changes.push({ path: old, kind: 'removed' });
      else next[old] = entry;
    }
    const files = sortKeys(next);
    return { changes, unchanged: this.unchanged, manifest: { generator: 'hookcat', code, inputs: sealInputs(inputs, files), files } };
  }

  /** Moves every staged file over its target, removes what is no longer produced, writes the manifest. */
  async commit(plan: WritePlan): Promise<void> {
    if (this.check) throw new Error('a check writes nothing');
    const folders = [...new Set(this.staged.map((s) => path.dirname(s.target)))].sort();
    for (const folder of folders) mkdirSync(folder, { recursive: true });
    for (const s of this.staged) {
      renameSync(s.temp, s.target);
      remember(this.known, s.relative, s.target, s.sha256, s.contents);
    }
    await this.removeStaging();
    for (const change of plan.changes) {
      if (change.kind !== 'removed') continue;
      forget(this.known, change.path);
      await removeOwned(this.outDir, change.path);
    }
    await writeManifest(this.outDir, plan.manifest);
  }

  /** Leaves the output folder as it was before the run. */
  async abort(): Promise<void> {
    await this.removeStaging();
  }

  /** The file's hash, and how it differs from the folder (undefined: it does not). */
  private compare(file: OwnedFile): { sha256: string; kind: ChangeKind | undefined } {
    const target = path.join(this.outDir, file.path);
    const known = this.known.get(file.path);
    if (known !== undefined && known.contents === file.contents && unchangedOnDisk(known, target)) return { sha256: known.sha256, kind: undefined };
    const bytes = Buffer.from(file.contents, 'utf8');
    const sha256 = hashOf(bytes);
    const kind = known?.sha256 === sha256 && unchangedOnDisk(known, target) ? undefined : compareWithDisk(target, bytes);
    if (kind === undefined) remember(this.known, file.path, target, sha256, file.contents);
    else if (!this.check) this.stage({ relative: file.path, target, sha256, contents: file.contents }, bytes);
    return { sha256, kind };
  }

  private stage(file: Omit<Staged, 'temp'>, bytes: Buffer): void {
    if (this.stagingExisted === undefined) this.makeStaging();
    const temp = path.join(this.stagingDir, `${this.staged.length}`);
    this.staged.push({ ...file, temp });
    writeFileSync(temp, bytes);
  }

  private makeStaging(): void {
    this.stagingExisted = isDirectorySync(this.outDir);
    mkdirSync(this.stagingDir, { recursive: true });
  }

  private async removeStaging(): Promise<void> {
    if (this.stagingExisted === undefined) return;
    const outExisted = this.stagingExisted;
    this.stagingExisted = undefined;
    await rm(this.stagingDir, { recursive: true, force: true });
    // An output folder made only to hold the staging folder goes too.
    if (!outExisted) await rmdir(this.outDir).catch(() => undefined);
  }
}

function isDirectorySync(folder: string): boolean {
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** `added` when there is no file, `changed` when it differs, undefined when it holds exactly `bytes`. */
function compareWithDisk(target: string, bytes: Buffer): ChangeKind | undefined {
  let current: Buffer;
  try {
    current = readFileSync(target);
  } catch {
    return 'added';
  }
  return current.equals(bytes) ? undefined : 'changed';
}
