/**
 * One run's comparison of new output with the output folder, and (unless checking) its write.
 * Each file is hashed, compared with the folder and, when changed, staged under the staging
 * folder: on the main thread for the first `PACING.onMainThread` files, then on a staging thread
 * (`stage-thread.ts`) while the next emitter runs. The commit (`commit.ts`) moves the staged
 * files into place under a journal.
 */
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import { commit, stagingParts } from './commit.js';
import { asFileSystemError } from './fs-error.js';
import { readJournal, STAGING_PREFIX, type Journal } from './journal.js';
import { KEPT_BUDGET, KEPT_CONTENTS, unchangedOnDisk, type FileStat, type KnownFiles } from './known-files.js';
import { MANIFEST_FILE, sealInputs, sortKeys, writeManifestSync, type Manifest, type ManifestEntry } from './manifest.js';
import { stageFile, type OnDisk, type StageRequest, type StageResult } from './stage-file.js';
import { StagingFailure, StagingThread } from './stage-thread.js';

/** An output file with its owner, as the pipeline hands it to the writer. */
export interface OwnedFile extends OutputFile {
  readonly catalog: string;
  readonly emitter: string;
}

/** Which manifest entries this run is responsible for (all, unless catalogs or outputs were filtered). */
export type Scope = (path: string, entry: ManifestEntry) => boolean;

/** `interrupted`: a run was killed while it moved its files into place; the next write finishes it. */
export type ChangeKind = 'added' | 'changed' | 'removed' | 'interrupted';

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
  readonly sha256: string;
  /** Kept for the record of known files (see `keptContents`). */
  readonly contents: string | undefined;
  readonly stat: FileStat | undefined;
}

const encoder = new TextEncoder();

/** How much a session does on the main thread, and how much it holds at once. */
export interface Pacing {
  /** Files staged on the main thread before a staging thread is started: a run this small ends
   * sooner without one (see bench/README.md, "Staging on a thread"). */
  readonly onMainThread: number;
  /** Files, or characters, handed to the staging thread in one message: enough to make messages
   * cheap, few enough that the thread starts while the emitter's later files are still being prepared. */
  readonly batchFiles: number;
  readonly batchChars: number;
  /** Bytes handed to the staging thread and not written yet, at most: beyond it, `add` waits
   * (a disk slower than the emitters would otherwise have the whole output wait in memory). */
  readonly mostInFlight: number;
}

export const PACING: Pacing = Object.freeze({ onMainThread: 128, batchFiles: 64, batchChars: 4 * 1024 * 1024, mostInFlight: 64 * 1024 * 1024 });

/** What stages the files beyond the main thread's first few: a `StagingThread`, or a stand-in in tests. */
export interface Stager {
  stage(requests: readonly StageRequest[]): Promise<readonly StageResult[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Write nothing: only compare. */
  readonly check: boolean;
  /** The record of this folder in the run context; what is written is recorded in it when `keep`. */
  readonly known: KnownFiles;
  /** Record what is written for a later run with the same context. */
  readonly keep: boolean;
  /** Default `PACING`; tests set small limits to watch them hold. */
  readonly pacing?: Pacing | undefined;
  /** Default a new `StagingThread`. */
  readonly stager?: Stager | undefined;
}

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
  private staged: Staged[] = [];
  private keptChars = 0;
  private stagedOnMain = 0;
  private readonly staging: string;
  private readonly thread: Stager;
  private readonly pacing: Pacing;
  /** Set once the staging folder exists: whether the output folder existed before it. */
  private stagingExisted: boolean | undefined;
  private readonly check: boolean;
  private readonly known: KnownFiles;
  private readonly keep: boolean;

  /** A session on `outDir`, whose manifest (if any) is `previous`. */
  constructor(
    private readonly outDir: string,
    private readonly previous: Manifest | undefined,
    options: SessionOptions,
  ) {
    this.staging = `${STAGING_PREFIX}${process.pid}`;
    this.check = options.check;
    this.known = options.known;
    this.keep = options.keep;
    this.pacing = options.pacing ?? PACING;
    this.thread = options.stager ?? new StagingThread();
  }

  /** Hands `files` over to be hashed, compared with the folder and, when changed, staged. Returns
   * once they are staged or sent to the staging thread, or, when the thread is behind by more than
   * `mostInFlight` bytes, once it has written all but the last batch or caught up. Contents are
   * not kept (but for small files, when keeping), which bounds memory to what is still waiting. */
  async add(files: readonly OwnedFile[]): Promise<void> {
    for (const file of files) {
      if (this.entries.has(file.path)) throw new Error(`two outputs write ${file.path} (${this.entries.get(file.path)?.emitter} and ${file.emitter})`);
      this.entries.set(file.path, { sha256: '', catalog: file.catalog, emitter: file.emitter });
    }
    if (!this.check && this.stagingExisted === undefined) this.makeStaging();
    let batch: OwnedFile[] = [];
    let chars = 0;
    for (const file of files) {
      const known = this.known.get(file.path);
      if (known !== undefined && known.contents === file.contents && unchangedOnDisk(known, this.targetOf(file.path))) {
        this.entries.set(file.path, { ...this.entries.get(file.path)!, sha256: known.sha256 });
        this.unchanged++;
        continue;
      }
      if (this.stagedOnMain < this.pacing.onMainThread) {
        this.stageOnMain(file);
        continue;
      }
      batch.push(file);
      chars += file.contents.length;
      if (batch.length >= this.pacing.batchFiles || chars >= this.pacing.batchChars) {
        this.send(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) this.send(batch);
    // The batch just sent is never waited for: one large file must not wait for itself.
    while (this.inFlight.length > 1 && this.inFlightBytes > this.pacing.mostInFlight) {
      const oldest = this.inFlight.shift()!;
      await oldest.done.catch(() => undefined);
      this.inFlightBytes -= oldest.bytes;
    }
  }

  /** What the run changes: added and changed files in the order given, then removals; when
   * checking, also the manifest when its list of files and hashes would change. */
  async plan(inScope: Scope, fingerprints: { readonly code: string; readonly inputs: string }): Promise<WritePlan> {
    await this.settle();
    await this.thread.close();
    const { code, inputs } = fingerprints;
    const changes = [...this.changes];
    const next: Record<string, ManifestEntry> = Object.fromEntries(this.entries);
    for (const [old, entry] of Object.entries(this.previous?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.entries.has(old)) continue;
      if (inScope(old, entry)) changes.push({ path: old, kind: 'removed' });
      else next[old] = entry;
    }
    const files = sortKeys(next);
    if (this.check && !sameFiles(this.previous?.files ?? {}, files))
      changes.push({ path: MANIFEST_FILE, kind: this.previous === undefined ? 'added' : 'changed' });
    return { changes, unchanged: this.unchanged, manifest: { generator: 'hookcat', code, inputs: sealInputs(inputs, files), files } };
  }

  /** Moves every staged file over its target, removes what is no longer produced and writes
   * the manifest, under a journal (see `commit.ts`). */
  async commit(plan: WritePlan): Promise<void> {
    if (this.check) throw new Error('a check writes nothing');
    await this.settle();
    const removals = plan.changes.filter((c) => c.kind === 'removed').map((c) => c.path);
    try {
      if (this.staged.length === 0 && removals.length === 0) {
        mkdirSync(this.outDir, { recursive: true });
        writeManifestSync(this.outDir, plan.manifest);
        this.removeStaging();
      } else {
        const journal: Journal = {
          generator: 'hookcat',
          pid: process.pid,
          staging: this.staging,
          files: this.staged.map((s) => s.relative),
          removals,
          manifest: plan.manifest,
        };
        commit(this.outDir, journal);
        this.stagingExisted = undefined;
      }
    } catch (error) {
      // A journal still there (the roll-back failed too) needs the staged files: the next run finishes the commit.
      if (readJournal(this.outDir).kind === 'absent') this.removeStaging();
      throw asFileSystemError(error, this.outDir) ?? error;
    }
    for (const s of this.staged) {
      if (this.keep) this.known.rememberStat(s.relative, s.sha256, s.contents, s.stat);
      else this.known.forget(s.relative);
    }
    for (const removed of removals) this.known.forget(removed);
    this.staged = [];
  }

  /** Leaves the output folder as it was before the run. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.recorded);
    await this.thread.close();
    this.removeStaging();
  }

  private targetOf(relative: string): string {
    return path.join(this.outDir, relative);
  }

  /** The staging folder mirrors the output folder (under `new/`), so a folder the output lacks moves in with one rename. */
  private stagingPathOf(relative: string): string {
    return path.join(stagingParts(this.outDir, this.staging).fresh, relative);
  }

  private request(file: OwnedFile): StageRequest {
    const target = this.targetOf(file.path);
    const known = this.known.get(file.path);
    const onDisk: OnDisk = known !== undefined && unchangedOnDisk(known, target) ? { known: true, sha256: known.sha256 } : { known: false };
    return { target, temp: this.check ? undefined : this.stagingPathOf(file.path), bytes: encoder.encode(file.contents), onDisk };
  }

  private stageOnMain(file: OwnedFile): void {
    this.stagedOnMain++;
    let result: StageResult;
    try {
      result = stageFile(this.request(file));
    } catch (error) {
      throw asFileSystemError(error, this.targetOf(file.path)) ?? error;
    }
    this.record(file, result);
  }

  private send(files: readonly OwnedFile[]): void {
    const requests = files.map((file) => this.request(file));
    const bytes = requests.reduce((sum, request) => sum + request.bytes.byteLength, 0);
    // The thread answers in the order asked, so files are recorded in the order given.
    const done = this.thread.stage(requests).then(
      (results) => files.forEach((file, i) => this.record(file, results[i]!)),
      (error: unknown) => {
        const file = error instanceof StagingFailure ? files[error.index] : undefined;
        const failure = error instanceof StagingFailure ? Object.assign(new Error(error.message), { code: error.code }) : error;
        throw (file !== undefined && asFileSystemError(failure, this.targetOf(file.path))) || failure;
      },
    );
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
    const contents = this.keptContents(file.contents);
    if (result.kind === undefined) {
      this.unchanged++;
      if (this.keep) this.known.rememberStat(file.path, result.sha256, contents, result.stat);
      return;
    }
    this.changes.push({ path: file.path, kind: result.kind });
    if (!this.check) this.staged.push({ relative: file.path, sha256: result.sha256, contents, stat: result.stat });
  }

  /** The contents to keep for the record of known files (its limits, so that `staged` holds no
   * more than the record would take), when keeping. */
  private keptContents(contents: string): string | undefined {
    if (!this.keep || contents.length > KEPT_CONTENTS || this.keptChars + contents.length > KEPT_BUDGET) return undefined;
    this.keptChars += contents.length;
    return contents;
  }

  private makeStaging(): void {
    this.stagingExisted = statSync(this.outDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
    const fresh = stagingParts(this.outDir, this.staging).fresh;
    try {
      mkdirSync(fresh, { recursive: true });
    } catch (error) {
      const why = whyNoFolder(fresh, error);
      throw asFileSystemError(why, this.outDir) ?? why;
    }
  }

  private removeStaging(): void {
    if (this.stagingExisted === undefined) return;
    const outExisted = this.stagingExisted;
    this.stagingExisted = undefined;
    rmSync(path.join(this.outDir, this.staging), { recursive: true, force: true });
    // An output folder made only to hold the staging folder goes too.
    if (!outExisted) {
      try {
        rmdirSync(this.outDir);
      } catch {
        // Not empty (or gone): it stays.
      }
    }
  }
}

/** True when two manifests list the same files with the same hashes and owners. */
function sameFiles(a: Manifest['files'], b: Manifest['files']): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key]!;
    const y = b[key];
    return y !== undefined && x.sha256 === y.sha256 && x.catalog === y.catalog && x.emitter === y.emitter;
  });
}

/**
 * The error that says why `dir` could not be made. Node's recursive \`mkdir\` reports ENOENT on a
 * read-only file system (and on a folder this user may not write to, as root's may): the first
 * missing folder made on its own gives the real reason (EROFS, EACCES).
 */
function whyNoFolder(dir: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return error;
  let missing = dir;
  while (path.dirname(missing) !== missing && !existsSync(path.dirname(missing))) missing = path.dirname(missing);
  try {
    mkdirSync(missing);
    rmdirSync(missing);
    return error;
  } catch (real) {
    return real;
  }
}
