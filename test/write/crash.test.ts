/**
 * `kill -9` at random moments of `hookcat generate` (the CLI in a process of its own) over the
 * seed catalogs (types, schemas and OpenAPI), while it writes a new version of them over the output of the other version:
 * the catalogs' versions alternate, so every run changes files, removes files and adds or
 * removes a folder (see `support/versions.ts`). Kill moments are drawn from a seeded generator:
 * at any time after the start, at any time after the run starts staging files, or just after it
 * writes its journal (its commit lasts tens of milliseconds, so it is aimed at on purpose).
 *
 * After each kill: `--check` does not pass the folder unless it is exactly a clean run's output
 * (and writes nothing), and the next `generate` leaves exactly a clean run's output.
 */
import { spawn } from 'node:child_process';
import { readdirSync, watch } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateOptions } from '../../src/generate.js';
import { JOURNAL_FILE } from '../../src/write.js';
import { folderState } from './support/folder-state.js';
import { seededRandom } from '../support/seeded-random.js';
import { makeVersionedProject, type Version, type VersionedProject } from './support/versions.js';

/** Kills that must land (a run that ends before its kill does not count). */
const KILLS = 30;
const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
/** The pages are left out: they take most of each run's time, and their files change nothing in how a commit goes. */
const OUTPUTS = ['types', 'schemas', 'openapi'];

let project: VersionedProject;
let options: GenerateOptions;
let clean: VersionedProject['clean'];

beforeAll(async () => {
  const seeds = path.resolve('catalog');
  project = await makeVersionedProject(Object.fromEntries(readdirSync(seeds).map((name) => [name, path.join(seeds, name)])), { only: OUTPUTS });
  ({ options, clean } = project);
  await project.restore('a');
});

afterAll(async () => {
  await rm(project.root, { recursive: true, force: true });
});

/** When to kill: milliseconds after the start, after the staging folder appears, or after the journal appears. */
type Moment = { readonly after: 'start' | 'staging' | 'journal'; readonly ms: number };

interface Run {
  /** True when the kill landed before the process ended by itself. */
  readonly killed: boolean;
  /** Milliseconds from the start to the staging folder and to the end (for runs not killed). */
  readonly stagingAt: number | undefined;
  readonly endedAt: number;
}

/** Runs `hookcat generate` on the project and kills it (SIGKILL) at `moment`, if it is still running then. */
function runCli(moment: Moment | undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let stagingAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const child = spawn(
      process.execPath,
      ['--import', TSX, CLI, 'generate', '--catalogs', options.catalogs!, '--out', options.out!, '--only', OUTPUTS.join(','), '--quiet'],
      {
        cwd: project.root,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const arm = (ms: number): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const watcher = watch(options.out!, (_event, name) => {
      if (name?.startsWith('.hookcat-staging-') === true) stagingAt ??= performance.now() - started;
      if (moment?.after === 'staging' && name?.startsWith('.hookcat-staging-') === true) arm(moment.ms);
      if (moment?.after === 'journal' && name === JOURNAL_FILE) arm(moment.ms);
    });
    if (moment?.after === 'start') arm(moment.ms);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      watcher.close();
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`generate exited with ${code}: ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', stagingAt, endedAt: performance.now() - started });
    });
  });
}

describe('generate killed at random moments', () => {
  it(`leaves a folder that --check never passes while torn and the next run repairs (${KILLS} kills)`, async () => {
    // One run to time: where in it the staging begins and when it ends.
    await project.use('b');
    const timed = await runCli(undefined);
    expect(folderState(options.out!)).toEqual(clean.b);
    const writing = { from: timed.stagingAt ?? 0, to: timed.endedAt };
    const random = seededRandom(20261206);
    let version: Version = 'b';
    let kills = 0;
    let journals = 0;
    for (let attempt = 0; kills < KILLS; attempt++) {
      expect(attempt, 'too many runs ended before their kill').toBeLessThan(KILLS * 2);
      version = version === 'a' ? 'b' : 'a';
      await project.use(version);
      const kinds = ['start', 'staging', 'journal', 'journal'] as const;
      const after = kinds[attempt % kinds.length]!;
      // The commit lasts tens of milliseconds: a kill aimed at it comes within 10 ms of the journal.
      const span = after === 'start' ? writing.to * 1.1 : after === 'staging' ? writing.to - writing.from : 10;
      const run = await runCli({ after, ms: Math.floor(random() * span) });
      const torn = folderState(options.out!);
      if (run.killed) kills++;
      if (Object.hasOwn(torn, JOURNAL_FILE)) journals++;
      const check = await generate({ ...options, check: true });
      expect(folderState(options.out!), 'a check writes nothing').toEqual(torn);
      const whole = JSON.stringify(torn) === JSON.stringify(clean[version]);
      expect(check.ok, `--check after a kill ${after} (+${run.endedAt | 0} ms): ${whole ? 'whole' : 'torn'} folder`).toBe(whole);
      expect((await generate(options)).ok).toBe(true);
      expect(folderState(options.out!), `repaired after a kill ${after}`).toEqual(clean[version]);
    }
    // The kills aimed at the commit found it under way.
    expect(journals).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
