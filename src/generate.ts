/** The generate pipeline: load -> validate -> model -> emit (in memory) -> write or check. */
import { UsageError } from './usage-error.js';
import path from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadTemplates, ownTemplatesFolder, templatesFolder } from './templates.js';
import { canonicalLocale } from './locale/tags.js';
import type { CatalogHandOff, LoadStage } from './load.js';
import { digestsOf, readCatalogs } from './catalog/read-catalogs.js';
import { createOneRunContext, type RunContext } from './run-context.js';
import type { Catalog } from './model/types.js';
import type { HookcatConfig } from './config/define.js';
import type { EmitOptions, Emitter, TemplateSet } from './emit/emitter.js';
import { EMITTERS, EMITTER_NAMES, loadEmitters, type EmitterEntry } from './emit/index.js';
import { hashCatalogFiles, inputFingerprint } from './fingerprint.js';
import {
  JOURNAL_FILE,
  openOutputFolder,
  OutputSession,
  readOutputCache,
  recordsInputs,
  verifyManifestFiles,
  writeOutputCache,
  type Change,
  type OwnedFile,
  type Scope,
} from './write.js';
import { NO_MEMO, type OutputMemo } from './output-memo.js';
import { availableParallelism } from 'node:os';
import type { RuntimeThread } from './emit/runtime-thread.js';
import type { CatalogReads } from './catalog/read-catalogs.js';

/** The options of a run: the config's settings (same names as the config file and the CLI flags), and the run's own. */
export interface GenerateOptions extends Omit<HookcatConfig, 'site'> {
  /** Write nothing; report what would change. */
  readonly check?: boolean | undefined;
  /** Emit every output even when the inputs are those the manifest records (which otherwise
   * only has the files verified against their hashes). */
  readonly force?: boolean | undefined;
  /** The project folder the output must stay inside. Default the working directory. */
  readonly projectRoot?: string | undefined;
  /** What earlier runs learned, to reuse and add to (watch mode passes the same one to every
   * run). Default: a fresh context, dropped with the run, so nothing is kept between calls. */
  readonly context?: RunContext | undefined;
  /** Called as the run moves on: when a stage starts, and as an emitter hands over files. */
  readonly progress?: ((step: ProgressStep) => void) | undefined;
  /** Where the receiver runtime is made: on a thread of its own for catalogs of 1 to 16 MiB when
   * there is a second core (`auto`, the default), or always, or never (for tests). @internal */
  readonly runtimeThread?: 'auto' | 'always' | 'never' | undefined;
  /**
   * What `hookcat import --generate` hands the run: the catalog files it wrote, with their data,
   * and the validators its example check compiled (see `CatalogHandOff`).
   * @internal
   */
  readonly handOff?: CatalogHandOff | undefined;
}

/** Where a run is: the stage it is in (`load`, `verify`, `emit:<output>`, `stage`, `write`) and the files emitted so far. */
export interface ProgressStep {
  readonly stage: string;
  readonly files: number;
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface GenerateResult {
  /** False when the catalogs have errors, or (with `check`) when the output is stale. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly catalogs: readonly Catalog[];
  /** Files added, changed or removed (with `check`: that would be). */
  readonly changes: readonly Change[];
  readonly unchanged: number;
  readonly checked: boolean;
  readonly timings: readonly StageTiming[];
}

/** The owner recorded for files that describe all catalogs together. */
const ALL_CATALOGS = '*';

export { UsageError };

/** Runs the whole pipeline. Nothing is written unless every catalog is free of errors and every emitter succeeded. */
export async function generate(given: GenerateOptions = {}): Promise<GenerateResult> {
  const options = withCanonicalLocales(given);
  const timings: StageTiming[] = [];
  let emitted = 0;
  const report = (stage: string): void => options.progress?.({ stage, files: emitted });
  const time = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    report(stage);
    const start = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - start });
    return result;
  };
  // A context handed in is one a later run will reuse; a run's own keeps no loader memory past the load.
  const keep = options.context !== undefined;
  const context = options.context ?? createOneRunContext();
  const emitters = selectEmitters(options.only);
  const check = options.check === true;
  const catalogsDir = options.catalogs ?? 'catalog';
  const out = options.out ?? 'generated';
  const cacheFolder = typeof options.cache === 'string' ? path.resolve(options.cache) : undefined;
  // First of all, the output folder: a commit a killed run left unfinished is finished (or, when checking, reported).
  const folder = await openOutputFolder(out, options.projectRoot ?? process.cwd(), { check, force: options.force === true, catalogs: catalogsDir });
  // Each catalog file is read once; its bytes give the input fingerprint and then the loader its text.
  report('load');
  const reads = await time('load:read', () => readCatalogs([catalogsDir]));
  const catalogFiles = await time('fingerprint', () => hashCatalogFiles(catalogsDir, digestsOf(reads)));
  const templates = emitters.some((e) => e.name === 'docs' || e.name === 'package') ? await time('templates', () => loadTemplateSet(options)) : undefined;
  const code = await context.code();
  const inputs = inputFingerprint(code, catalogFiles, templates, selectionOf(options));
  const filtered = options.catalog !== undefined && options.catalog.length > 0;
  const { previous } = folder;
  const known = context.written.of(out);
  const interrupted: Change[] = folder.interrupted ? [{ path: JOURNAL_FILE, kind: 'interrupted' }] : [];
  const result = (loaded: { diagnostics: Diagnostic[]; catalogs: readonly Catalog[] }, changes: readonly Change[], unchanged: number): GenerateResult => {
    const all = [...interrupted, ...changes];
    const stale = check && all.length > 0;
    return { ok: !stale, diagnostics: loaded.diagnostics, catalogs: loaded.catalogs, changes: all, unchanged, checked: check, timings };
  };
  if (options.force !== true && !filtered && previous !== undefined && recordsInputs(previous, inputs)) {
    // The inputs the folder was made from (so the catalogs loaded then without errors): the
    // manifest says what every file must hold, and nothing needs parsing.
    const verified = await time('verify', () => verifyManifestFiles(out, previous, scopeOf([], emitters, options), known));
    if (verified.changes.length === 0 || check) return result({ diagnostics: [], catalogs: [] }, verified.changes, verified.unchanged);
  }
  report('load:check');
  const { loadReadCatalogs } = await import('./load.js');
  const loaderStages = new Map<LoadStage, number>();
  const memo = await time('cache:read', () => outputMemo(context, keep, cacheFolder, code));
  // With a memo that holds texts from before (watch mode, a cache file), the runtime's validators
  // are likely there: no thread. A memo that starts empty (a first run) is handed what the thread
  // made. Started before the load, the thread has loaded its modules when the model is ready.
  let runtimeThread =
    emitters.some((e) => e.name === 'runtime') && (memo === NO_MEMO || context.outputs.heldNothingBefore())
      ? await startRuntimeThread(reads, options.runtimeThread ?? 'auto', memo)
      : undefined;
  // Opened once the catalogs loaded without errors; aborted if a later stage throws.
  let opened: OutputSession | undefined;
  try {
    const loaded = loadReadCatalogs(reads, {
      timings: (stage, ms) => loaderStages.set(stage, (loaderStages.get(stage) ?? 0) + ms),
      context,
      kept: cacheFolder === undefined ? undefined : context.outputs,
      handOff: options.handOff,
    });
    for (const [stage, ms] of loaderStages) timings.push({ stage: `load:${stage}`, ms });
    const catalogs = selectCatalogs(loaded.catalogs, options.catalog, loaded.diagnostics);
    if (hasErrors(loaded.diagnostics)) return { ...result({ ...loaded, catalogs }, [], 0), ok: false };
    if (templates !== undefined && emitters.some((e) => e.name === 'docs')) {
      const { messageFileWarnings } = await import('./messages/coverage.js');
      loaded.diagnostics.push(...messageFileWarnings(catalogs, templates, options.locale, ownTemplatesFolder(options.templates, options.projectRoot)));
    }
    const session = new OutputSession(out, previous, { check, known, keep });
    opened = session;
    runtimeThread = await sendOrClose(runtimeThread, catalogs);
    const descriptions = await time('descriptions', async () => (await import('./emit/description/index.js')).loadDescriptionFormat(catalogs));
    const emitOptions: EmitOptions = { locales: options.locale, templates, descriptions, memo };
    // One emitter at a time, its files handed to the session as they come (see `emitInto`).
    // Only a run that emits loads the emitters (and the libraries they use).
    const loadedEmitters = await time('load emitters', () => loadEmitters(emitters));
    const inOrder = [...loadedEmitters.filter((e) => e.runFirst === true), ...loadedEmitters.filter((e) => e.runFirst !== true)];
    for (const emitter of inOrder) {
      report(`emit:${emitter.name}`);
      const thread = emitter.name === 'runtime' ? runtimeThread : undefined;
      await emitInto(session, emitter, catalogs, emitOptions, { filtered, thread }, timings, (files) => {
        emitted += files;
        report(`emit:${emitter.name}`);
      });
    }
    const plan = await time('stage', () => session.plan(scopeOf(catalogs, emitters, options), { code, inputs }));
    if (!check) await time('write', () => session.commit(plan));
    if (memo !== NO_MEMO && context.outputs.finishRun() && cacheFolder !== undefined) {
      await time('cache:write', () => writeOutputCache(cacheFolder, code, context.outputs.entries()));
    }
    return result({ diagnostics: loaded.diagnostics, catalogs }, plan.changes, plan.unchanged);
  } catch (error) {
    await opened?.abort();
    throw error;
  } finally {
    await runtimeThread?.close();
  }
}

/** Catalog files this large in all (bytes) have their runtime made on a thread of its own, when
 * there is a second core; smaller ones gained nothing measurable, and above the upper bound the
 * copy of the model the thread needs costs more memory than the time it saves is worth (see
 * bench/README.md, "The runtime on a thread of its own"). */
const RUNTIME_THREAD_BYTES = { from: 1024 * 1024, to: 16 * 1024 * 1024 };

/** A thread to make the runtime of the catalogs `reads` holds while the main thread emits the
 * other outputs, when that pays; it is sent the model once there is one (`sendOrClose`). */
async function startRuntimeThread(reads: CatalogReads, when: 'auto' | 'always' | 'never', memo: OutputMemo): Promise<RuntimeThread | undefined> {
  if (when === 'never') return undefined;
  const bytes = bytesRead(reads);
  if (when === 'auto' && (availableParallelism() < 2 || bytes < RUNTIME_THREAD_BYTES.from || bytes > RUNTIME_THREAD_BYTES.to)) return undefined;
  try {
    const { RuntimeThread } = await import('./emit/runtime-thread.js');
    return new RuntimeThread(memo);
  } catch {
    // A thread that cannot start: the runtime is made on this one.
    return undefined;
  }
}

/** `thread`, sent `catalogs`; none when they cannot be sent (the runtime is then made on this thread). */
async function sendOrClose(thread: RuntimeThread | undefined, catalogs: readonly Catalog[]): Promise<RuntimeThread | undefined> {
  try {
    thread?.send(catalogs);
    return thread;
  } catch {
    await thread?.close();
    return undefined;
  }
}

function bytesRead(reads: CatalogReads): number {
  let total = 0;
  for (const folder of reads.folders) for (const file of folder.files) if ('bytes' in file.result) total += file.result.bytes.length;
  return total;
}

/** The memo of rendered output for a run: the context's when it is kept (watch mode, an API
 * caller) or backed by a cache folder (filled from it once per context); else none. */
async function outputMemo(context: RunContext, keep: boolean, cacheFolder: string | undefined, code: string): Promise<OutputMemo> {
  const memory = context.outputs;
  memory.startRun();
  if (cacheFolder !== undefined && memory.filledFrom !== cacheFolder) {
    memory.fill(await readOutputCache(cacheFolder, code));
    memory.filledFrom = cacheFolder;
  }
  return keep || cacheFolder !== undefined ? memory : NO_MEMO;
}

/** Files (or characters) handed to the session at once: the session then stages them while the emitter goes on. */
const HAND_OVER = 256;
const HAND_OVER_CHARS = 4 * 1024 * 1024;

/** Runs `emitter` over `catalogs` and hands its files to `session` in groups, timing both and telling `handedOver` how many. */
async function emitInto(
  session: OutputSession,
  emitter: Emitter,
  catalogs: readonly Catalog[],
  options: EmitOptions,
  { filtered, thread }: { readonly filtered: boolean; readonly thread: RuntimeThread | undefined },
  timings: StageTiming[],
  handedOver: (files: number) => void,
): Promise<void> {
  let emitMs = 0;
  let compareMs = 0;
  let group: OwnedFile[] = [];
  let chars = 0;
  const handOver = async (): Promise<void> => {
    const started = performance.now();
    await session.add(group);
    handedOver(group.length);
    group = [];
    chars = 0;
    compareMs += performance.now() - started;
  };
  const waited = performance.now();
  // The files a thread made (all at once: they come as one message per catalog). A catalog the
  // thread failed on (or a thread that stopped, out of memory say) is emitted here instead: an
  // error of the emitter's own is then thrown here, as without a thread.
  const made = thread === undefined ? undefined : await Promise.all(catalogs.map((_, index) => thread.files(index).catch(() => undefined)));
  emitMs += performance.now() - waited;
  const files = function* (): Generator<OwnedFile> {
    for (const [index, catalog] of catalogs.entries()) {
      const own = made?.[index] ?? emitter.emitEach?.(catalog, options) ?? emitter.emit(catalog, options);
      for (const file of own) yield { ...file, catalog: catalog.id, emitter: emitter.name };
    }
    // Files about all catalogs are left alone when only some catalogs are generated.
    if (!filtered) for (const file of emitter.emitIndex?.(catalogs, options) ?? []) yield { ...file, catalog: ALL_CATALOGS, emitter: emitter.name };
  };
  const iterator = files();
  for (;;) {
    const started = performance.now();
    const next = iterator.next();
    emitMs += performance.now() - started;
    if (next.done === true) break;
    group.push(next.value);
    chars += next.value.contents.length;
    if (group.length >= HAND_OVER || chars >= HAND_OVER_CHARS) await handOver();
  }
  if (group.length > 0) await handOver();
  timings.push({ stage: `emit:${emitter.name}`, ms: emitMs }, { stage: 'compare', ms: compareMs });
  // The thread's own time, which ran beside the emitters before: how much of it the main thread waited for is `emit:runtime`.
  if (thread !== undefined) timings.push({ stage: 'runtime thread', ms: thread.busyMs });
}

/** `--locale` tags in their canonical form (`zh-hant-tw` names the pages of `zh-Hant-TW`). */
function withCanonicalLocales(options: GenerateOptions): GenerateOptions {
  if (options.locale === undefined) return options;
  const locale = options.locale.map((tag) => {
    const canonical = canonicalLocale(tag);
    if (canonical === undefined) throw new UsageError(`--locale: \`${tag}\` is not a BCP 47 language tag (such as en, pt-BR, es-419, zh-Hant-TW)`);
    return canonical;
  });
  return { ...options, locale };
}

/** What a run was limited to, as part of its input fingerprint. */
function selectionOf(options: GenerateOptions): string {
  const list = (values: readonly string[] | undefined): string[] => [...(values ?? [])].sort();
  return JSON.stringify([list(options.catalog), list(options.only), list(options.locale)]);
}

function selectEmitters(only: readonly string[] | undefined): EmitterEntry[] {
  if (only === undefined || only.length === 0) return EMITTERS.filter((e) => e.byDefault !== false);
  const unknown = only.filter((name) => !EMITTER_NAMES.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown output ${unknown.join(', ')}; choose from ${EMITTER_NAMES.join(', ')}`);
  return EMITTERS.filter((e) => only.includes(e.name));
}

function selectCatalogs(catalogs: Catalog[], ids: readonly string[] | undefined, diagnostics: readonly Diagnostic[]): Catalog[] {
  if (ids === undefined || ids.length === 0) return catalogs;
  const known = catalogs.map((c) => c.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0 && !hasErrors(diagnostics)) throw new UsageError(`unknown catalog ${unknown.join(', ')}; found ${known.join(', ') || 'none'}`);
  return catalogs.filter((c) => ids.includes(c.id));
}

/** Files this run answers for: those of the selected catalogs, outputs and locales. */
function scopeOf(catalogs: readonly Catalog[], emitters: readonly EmitterEntry[], options: GenerateOptions): Scope {
  const ids = new Set(catalogs.map((c) => c.id));
  const names = new Set(emitters.map((e) => e.name));
  const filtered = options.catalog !== undefined && options.catalog.length > 0;
  return (file, entry) => {
    if (filtered && !ids.has(entry.catalog)) return false;
    if (!names.has(entry.emitter)) return false;
    if (entry.emitter === 'docs' && options.locale !== undefined && options.locale.length > 0) {
      return options.locale.includes(file.split('/')[1] ?? '');
    }
    return true;
  };
}

/** `--templates`, else the project's `templates/`, else hookcat's own. */
export async function loadTemplateSet(options: Pick<GenerateOptions, 'templates' | 'projectRoot'>): Promise<TemplateSet> {
  return loadTemplates(await templatesFolder(options.templates, options.projectRoot));
}
