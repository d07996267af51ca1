/**
 * What a user of the CLI feels (issue 11's targets): the built `hookcat` (`node dist/cli.js`) in a
 * fresh process per run, on the synthetic catalogs of `synthesize.ts` (4 locales), timed from
 * outside: a full `generate` of every default output into an empty folder (and an empty cache),
 * `--check` with nothing changed, and `generate` again after one catalog file changed, with the
 * cache the first run left in `node_modules/.cache/hookcat` and with `--no-cache`. Wall time, CPU time
 * (user + system, the children included: steadier when the machine is busy) and peak memory
 * (the largest resident set, from `/usr/bin/time`). Medians of `--runs` runs.
 *
 *   npm run build && npx tsx bench/cli.ts [--sizes 100,300,1000,10000] [--runs 5] [--only OUTPUTS] [--json FILE]
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { layout, sizeFolder } from './layout.js';
import { median } from './report.js';
import { editCategoryFile, synthesizeCatalog, type SynthesizedCatalog } from './synthesize.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Measure {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMiB: number;
}

interface SizeResult {
  readonly events: number;
  readonly files: number;
  readonly generate: Measure[];
  readonly check: Measure[];
  readonly regenerate: Measure[];
  /** The same edit, with `--no-cache`: what the run does without the cache folder. */
  readonly uncached: Measure[];
}

/** One CLI run in a fresh process, measured by GNU time (or by the clock alone without it). */
async function cli(args: readonly string[], cwd: string): Promise<Measure> {
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-f', 'BENCH %e %U %S %M', process.execPath, CLI, ...args] : [CLI, ...args];
  const started = performance.now();
  const { stderr } = await run(command, argv, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - started;
  const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (line === undefined) return { wallMs, cpuMs: Number.NaN, peakMiB: Number.NaN };
  const [, , user, system, maxKb] = line.split(' ').map(Number);
  return { wallMs, cpuMs: ((user ?? 0) + (system ?? 0)) * 1000, peakMiB: (maxKb ?? 0) / 1024 };
}

async function measureSize(events: number, runs: number, only: string | undefined, log: (line: string) => void): Promise<SizeResult> {
  const root = sizeFolder(events);
  const where = layout(root);
  const synthesized = await synthesizeCatalog(where.catalog, { events });
  const catalog: SynthesizedCatalog = synthesized;
  const args = ['generate', '--catalogs', where.catalogs, '--out', where.out, '--quiet', ...(only === undefined ? [] : ['--only', only])];
  const middle = Math.floor(catalog.categories.length / 2);
  const result: SizeResult = { events, files: synthesized.files.length, generate: [], check: [], regenerate: [], uncached: [] };
  // As in a project that installed hookcat: the CLI keeps its cache in node_modules/.cache/hookcat.
  const modules = path.join(root, 'node_modules');
  await mkdir(modules, { recursive: true });
  for (let i = 0; i < runs; i++) {
    await rm(where.out, { recursive: true, force: true });
    await rm(path.join(modules, '.cache'), { recursive: true, force: true });
    await run('sync');
    result.generate.push(await cli(args, root));
    result.check.push(await cli([...args, '--check'], root));
    await editCategoryFile(catalog, { events }, middle, 1);
    result.regenerate.push(await cli(args, root));
    await editCategoryFile(catalog, { events }, middle, 0);
    result.uncached.push(await cli([...args, '--no-cache'], root));
    log(
      `  ${events} events, run ${i + 1}: generate ${ms(result.generate.at(-1)!)}, --check ${ms(result.check.at(-1)!)}, after one file changed ${ms(result.regenerate.at(-1)!)}, without the cache ${ms(result.uncached.at(-1)!)}`,
    );
  }
  await rm(where.out, { recursive: true, force: true });
  return result;
}

function ms(measure: Measure): string {
  return `${Math.round(measure.wallMs)} ms (cpu ${Math.round(measure.cpuMs)} ms, ${Math.round(measure.peakMiB)} MiB)`;
}

const medianOf = (list: readonly Measure[], key: keyof Measure): number => median(list.map((m) => m[key]));

/** The table, and issue 11's targets met or missed. */
function report(results: readonly SizeResult[], machine: string, load: string, outputs: string): string {
  const rows: [string, (r: SizeResult) => string][] = [
    [`generate, ${outputs} (wall ms)`, (r) => fmt(medianOf(r.generate, 'wallMs'))],
    ['  cpu ms', (r) => fmt(medianOf(r.generate, 'cpuMs'))],
    ['  peak memory (MiB)', (r) => fmt(medianOf(r.generate, 'peakMiB'))],
    ['--check, nothing changed (wall ms)', (r) => fmt(medianOf(r.check, 'wallMs'))],
    ['  cpu ms', (r) => fmt(medianOf(r.check, 'cpuMs'))],
    ['generate after one file changed (wall ms)', (r) => fmt(medianOf(r.regenerate, 'wallMs'))],
    ['  cpu ms', (r) => fmt(medianOf(r.regenerate, 'cpuMs'))],
    ['  peak memory (MiB)', (r) => fmt(medianOf(r.regenerate, 'peakMiB'))],
    ['the same, --no-cache (wall ms)', (r) => fmt(medianOf(r.uncached, 'wallMs'))],
    ['  cpu ms', (r) => fmt(medianOf(r.uncached, 'cpuMs'))],
  ];
  const head = `| fresh process, built CLI, medians | ${results.map((r) => r.events.toLocaleString('en')).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  const lines = [head, rule, ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`)];
  const at = (events: number) => results.find((r) => r.events === events);
  const targets: string[] = [];
  const target = (ok: boolean, text: string) => targets.push(`${ok ? 'ok  ' : 'MISS'} ${text}`);
  const r100 = at(100);
  if (r100 !== undefined) {
    target(medianOf(r100.generate, 'wallMs') <= 1000, `100 events, ${outputs} ${fmt(medianOf(r100.generate, 'wallMs'))} ms <= 1,000 ms`);
    target(medianOf(r100.check, 'wallMs') <= 300, `100 events, --check ${fmt(medianOf(r100.check, 'wallMs'))} ms <= 300 ms`);
  }
  const r300 = at(300);
  if (r300 !== undefined) {
    target(medianOf(r300.generate, 'wallMs') <= 1500, `300 events, ${outputs} ${fmt(medianOf(r300.generate, 'wallMs'))} ms <= 1,500 ms`);
    target(medianOf(r300.regenerate, 'wallMs') <= 600, `300 events, after one file changed ${fmt(medianOf(r300.regenerate, 'wallMs'))} ms <= 600 ms`);
  }
  const r10k = at(10000);
  if (r10k !== undefined)
    target(medianOf(r10k.generate, 'peakMiB') <= 1024, `10,000 events, peak memory ${fmt(medianOf(r10k.generate, 'peakMiB'))} MiB <= 1,024 MiB`);
  return [`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${load}.`, '', ...lines, '', '```', ...targets, '```', ''].join('\n');
}

function fmt(value: number): string {
  return Number.isNaN(value) ? '-' : value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '100,300,1000').split(',').map(Number);
  const runs = Number(value('--runs') ?? 5);
  if (!existsSync(CLI)) throw new Error('bench/cli.ts measures the built CLI: run `npm run build` first');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}`;
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const results: SizeResult[] = [];
  const only = value('--only');
  for (const events of sizes) results.push(await measureSize(events, events >= 10000 ? Math.min(runs, 1) : runs, only, log));
  const load = `load average ${loadBefore} before the run, ${os.loadavg()[0]!.toFixed(1)} after`;
  process.stdout.write(report(results, machine, load, only === undefined ? 'every output' : only));
  const json = value('--json');
  if (json !== undefined) {
    await mkdir(path.dirname(json), { recursive: true });
    await writeFile(json, `${JSON.stringify({ machine, load, results }, null, 2)}\n`);
  }
}

await main();
