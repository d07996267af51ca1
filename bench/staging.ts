/**
 * Does the staging thread earn its place for small runs? Measures, on this machine:
 * - the thread's start-up: from `new StagingThread()` to the answer to an empty batch, from the
 *   build (`dist/`) and from the sources (through tsx's loader);
 * - staging on the main thread: milliseconds per file (hash, compare, write a 5 kB file);
 * - a full generate (all outputs, fresh process, built CLI, empty output folder, disk synced
 *   before) of 100, 300 and 1,000 synthetic events with the session's `ON_MAIN_THREAD` set to 0
 *   (every file on the thread), to the value in the source, and to no limit (no thread), in
 *   builds that differ in that one constant, the runs of the three interleaved.
 *
 *   npm run build && npx tsx bench/staging.ts [--runs 5] [--sizes 100,300,1000]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stageFile } from '../src/write/stage-file.js';
import { StagingThread } from '../src/write/stage-thread.js';
import { synthesizeCatalog } from './synthesize.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DATA = path.join(ROOT, 'bench', '.data', 'staging');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const RUNS = Number(option('--runs', '5'));
const SIZES = option('--sizes', '100,300,1000').split(',').map(Number);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A copy of the build with `ON_MAIN_THREAD` set to `limit`, beside the package files it reads. */
function buildWith(name: string, limit: number): string {
  const home = path.join(DATA, `build-${name}`);
  rmSync(home, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'dist'), path.join(home, 'dist'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(home, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(home, 'node_modules'));
  symlinkSync(path.join(ROOT, 'templates'), path.join(home, 'templates'));
  const session = path.join(home, 'dist', 'write', 'session.js');
  const text = readFileSync(session, 'utf8');
  if (!/^const ON_MAIN_THREAD = \d+;$/m.test(text)) throw new Error('dist/write/session.js has no ON_MAIN_THREAD: run npm run build');
  writeFileSync(session, text.replace(/^const ON_MAIN_THREAD = \d+;$/m, `const ON_MAIN_THREAD = ${limit};`));
  return home;
}

/** A script that prints the median start-up of the built staging thread in `file`. */
function builtThreadTiming(file: string): string {
  return `import { StagingThread } from ${JSON.stringify(pathToFileURL(file).href)};
const times = [];
for (let i = 0; i < 7; i++) { const started = performance.now(); const t = new StagingThread(); await t.stage([]); times.push(performance.now() - started); await t.close(); }
times.sort((a, b) => a - b);
process.stdout.write(String(times[3]));`;
}

async function threadStartMs(thread: () => { stage(r: never[]): Promise<unknown>; close(): Promise<void> }): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const t = thread();
    await t.stage([]);
    times.push(performance.now() - started);
    await t.close();
  }
  return median(times);
}

function mainThreadMsPerFile(): number {
  const folder = path.join(DATA, 'main-thread');
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const started = performance.now();
    for (let i = 0; i < 500; i++) {
      const bytes = new TextEncoder().encode(`${'x'.repeat(5000)}${i}`);
      stageFile({ target: path.join(folder, `${i}.json`), temp: path.join(folder, 'staged', `${i}.json`), bytes, onDisk: { known: false } });
    }
    times.push((performance.now() - started) / 500);
  }
  return median(times);
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const source = readFileSync(path.join(ROOT, 'src', 'write', 'session.ts'), 'utf8');
  const adaptive = Number(/^const ON_MAIN_THREAD = (\d+);$/m.exec(source)![1]);
  const builds = { thread: buildWith('thread', 0), [`first ${adaptive} on main`]: buildWith('adaptive', adaptive), main: buildWith('main', 1_000_000_000) };
  // The built thread is timed in a plain Node process: under tsx, a worker inherits tsx's loader.
  const timing = path.join(DATA, 'thread-start.mjs');
  writeFileSync(timing, builtThreadTiming(path.join(builds.thread, 'dist', 'write', 'stage-thread.js')));
  const { NODE_OPTIONS: _, ...plain } = process.env;
  const builtStart = execFileSync(process.execPath, [timing], { encoding: 'utf8', env: plain });
  console.log(`thread start-up, built: ${Number(builtStart).toFixed(1)} ms`);
  console.log(`thread start-up, from the sources (tsx): ${(await threadStartMs(() => new StagingThread())).toFixed(1)} ms`);
  console.log(`staging on the main thread: ${mainThreadMsPerFile().toFixed(3)} ms per 5 kB file`);
  const times = new Map<string, number[]>();
  for (const size of SIZES) await synthesizeCatalog(path.join(DATA, String(size), 'catalog', 'bench'), { events: size });
  for (let run = 0; run < RUNS; run++) {
    for (const size of SIZES) {
      for (const [mode, home] of Object.entries(builds)) {
        const project = path.join(DATA, String(size));
        rmSync(path.join(project, 'generated'), { recursive: true, force: true });
        execFileSync('sync');
        const started = performance.now();
        execFileSync(process.execPath, [path.join(home, 'dist', 'cli.js'), 'generate', '--quiet'], { cwd: project, stdio: 'ignore' });
        const key = `${size}\t${mode}`;
        times.set(key, [...(times.get(key) ?? []), performance.now() - started]);
      }
    }
  }
  console.log(`\nfull generate, median of ${RUNS} (ms):`);
  for (const [key, values] of times) console.log(`${key}\t${Math.round(median(values))}\t(${values.map(Math.round).join(', ')})`);
}

await main();
