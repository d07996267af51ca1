/**
 * What `hookcat generate` prints: one summary line of files added, changed and removed with the
 * time taken; stage timings only with `--timings`, each stage once; a progress line only on a
 * terminal and only once a run has taken a second; `--version`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../src/generate.js';
import { describeStep, progressLine, type ProgressTiming } from '../../src/progress.js';
import { formatSummary, formatTimings } from '../../src/report.js';
import { runCliIn } from '../support/cli-run.js';

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'hookcat-output-'));
  await cp('catalog/sezzle', path.join(project, 'catalog', 'sezzle'), { recursive: true });
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

const SUMMARY = /^generate: (\d+) added, (\d+) changed, (\d+) removed \((\d+) unchanged\) in \d+(\.\d)? m?s$/m;

describe('the summary', () => {
  it('counts files added, then unchanged; stage timings only with --timings, each stage on one line', async () => {
    const first = await runCliIn(project, 'generate', '--only', 'schemas,openapi');
    expect(first.code).toBe(0);
    const [, added, changed, removed, unchanged] = SUMMARY.exec(first.stderr) ?? [];
    expect([Number(changed), Number(removed), Number(unchanged)]).toEqual([0, 0, 0]);
    expect(Number(added)).toBeGreaterThan(3);
    expect(first.stderr).not.toMatch(/compare|load:parse/);

    await writeFile(path.join(project, 'generated', 'sezzle', 'openapi.json'), 'edited');
    const second = await runCliIn(project, 'generate', '--only', 'schemas,openapi', '--force', '--timings');
    expect(SUMMARY.exec(second.stderr)?.slice(1, 5)).toEqual(['0', '1', '0', String(Number(added) - 1)]);
    const stages = second.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(stages).toContain('load:parse');
    expect(stages).toContain('emit:openapi');
    expect(stages.filter((s) => s === 'compare')).toHaveLength(1);
    expect(new Set(stages).size).toBe(stages.length);
  });

  it('says with --check whether the output is up to date', async () => {
    const run = await runCliIn(project, 'generate', '--only', 'schemas,openapi', '--check');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^generate --check: up to date \(\d+ files\) in \d+(\.\d)? m?s\n$/);
  });

  it('formats a result with counts of each kind', () => {
    const result = {
      checked: true,
      changes: [
        { path: 'a', kind: 'added' },
        { path: 'b', kind: 'changed' },
        { path: 'c', kind: 'changed' },
      ],
      unchanged: 4,
    } as unknown as GenerateResult;
    expect(formatSummary(result, 1530)).toBe(
      'generate --check: 3 files out of date (1 added, 2 changed, 0 removed); run `hookcat generate` (checked in 1.5 s)',
    );
    expect(
      formatTimings([
        { stage: 'compare', ms: 1 },
        { stage: 'emit:types', ms: 2.4 },
        { stage: 'compare', ms: 2 },
      ]),
    ).toBe('  compare     3 ms\n  emit:types  2 ms\n');
  });
});

/** A clock and timer the test moves by hand. */
function manualTime(): ProgressTiming & { advance(ms: number): void } {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    delayMs: 1000,
    intervalMs: 100,
    now: () => now,
    after: (ms, run) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    advance(ms) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

describe('the progress line', () => {
  it('prints nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const time = manualTime();
    const progress = progressLine({ isTTY: false, write: (t: string) => written.push(t) }, time);
    progress.step({ stage: 'load', files: 0 });
    time.advance(5000);
    progress.done();
    expect(written).toEqual([]);
  });

  it('on a terminal: nothing in the first second, then the latest step, at most every 100 ms, erased at the end', () => {
    const written: string[] = [];
    const time = manualTime();
    const progress = progressLine({ isTTY: true, write: (t: string) => written.push(t) }, time);
    progress.step({ stage: 'load', files: 0 });
    time.advance(999);
    expect(written).toEqual([]);
    progress.step({ stage: 'emit:docs', files: 256 });
    time.advance(1);
    expect(written).toEqual(['\r\u001b[2Khookcat: making docs… 256 files']);
    progress.step({ stage: 'emit:docs', files: 512 });
    time.advance(50);
    progress.step({ stage: 'emit:docs', files: 768 });
    expect(written).toHaveLength(1);
    time.advance(50);
    progress.step({ stage: 'write', files: 1024 });
    expect(written.at(-1)).toBe('\r\u001b[2Khookcat: writing… 1,024 files');
    progress.done();
    expect(written.at(-1)).toBe('\r\u001b[2K');
    expect(written).toHaveLength(3);
  });

  it('prints nothing for a run that ends within the first second', () => {
    const written: string[] = [];
    const time = manualTime();
    const progress = progressLine({ isTTY: true, write: (t: string) => written.push(t) }, time);
    progress.step({ stage: 'load', files: 0 });
    time.advance(400);
    progress.done();
    time.advance(2000);
    expect(written).toEqual([]);
    expect(describeStep({ stage: 'verify', files: 0 })).toBe('hookcat: checking the output folder…');
  });
});

describe('--version', () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const run = await runCliIn(project, '--version');
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});
