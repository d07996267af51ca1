/**
 * One measured run in a fresh process (so peak memory belongs to this run alone). Prints one
 * line `BENCH {json}` for bench/run.ts.
 *
 *   generate: full generate into an empty output folder, then in the same process `--check`
 *             with nothing changed, an edit of one catalog file and a regenerate, and the edit
 *             undone with a regenerate (the output is current again when the process ends);
 *   check:    `--check` with nothing changed, cold (a fresh process, as CI runs it).
 *
 *   node --import tsx bench/run-once.ts generate <size-folder> <events>
 */
import { rm } from 'node:fs/promises';
import { generate, type GenerateResult, type StageTiming } from '../src/generate.js';
import { layout } from './layout.js';
import { categoriesFor, editCategoryFile, type SynthesizedCatalog } from './synthesize.js';

export interface RunTimings {
  readonly totalMs: number;
  readonly stages: readonly StageTiming[];
}

export interface RunResult {
  readonly task: 'generate' | 'check';
  readonly full?: RunTimings;
  /** Peak resident memory (bytes) when the full generate ended. */
  readonly peakAfterFull?: number;
  readonly checkWarm?: RunTimings;
  readonly regenerate?: RunTimings & { readonly changed: number };
  readonly checkCold?: RunTimings;
  /** Peak resident memory (bytes) of the whole process. */
  readonly peak: number;
}

async function timed(run: () => Promise<GenerateResult>, expectOk = true): Promise<RunTimings & { result: GenerateResult }> {
  const started = performance.now();
  const result = await run();
  const totalMs = performance.now() - started;
  if (expectOk && !result.ok) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`generate failed: ${first ? `${first.file}:${first.line}:${first.column} ${first.message}` : `${result.changes.length} stale files`}`);
  }
  return { totalMs, stages: result.timings, result };
}

const peak = (): number => process.resourceUsage().maxRSS * 1024;
const strip = ({ totalMs, stages }: RunTimings): RunTimings => ({ totalMs, stages });

async function main(): Promise<void> {
  const [task, sizeFolder, eventsText] = process.argv.slice(2);
  if ((task !== 'generate' && task !== 'check') || sizeFolder === undefined) throw new Error('usage: run-once.ts generate|check <size-folder> <events>');
  const where = layout(sizeFolder);
  const options = { catalogs: where.catalogs, out: where.out, projectRoot: where.root };
  if (task === 'check') {
    const checkCold = await timed(() => generate({ ...options, check: true }));
    print({ task, checkCold: strip(checkCold), peak: peak() });
    return;
  }
  const events = Number(eventsText);
  await rm(where.out, { recursive: true, force: true });
  const full = await timed(() => generate(options));
  const peakAfterFull = peak();
  const checkWarm = await timed(() => generate({ ...options, check: true }));
  const catalog: SynthesizedCatalog = { folder: where.catalog, files: [], bytes: 0, events, categories: categoriesFor(events) };
  const middle = Math.floor(catalog.categories.length / 2);
  await editCategoryFile(catalog, { events }, middle, 1);
  const regenerate = await timed(() => generate(options));
  await editCategoryFile(catalog, { events }, middle, 0);
  await timed(() => generate(options));
  print({ task, full: strip(full), peakAfterFull, checkWarm: strip(checkWarm), regenerate: { ...strip(regenerate), changed: regenerate.result.changes.length }, peak: peak() });
}

function print(result: RunResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

await main();
