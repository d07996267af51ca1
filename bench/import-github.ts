/**
 * `npm run bench`, the GitHub row (issue 16): `hookcat import openapi --generate` on GitHub's
 * official webhooks description (@octokit/openapi-webhooks, 261 webhooks), the import and every
 * output (types, schemas, OpenAPI, the pages in its one locale, the runtime), end to end, beside
 * openapi-typescript and Redocly `build-docs` on the same document. Each tool runs as its CLI, in
 * a fresh process, several times; the medians of wall time and peak memory (RSS) are printed as a
 * table for bench/README.md.
 *
 *   npx tsx bench/import-github.ts [--runs 3]
 *   node --import tsx bench/import-github.ts once hookcat|openapi-typescript|redocly <work-folder>
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './report.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENT = createRequire(import.meta.url).resolve('@octokit/openapi-webhooks/generated/api.github.com.json');
const GNU_TIME = '/usr/bin/time';
const TOOLS = ['hookcat', 'openapi-typescript', 'redocly'] as const;
type Tool = (typeof TOOLS)[number];

interface Measured {
  readonly tool: Tool;
  readonly ms: number;
  /** Peak RSS in bytes of the tool's processes; undefined without GNU time, which alone sees the children. */
  readonly peak: number | undefined;
  /** What the run made, to show it did the whole job. */
  readonly made: string;
}

/**
 * One run of one tool, as its users run it: its command-line tool in a process of its own (plain
 * `node`, the built package for hookcat), timed from here; prints `BENCH {json}`. hookcat runs
 * `hookcat import openapi <document> --id github --generate` in an empty project folder: the
 * import, then `hookcat generate` of every output (types, JSON Schemas, OpenAPI, the pages in its
 * one locale, the receiver runtime), which checks the new catalog, without a cache (the folder has
 * no node_modules).
 */
async function once(tool: Tool, work: string): Promise<void> {
  const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);
  const started = performance.now();
  let made: string;
  if (tool === 'hookcat') {
    const { stderr } = await run(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'import', 'openapi', DOCUMENT, '--id', 'github', '--generate'], {
      cwd: work,
      maxBuffer: 64 * 1024 * 1024,
    });
    const summary = /^generate: (\d+) added/m.exec(stderr);
    if (summary === null) throw new Error(`hookcat did not generate:\n${stderr}`);
    made = `${summary[1]} files`;
  } else if (tool === 'openapi-typescript') {
    const out = path.join(work, 'github.ts');
    await run(bin('openapi-typescript'), [DOCUMENT, '-o', out], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
    made = `${(await readFile(out, 'utf8')).length} characters of TypeScript`;
  } else {
    const out = path.join(work, 'redoc.html');
    await run(bin('redocly'), ['build-docs', DOCUMENT, '-o', out], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
    made = `${(await readFile(out)).length} bytes of HTML`;
  }
  const ms = performance.now() - started;
  process.stdout.write(`BENCH ${JSON.stringify({ tool, ms, made })}\n`);
}

async function measure(tool: Tool): Promise<Measured> {
  const work = await mkdtemp(path.join(os.tmpdir(), `hookcat-bench-${tool}-`));
  try {
    // GNU time reports the peak RSS of the process and its children (Redocly runs in one).
    const script = [process.execPath, '--import', 'tsx', path.join(ROOT, 'bench', 'import-github.ts'), 'once', tool, work];
    const timed = existsSync(GNU_TIME);
    const { stdout, stderr } = await run(timed ? GNU_TIME : script[0]!, timed ? ['-f', 'PEAK %M', ...script] : script.slice(1), {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stderr?: string }) => {
      throw new Error(`${tool} failed: ${error.stderr ?? String(error)}`);
    });
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
    if (line === undefined) throw new Error(`${tool} printed no result`);
    const measured = JSON.parse(line.slice('BENCH '.length)) as Measured;
    const peak = /PEAK (\d+)/.exec(stderr);
    return { ...measured, peak: peak === null ? undefined : Number(peak[1]) * 1024 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Bytes in MiB, or `n/a` without GNU time. */
const mib = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : String(Math.round(bytes / 2 ** 20)));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'once') return once(argv[1] as Tool, argv[2]!);
  const runs = Number(argv[argv.indexOf('--runs') + 1] ?? 3) || 3;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(`GitHub's webhooks description (@octokit/openapi-webhooks), ${runs} runs of each tool`);
  const results = new Map<Tool, Measured[]>(TOOLS.map((tool) => [tool, []]));
  for (let i = 0; i < runs; i++) {
    for (const tool of TOOLS) {
      const result = await measure(tool);
      results.get(tool)!.push(result);
      log(`  run ${i + 1} ${tool}: ${Math.round(result.ms)} ms, peak ${mib(result.peak)} MiB (${result.made})`);
    }
  }
  const row = (label: string, tool: Tool): string => {
    const list = results.get(tool)!;
    const peaks = list.map((r) => r.peak);
    const peak = peaks.every((p) => p !== undefined) ? median(peaks as number[]) : undefined;
    return `| ${label} | ${Math.round(median(list.map((r) => r.ms))).toLocaleString('en')} | ${mib(peak)} |`;
  };
  const hookcat = median(results.get('hookcat')!.map((r) => r.ms));
  const others = median(results.get('openapi-typescript')!.map((r) => r.ms)) + median(results.get('redocly')!.map((r) => r.ms));
  process.stdout.write(
    [
      '| GitHub, 261 webhooks (median of fresh processes) | ms | peak MiB |',
      '|---|---:|---:|',
      row('hookcat import + generate, every output, one locale', 'hookcat'),
      row('openapi-typescript (types only)', 'openapi-typescript'),
      row('Redocly build-docs (one HTML page)', 'redocly'),
      '',
      `Target: hookcat ${Math.round(hookcat)} ms ${hookcat < others ? '<' : '>='} openapi-typescript + Redocly ${Math.round(others)} ms: ${hookcat < others ? 'met' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
}

await main();
