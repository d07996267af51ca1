/**
 * One measured run in a fresh process (so peak memory belongs to this run alone). Prints one
 * line `BENCH {json}` for bench/run.ts.
 *
 *   generate: full generate into an empty output folder, as the CLI runs it (one shot: nothing
 *             kept for a later run); with `split`, a separate load timed stage by stage;
 *   watch:    as watch mode runs: a full generate that keeps what it learned, then in the same
 *             process `--check` with nothing changed, an edit of one catalog file and a
 *             regenerate, and the edit undone (with `restore`, regenerated too, so that the
 *             output is current again);
 *   disk:     the disk alone: as many files as the output holds, of the same sizes, written with
 *             writeFileSync into a new folder (the floor under any writer on this machine);
 *   check:    `--check` with nothing changed, cold (a fresh process, as CI runs it);
 *   docs:     the docs pages alone, into their own output folder (see `--docs-budget` in run.ts),
 *             which stays for `docs-edit`;
 *   docs-edit: in a fresh process, one catalog file edited and the docs pages regenerated over
 *             the output of `docs` (every page rendered again, unchanged files left as they are),
 *             then the edit undone and the folder removed.
 *
 *   node --import tsx bench/run-once.ts generate|watch|disk|check|docs|docs-edit <size-folder> <events> [outputs,...] [split,restore]
 *
 * Before a full generate the old output is removed and the disk synced, so that the run does
 * not pay for deleting the last run's files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createRunContext } from '../src/run-context.js';
import { loadCatalogs } from '../src/load.js';
import { generate, type GenerateOptions, type GenerateResult, type StageTiming } from '../src/generate.js';
import { layout } from './layout.js';
import { categoriesFor, editCategoryFile, type SynthesizedCatalog } from './synthesize.js';

type Task = 'generate' | 'watch' | 'disk' | 'check' | 'docs' | 'docs-edit';
const TASKS: readonly Task[] = ['generate', 'watch', 'disk', 'check', 'docs', 'docs-edit'];

export interface RunTimings {
  readonly totalMs: number;
  readonly stages: readonly StageTiming[];
}

export interface RunResult {
  readonly task: Task;
  readonly full?: RunTimings;
  /** Peak resident memory (bytes) when the full generate ended. */
  readonly peakAfterFull?: number;
  /** The loader's own stages (read, parse, format, checks, model) from a separate load right
   * after the full generate, when generate does not report them itself. */
  readonly loadStages?: readonly StageTiming[];
  readonly checkWarm?: RunTimings;
  readonly regenerate?: RunTimings & { readonly changed: number };
  readonly checkCold?: RunTimings;
  /** Peak resident memory (bytes) of the whole process. */
  readonly peak: number;
  /** `disk`: the files written and the time it took. */
  readonly disk?: { readonly files: number; readonly bytes: number; readonly ms: number };
}

async function timed(run: () => Promise<GenerateResult>): Promise<RunTimings & { result: GenerateResult }> {
  const started = performance.now();
  const result = await run();
  const totalMs = performance.now() - started;
  if (!result.ok) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`generate failed: ${first ? `${first.file}:${first.line}:${first.column} ${first.message}` : `${result.changes.length} stale files`}`);
  }
  return { totalMs, stages: result.timings, result };
}

const peak = (): number => process.resourceUsage().maxRSS * 1024;
const strip = ({ totalMs, stages }: RunTimings): RunTimings => ({ totalMs, stages });

/** The loader's stages, measured on a load of its own (fresh cache) when generate reports only its total. */
async function loaderStages(catalogs: string): Promise<StageTiming[]> {
  const stages: StageTiming[] = [];
  await loadCatalogs([catalogs], { context: createRunContext(), timings: (stage, ms) => stages.push({ stage: `load:${stage}`, ms }) });
  return stages;
}

async function main(): Promise<void> {
  const [taskName, sizeFolder, eventsText, outputs, flagList] = process.argv.slice(2);
  const flags = new Set((flagList ?? '').split(','));
  const task = TASKS.find((t) => t === taskName);
  if (task === undefined || sizeFolder === undefined) throw new Error(`usage: run-once.ts ${TASKS.join('|')} <size-folder> <events> [outputs]`);
  const where = layout(sizeFolder);
  const only = outputs === undefined || outputs === '' ? undefined : outputs.split(',');
  const options: GenerateOptions = { catalogs: where.catalogs, out: where.out, projectRoot: where.root, only };
  if (task === 'check') {
    const checkCold = await timed(() => generate({ ...options, check: true }));
    print({ task, checkCold: strip(checkCold), peak: peak() });
    return;
  }
  if (task === 'disk') {
    print({ task, disk: writeLikeOutput(where.out, `${where.out}-disk`), peak: peak() });
    return;
  }
  const events = Number(eventsText);
  const catalog: SynthesizedCatalog = { folder: where.catalog, files: [], bytes: 0, events, categories: categoriesFor(events) };
  const middle = Math.floor(catalog.categories.length / 2);
  if (task === 'docs') {
    const out = `${where.out}-docs`;
    await removeAndSync(out);
    const full = await timed(() => generate({ ...options, out, only: ['docs'] }));
    print({ task, full: strip(full), peakAfterFull: peak(), peak: peak() });
    return;
  }
  if (task === 'docs-edit') {
    const out = `${where.out}-docs`;
    await editCategoryFile(catalog, { events }, middle, 1);
    try {
      const regenerate = await timed(() => generate({ ...options, out, only: ['docs'] }));
      print({ task, regenerate: { ...strip(regenerate), changed: regenerate.result.changes.length }, peak: peak() });
    } finally {
      await editCategoryFile(catalog, { events }, middle, 0);
      await rm(out, { recursive: true, force: true });
    }
    return;
  }
  await removeAndSync(where.out);
  if (task === 'generate') {
    const full = await timed(() => generate({ ...options }));
    const peakAfterFull = peak();
    const loadStages = !flags.has('split') || full.stages.some((s) => s.stage.startsWith('load:')) ? undefined : await loaderStages(where.catalogs);
    print({ task, full: strip(full), peakAfterFull, ...(loadStages && { loadStages }), peak: peak() });
    return;
  }
  const full = await timed(() => generate(options));
  const peakAfterFull = peak();
  const checkWarm = await timed(() => generate({ ...options, check: true }));
  await editCategoryFile(catalog, { events }, middle, 1);
  const regenerate = await timed(() => generate(options));
  await editCategoryFile(catalog, { events }, middle, 0);
  if (flags.has('restore')) await timed(() => generate(options));
  print({
    task,
    full: strip(full),
    peakAfterFull,
    checkWarm: strip(checkWarm),
    regenerate: { ...strip(regenerate), changed: regenerate.result.changes.length },
    peak: peak(),
  });
}

/** Removes `folder` and waits for the disk, so that the next run does not pay for the deletion. */
async function removeAndSync(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  execFileSync('sync');
}

/** Writes files of the sizes of those in `model` (an output folder) into `folder`, timed; then removes them. */
function writeLikeOutput(model: string, folder: string): { files: number; bytes: number; ms: number } {
  const sizes: number[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else sizes.push(statSync(path.join(dir, entry.name)).size);
    }
  };
  walk(model);
  rmSync(folder, { recursive: true, force: true });
  execFileSync('sync');
  const largest = Math.max(0, ...sizes);
  const bytes = Buffer.alloc(largest, 'x');
  const started = performance.now();
  sizes.forEach((size, i) => {
    const dir = path.join(folder, String(Math.floor(i / 10_000)));
    if (i % 10_000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, String(i)), bytes.subarray(0, size));
  });
  const ms = performance.now() - started;
  rmSync(folder, { recursive: true, force: true });
  return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), ms };
}

function print(result: RunResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

await main();
