/**
 * One measured run in a fresh process (so peak memory belongs to this run alone). Prints one
 * line `BENCH {json}` for bench/run.ts.
 *
 *   generate: full generate into an empty output folder, then in the same process `--check`
 *             with nothing changed, an edit of one catalog file and a regenerate, and the edit
 *             undone (with `restore`, regenerated too, so that the output is current again);
 *             with `split`, a separate load timed stage by stage;
 *   check:    `--check` with nothing changed, cold (a fresh process, as CI runs it);
 *   docs:     the docs pages alone, into their own output folder (see `--docs-budget` in run.ts),
 *             which stays for `docs-edit`;
 *   docs-edit: in a fresh process, one catalog file edited and the docs pages regenerated over
 *             the output of `docs` (unchanged pages are read back rather than normalized again),
 *             then the edit undone and the folder removed.
 *
 *   node --import tsx bench/run-once.ts generate|check|docs|docs-edit <size-folder> <events> [outputs,...] [split,restore]
 */
import { rm } from 'node:fs/promises';
import { FileCache, loadCatalogs } from '../src/catalog/load-catalog.js';
import { generate, type GenerateOptions, type GenerateResult, type StageTiming } from '../src/generate.js';
import { layout } from './layout.js';
import { categoriesFor, editCategoryFile, type SynthesizedCatalog } from './synthesize.js';

export interface RunTimings {
  readonly totalMs: number;
  readonly stages: readonly StageTiming[];
}

export interface RunResult {
  readonly task: 'generate' | 'check' | 'docs' | 'docs-edit';
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
  await loadCatalogs([catalogs], { cache: new FileCache(), timings: (stage, ms) => stages.push({ stage: `load:${stage}`, ms }) });
  return stages;
}

async function main(): Promise<void> {
  const [task, sizeFolder, eventsText, outputs, flagList] = process.argv.slice(2);
  const flags = new Set((flagList ?? '').split(','));
  if ((task !== 'generate' && task !== 'check' && task !== 'docs' && task !== 'docs-edit') || sizeFolder === undefined) throw new Error('usage: run-once.ts generate|check|docs|docs-edit <size-folder> <events> [outputs]');
  const where = layout(sizeFolder);
  const only = outputs === undefined || outputs === '' ? undefined : outputs.split(',');
  const options: GenerateOptions = { catalogs: where.catalogs, out: where.out, projectRoot: where.root, only };
  if (task === 'check') {
    const checkCold = await timed(() => generate({ ...options, check: true }));
    print({ task, checkCold: strip(checkCold), peak: peak() });
    return;
  }
  const events = Number(eventsText);
  const catalog: SynthesizedCatalog = { folder: where.catalog, files: [], bytes: 0, events, categories: categoriesFor(events) };
  const middle = Math.floor(catalog.categories.length / 2);
  if (task === 'docs') {
    const out = `${where.out}-docs`;
    await rm(out, { recursive: true, force: true });
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
  await rm(where.out, { recursive: true, force: true });
  const full = await timed(() => generate(options));
  const peakAfterFull = peak();
  const loadStages = !flags.has('split') || full.stages.some((s) => s.stage.startsWith('load:')) ? undefined : await loaderStages(where.catalogs);
  const checkWarm = await timed(() => generate({ ...options, check: true }));
  await editCategoryFile(catalog, { events }, middle, 1);
  const regenerate = await timed(() => generate(options));
  await editCategoryFile(catalog, { events }, middle, 0);
  if (flags.has('restore')) await timed(() => generate(options));
  print({ task, full: strip(full), peakAfterFull, ...(loadStages && { loadStages }), checkWarm: strip(checkWarm), regenerate: { ...strip(regenerate), changed: regenerate.result.changes.length }, peak: peak() });
}

function print(result: RunResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

await main();
