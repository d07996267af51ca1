/**
 * `npm run bench`: synthesizes catalogs of 100, 1,000 and 10,000 events (4 locales each), runs
 * the full generate on each several times (a fresh process per run, as the CLI runs it), and
 * prints the median time of every stage, the total, peak memory and time per event; then, as
 * watch mode runs, regenerate after one file changed; `--check` with nothing changed, the time
 * the disk alone takes to write as many files, and json-schema-to-typescript and openapi-typescript
 * on the same input, with ratios; last, issue 5's targets for the largest size.
 *
 * The docs pages (tens of thousands of them at 10,000 events) are timed in a run of their own,
 * once per size, and only while the estimate from the size before stays within `--docs-budget`
 * seconds; above it the table shows the estimate.
 *
 *   npx tsx bench/run.ts [--sizes 100,1000] [--runs 5,3] [--no-competitors] [--jstt-formatted-max 1000] [--docs-budget 120]
 *   npx tsx bench/run.ts --from-json      (the table of the last run again, from bench/.data/results.json)
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EMITTER_NAMES } from '../src/emit/index.js';
import type { CompetitorResult } from './competitors.js';
import { DATA_DIR, layout, sizeFolder } from './layout.js';
import { docsExtraMs, median, formatReport, type SizeReport } from './report.js';
import type { RunResult } from './run-once.js';
import { synthesizeCatalog } from './synthesize.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  readonly sizes: number[];
  readonly runs: number[];
  readonly competitors: boolean;
  /** Largest size on which json-schema-to-typescript runs with formatting (slow: prettier). */
  readonly jsttFormattedMax: number;
  /** Longest docs run (seconds, estimated from the size before) the bench waits for. */
  readonly docsBudget: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const numbers = (text: string): number[] =>
    text
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  const sizes = numbers(value('--sizes') ?? '100,1000,10000');
  const runsGiven = numbers(value('--runs') ?? '');
  const runs = sizes.map((size, i) => runsGiven[i] ?? runsGiven[runsGiven.length - 1] ?? (size <= 100 ? 5 : 3));
  return {
    sizes,
    runs,
    competitors: !argv.includes('--no-competitors'),
    jsttFormattedMax: Number(value('--jstt-formatted-max') ?? 1000),
    docsBudget: Number(value('--docs-budget') ?? 120),
  };
}

/** Runs a bench script in a fresh Node process and returns its `BENCH` line, parsed. */
async function child<T>(script: string, args: readonly string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (line === undefined) throw new Error(`${script} ${args.join(' ')} printed no result:\n${stdout}`);
  return JSON.parse(line.slice('BENCH '.length)) as T;
}

/** Docs time per event at the size measured before, for the estimate at the next size. */
let docsMsPerEvent: number | undefined;

async function measureSize(events: number, runs: number, options: Options, log: (line: string) => void): Promise<SizeReport> {
  const folder = sizeFolder(events);
  const synthesized = await synthesizeCatalog(layout(folder).catalog, { events });
  const hasDocs = EMITTER_NAMES.includes('docs');
  const outputs = EMITTER_NAMES.filter((name) => name !== 'docs').join(',');
  log(`${events} events: ${synthesized.files.length} files, ${(synthesized.bytes / 1024 / 1024).toFixed(1)} MiB of YAML; ${runs} runs of ${outputs}`);
  let docs: SizeReport['docs'];
  if (hasDocs) {
    const estimateMs = docsMsPerEvent === undefined ? undefined : docsMsPerEvent * events;
    if (estimateMs === undefined || estimateMs <= options.docsBudget * 1000) {
      const run = await child<RunResult>('run-once.ts', ['docs', folder, String(events)]);
      const edit = await child<RunResult>('run-once.ts', ['docs-edit', folder, String(events)]);
      docs = { run, edit };
      docsMsPerEvent = docsExtraMs(run.full) / events;
      log(
        `  docs alone (one run): ${Math.round(run.full?.totalMs ?? 0)} ms, peak ${Math.round((run.peakAfterFull ?? 0) / 2 ** 20)} MiB; after one file changed (fresh process) ${Math.round(edit.regenerate?.totalMs ?? 0)} ms`,
      );
    } else {
      docs = { estimateMs };
      log(`  docs: not run, estimated ${Math.round(estimateMs / 1000)} s from the size before (over --docs-budget ${options.docsBudget} s)`);
    }
  }
  const generateRuns: RunResult[] = [];
  const watchRuns: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await child<RunResult>('run-once.ts', ['generate', folder, String(events), outputs, i === 0 ? 'split' : '']);
    const watch = await child<RunResult>('run-once.ts', ['watch', folder, String(events), outputs, i === runs - 1 ? 'restore' : '']);
    log(
      `  run ${i + 1}: generate ${Math.round(result.full?.totalMs ?? 0)} ms, peak ${Math.round((result.peakAfterFull ?? 0) / 2 ** 20)} MiB; watch mode: regenerate ${Math.round(watch.regenerate?.totalMs ?? 0)} ms, peak ${Math.round(watch.peak / 2 ** 20)} MiB`,
    );
    generateRuns.push(result);
    watchRuns.push(watch);
  }
  const disk = await child<RunResult>('run-once.ts', ['disk', folder, String(events)]);
  log(`  the disk alone: ${disk.disk?.files ?? 0} files written in ${Math.round(disk.disk?.ms ?? 0)} ms`);
  const checkRuns: RunResult[] = [];
  for (let i = 0; i < runs; i++) checkRuns.push(await child<RunResult>('run-once.ts', ['check', folder, String(events), outputs]));
  log(`  --check (fresh process): ${Math.round(median(checkRuns.map((r) => r.checkCold?.totalMs ?? 0)))} ms`);
  const competitors: CompetitorResult[] = [];
  if (options.competitors) {
    const tools = ['jstt-unformatted', 'openapi-typescript', ...(events <= options.jsttFormattedMax ? ['jstt'] : [])];
    for (const tool of tools) {
      const result = await child<CompetitorResult>('competitors.ts', [tool, folder]);
      log(`  ${tool}: ${Math.round(result.ms)} ms, peak ${Math.round(result.peak / 2 ** 20)} MiB`);
      competitors.push(result);
    }
  }
  return {
    events,
    bytes: synthesized.bytes,
    files: synthesized.files.length,
    outputs,
    generateRuns,
    watchRuns,
    disk,
    checkRuns,
    competitors,
    ...(docs && { docs }),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--from-json')) {
    // Prints the table again from the last run's figures, without measuring.
    const saved = JSON.parse(await readFile(path.join(DATA_DIR, 'results.json'), 'utf8')) as { date: string; machine: string; reports: SizeReport[] };
    process.stdout.write(formatReport(saved.reports, saved));
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${os.platform()}`;
  log(`hookcat bench on ${machine}`);
  const started = performance.now();
  const reports: SizeReport[] = [];
  for (const [i, events] of options.sizes.entries()) reports.push(await measureSize(events, options.runs[i]!, options, log));
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(formatReport(reports, { date, machine }));
  log(`bench took ${Math.round((performance.now() - started) / 1000)} s`);
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(path.join(DATA_DIR, 'results.json'), `${JSON.stringify({ date, machine, reports }, null, 2)}\n`);
}

await main();
