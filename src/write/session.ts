/**
 * One run's comparison of new output with the output folder, and (unless checking) its write.
 * Hashing, comparing and staging happen on the staging thread (see `stage-thread.ts`) while
 * the next emitter runs; the commit renames staged files (or whole new folders) into place.
 */
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import { forget, KEPT_BUDGET, KEPT_CONTENTS, knownFiles, rememberStat, unchangedOnDisk, type FileStat, type KnownFile } from './known-files.js';
import { stageInThread, type OnDisk, type StageRequest, type StageResult } from './stage-thread.js';
import { sealInputs, sortKeys, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
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
  readonly target: string;
  readonly sha256: string;
  /** Kept for the record of known files (see `keptContents`). */
  readonly contents: string | undefined;
  readonly stat: FileStat | undefined;
}

const encoder = new TextEncoder();

/** Files handed to the staging thread in one message: enough to make messages cheap, few
 * enough that the thread starts while the emitter's later files are still being prepared. */
const BATCH_FILES = 64;
const BATCH_CHARS = 4 * 1024 * 1024;

/** Bytes handed to the staging thread and not written yet, at most: beyond it, `add` waits
 * (a disk slower than the emitters would otherwise have the whole output wait in memory). */
const MOST_IN_FLIGHT = 64 * 1024 * 1024;

/** Compares each file with the output folder and, unless checking, stages the changed ones. */
export class OutputSession {
  private readonly entries = new Map<string, ManifestEntry>();
  /** Per batch sent to the staging thread: done once its files are recorded (in the order sent). */
  private readonly recorded: Array<Promise<void>> = [];
  /** Batches whose bytes may still wait in the thread, oldest first. */
  private readonly inFlight: Array<{ readonly done: Promise<void>; readonly bytes: number }> = [];
  private inFlightBytes = 0;
  private readonly changes: Change[] = [];
  private unchanged = 0;
  private readonly staged: Staged[] = [];
  private keptChars = 0;
  private readonly stagingDir: string;
  /** Set once the staging folder exists: whether the output folder existed before it. */
  private stagingExisted: boolean | undefined;
  private readonly known: Map<string, KnownFile>;

  /** A session on `outDir`; staging folders that runs no longer alive left behind are removed
   * first. `keep`: record what is written for a later run in this process (see known-files.ts). */
  static async open(outDir: string, previous: Manifest | undefined, check: boolean, keep = true): Promise<OutputSession> {
    if (!check) await removeAbandonedStaging(outDir);
    return new OutputSession(outDir, previous, check, keep);
  }

  private constructor(
    private readonly outDir: string,
    private readonly previous: Manifest | undefined,
    private readonly check: boolean,
    private readonly keep: boolean,
  ) {
    this.stagingDir = path.join(outDir, `${STAGING_PREFIX}${process.pid}`);
    this.known = knownFiles(outDir);
  }

  /** Hands `files` over to be hashed, compared with the folder and, when changed, staged, on
   * the staging thread. Returns once they are sent, or, when the thread is behind by more than
   * `MOST_IN_FLIGHT` bytes, once it has written all but the last batch or caught up. Contents are not kept (but for small files,
   * when keeping), which bounds memory to what is still waiting. */
  async add(files: readonly OwnedFile[]): Promise<void> {
    for (const file of files) {
      if (this.entries.has(file.path)) throw new Error(`two outputs write ${file.path} (${this.entries.get(file.path)?.emitter} and ${file.emitter})`);
      this.entries.set(file.path, { sha256: '', catalog: file.catalog, emitter: file.emitter });
    }
    if (!this.check && this.stagingExisted === undefined) this.makeStaging();
    let batch: OwnedFile[] = [];
    let chars = 0;
    for (const file of files) {
      const target = path.join(this.outDir, file.path);
      const known = this.known.get(file.path);
      if (known !== undefined && known.contents === file.contents && unchangedOnDisk(known, target)) {
        this.entries.set(file.path, { ...this.entries.get(file.path)!, sha256: known.sha256 });
        this.unchanged++;
        continue;
      }
      batch.push(file);
      chars += file.contents.length;
      if (batch.length >= BATCH_FILES || chars >= BATCH_CHARS) {
        this.send(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) this.send(batch);
    // The batch just sent is never waited for: one large file must not wait for itself.
    while (this.inFlight.length > 1 && this.inFlightBytes > MOST_IN_FLIGHT) {
      const oldest = this.inFlight.shift()!;
      await oldest.done.catch(() => undefined);
      this.inFlightBytes -= oldest.bytes;
    }
  }

  /** What the run changes: added and changed files in the order given, then removals. */
  async plan(inScope: Scope, fingerprints: { readonly code: string; readonly inputs: string }): Promise<WritePlan> {
    await this.settle();
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
    await this.settle();
    this.moveStaged();
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
    await Promise.allSettled(this.recorded);
    await this.removeStaging();
  }

  private send(files: readonly OwnedFile[]): void {
    const requests = files.map((file): StageRequest => {
      const target = path.join(this.outDir, file.path);
      const known = this.known.get(file.path);
      const onDisk: OnDisk = known !== undefined && unchangedOnDisk(known, target) ? { known: true, sha256: known.sha256 } : { known: false };
      return { target, temp: this.check ? undefined : this.stagingPathOf(file.path), bytes: encoder.encode(file.contents), onDisk };
    });
    const bytes = requests.reduce((sum, request) => sum + request.bytes.byteLength, 0);
    // The thread answers in the order asked, so files are recorded in the order given.
    const done = stageInThread(requests).then((results) => files.forEach((file, i) => this.record(file, results[i]!)));
    // Failures surface in settle(); this keeps an early one from being reported as unhandled.
    done.catch(() => undefined);
    this.recorded.push(done);
    this.inFlight.push({ done, bytes });
    this.inFlightBytes += bytes;
  }

  /** Waits until the staging thread has answered for every file sent. */
  private async settle(): Promise<void> {
    const pending = this.recorded.splice(0);
    this.inFlight.length = 0;
    this.inFlightBytes = 0;
    for (const done of pending) await done;
  }

  private record(file: OwnedFile, result: StageResult): void {
    this.entries.set(file.path, { ...this.entries.get(file.path)!, sha256: result.sha256 });
    const target = path.join(this.outDir, file.path);
    const contents = this.keptContents(file.contents);
    if (result.kind === undefined) {
      this.unchanged++;
      if (this.keep) rememberStat(this.known, file.path, result.sha256, contents, result.stat);
      return;
    }
    this.changes.push({ path: file.path, kind: result.kind });
    if (!this.check) this.staged.push({ relative: file.path, target, sha256: result.sha256, contents, stat: result.stat });
  }

  /** The contents to keep for the record of known files (its limits, so that `staged` holds no
   * more than the record would take), when keeping. */
  private keptContents(contents: string): string | undefined {
    if (!this.keep || contents.length > KEPT_CONTENTS || this.keptChars + contents.length > KEPT_BUDGET) return undefined;
    this.keptChars += contents.length;
    return contents;
  }

  /** The staging folder mirrors the output folder, so a folder the output lacks moves in with one rename. */
  private stagingPathOf(relative: string): string {
    return path.join(this.stagingDir, relative);
  }

  private moveStaged(): void {
    const exists = new Map<string, boolean>();
    const existing = (relative: string): boolean => {
      let found = exists.get(relative);
      if (found === undefined) exists.set(relative, (found = isDirectorySync(path.join(this.outDir, relative))));
      return found;
    };
    const movedFolders = new Set<string>();
    for (const s of this.staged) {
      const folder = firstMissingFolder(s.relative, existing);
      if (folder === undefined) renameSync(this.stagingPathOf(s.relative), s.target);
      else if (!movedFolders.has(folder)) {
        renameSync(this.stagingPathOf(folder), path.join(this.outDir, folder));
        movedFolders.add(folder);
      }
      if (this.keep) rememberStat(this.known, s.relative, s.sha256, s.contents, s.stat);
      else forget(this.known, s.relative);
    }
    this.staged.length = 0;
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

/** The outermost folder on the way to `relative` that the output folder lacks (`a` of `a/b/c.json`). */
function firstMissingFolder(relative: string, existing: (folder: string) => boolean): string | undefined {
  const parts = relative.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (!existing(folder)) return folder;
  }
  return undefined;
}

function isDirectorySync(folder: string): boolean {
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
