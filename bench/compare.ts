/**
 * `npx tsx bench/compare.ts`: the same full generate, as the CLI runs it (a fresh process per
 * run, into an empty output folder), from several commits of hookcat in one bench run, runs
 * interleaved so that every commit meets the same machine load. Each commit is checked out in
 * a git worktree under `bench/.data/trees/` (sharing this tree's node_modules) and runs its own
 * `bench/run-once.ts`. Prints the medians of the wall time and of the CPU time (user + system,
 * of the whole process: on a machine shared with other work the wall time varies several-fold,
 * the CPU time far less) and of the loader's stages, and each commit's ratios to the first.
 * Used to decide whether a hand-written copy of a library earns its place (bench/README.md).
 * The worktrees are removed at the end (`--keep-trees` keeps them for another run).
 *
 *   npx tsx bench/compare.ts --commits 98863c1,5d77a5b,HEAD [--sizes 100,1000] [--runs 5] [--outputs all|types,schemas,openapi]
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DATA_DIR, layout, sizeFolder } from './layout.js';
import { median } from './report.js';
import type { RunResult } from './run-once.js';
import { synthesizeCatalog } from './synthesize.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
}

/** A worktree of `commit` (made once), with this tree's node_modules. */
async function treeOf(commit: string): Promise<{ label: string; dir: string }> {
  const { stdout } = await run('git', ['rev-parse', '--short', commit], { cwd: ROOT });
  const sha = stdout.trim();
  const dir = path.join(DATA_DIR, 'trees', sha);
  if (!existsSync(dir)) {
    await mkdir(path.dirname(dir), { recursive: true });
    await run('git', ['worktree', 'add', '--detach', dir, sha], { cwd: ROOT });
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  }
  return { label: commit === sha ? sha : `${commit} (${sha})`, dir };
}

/** CPU time (ms) of the children of this process that have ended: `cutime` and `cstime` of
 * /proc/self/stat, in clock ticks of 10 ms. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

interface Measured {
  readonly result: RunResult;
  readonly cpuMs: number;
}

async function runOnce(dir: string, folder: string, events: number, outputs: string): Promise<Measured> {
  const args = ['--import', 'tsx', path.join(dir, 'bench', 'run-once.ts'), 'generate', folder, String(events), ...(outputs === 'all' ? [] : [outputs])];
  const before = childrenCpuMs();
  const { stdout } = await run(process.execPath, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const cpuMs = childrenCpuMs() - before;
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (line === undefined) throw new Error(`run-once printed no result:\n${stdout}`);
  return { result: JSON.parse(line.slice('BENCH '.length)) as RunResult, cpuMs };
}

const STAGES = ['load:read', 'load:parse', 'load:format', 'load:checks', 'load:model'];

async function main(): Promise<void> {
  const commits = option('--commits', 'HEAD').split(',');
  const sizes = option('--sizes', '100,1000').split(',').map(Number);
  const runs = Number(option('--runs', '5'));
  const outputs = option('--outputs', 'all');
  const trees = [];
  for (const commit of commits) trees.push(await treeOf(commit));
  const lines: string[] = [`Full generate (${outputs === 'all' ? 'all outputs' : outputs}), fresh process per run, medians of ${runs} interleaved runs, in ms`];
  for (const events of sizes) {
    const folder = sizeFolder(events);
    if (!existsSync(layout(folder).catalog)) await synthesizeCatalog(layout(folder).catalog, { events });
    const results = trees.map(() => [] as Measured[]);
    for (let i = 0; i < runs; i++) {
      // Every run takes the commits in another order, so that none always follows the same one.
      const order = trees.map((_, t) => (t + i) % trees.length);
      for (const t of order) {
        const measured = await runOnce(trees[t]!.dir, folder, events, outputs);
        results[t]!.push(measured);
        process.stderr.write(
          `${events} events, run ${i + 1}, ${trees[t]!.label}: ${Math.round(measured.result.full?.totalMs ?? 0)} ms, CPU ${measured.cpuMs} ms\n`,
        );
      }
    }
    const wall = (t: number): number => median(results[t]!.map((r) => r.result.full?.totalMs ?? 0));
    const cpu = (t: number): number => median(results[t]!.map((r) => r.cpuMs));
    lines.push(
      '',
      `${events} events`,
      `| commit | wall | ratio | CPU | ratio | ${STAGES.join(' | ')} |`,
      `|---|---:|---:|---:|---:|${STAGES.map(() => '---:').join('|')}|`,
    );
    trees.forEach((tree, t) => {
      const stage = (name: string): string =>
        Math.round(median(results[t]!.map((r) => r.result.full?.stages.find((s) => s.stage === name)?.ms ?? 0))).toString();
      const ratios = `${Math.round(wall(t))} | ${(wall(t) / wall(0)).toFixed(2)}x | ${Math.round(cpu(t))} | ${(cpu(t) / cpu(0)).toFixed(2)}x`;
      lines.push(`| ${tree.label} | ${ratios} | ${STAGES.map(stage).join(' | ')} |`);
    });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!process.argv.includes('--keep-trees')) for (const tree of trees) await run('git', ['worktree', 'remove', '--force', tree.dir], { cwd: ROOT });
}

await main();
