/**
 * The progress line of a long run, on stderr: shown only on a terminal, and only once a run has
 * taken longer than `delayMs` (a second), so quick runs print nothing but their summary. The line
 * is rewritten in place (`\r`, erase line) at most every `intervalMs`, and erased when the run ends.
 */
import type { ProgressStep } from './generate.js';

export interface ProgressOutput {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/** What the line says for a step: `hookcat: writing docs pages… 1,024 files`. */
export function describeStep(step: ProgressStep): string {
  const files = step.files > 0 ? ` ${step.files.toLocaleString('en')} files` : '';
  const emit = /^emit:(.+)$/.exec(step.stage);
  if (emit !== null) return `hookcat: making ${emit[1]}…${files}`;
  const words: { [stage: string]: string } = {
    load: 'reading the catalogs',
    'load:read': 'reading the catalogs',
    fingerprint: 'reading the catalogs',
    'load:check': 'checking the catalogs',
    templates: 'reading the templates',
    verify: 'checking the output folder',
    'load emitters': 'starting',
    stage: 'comparing with the output folder',
    write: 'writing',
  };
  return `hookcat: ${words[step.stage] ?? step.stage}…${files}`;
}

export interface Progress {
  /** Tells the line where the run is. */
  readonly step: (step: ProgressStep) => void;
  /** Erases the line (if shown) and stops the timer; call before printing the summary. */
  readonly done: () => void;
}

export interface ProgressTiming {
  readonly delayMs: number;
  readonly intervalMs: number;
  /** The time now, in ms; a test passes its own clock. */
  readonly now: () => number;
  /** Starts the timer that shows the line after `delayMs`; returns how to cancel it. */
  readonly after: (ms: number, run: () => void) => () => void;
}

const REAL_TIME: ProgressTiming = {
  delayMs: 1000,
  intervalMs: 100,
  now: () => performance.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A progress line on `output` (stderr), or one that prints nothing when `output` is not a terminal. */
export function progressLine(output: ProgressOutput, timing: ProgressTiming = REAL_TIME): Progress {
  if (output.isTTY !== true) return { step: () => undefined, done: () => undefined };
  let latest: ProgressStep | undefined;
  let shown = false;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  const draw = (): void => {
    if (latest === undefined) return;
    output.write(`\r\u001b[2K${describeStep(latest)}`);
    lastDrawn = timing.now();
  };
  const cancel = timing.after(timing.delayMs, () => {
    shown = true;
    draw();
  });
  return {
    step: (step) => {
      latest = step;
      if (shown && timing.now() - lastDrawn >= timing.intervalMs) draw();
    },
    done: () => {
      cancel();
      if (shown) output.write('\r\u001b[2K');
      shown = false;
    },
  };
}
