/** Human-readable summaries of a generate run, for the CLI. */
import type { GenerateResult, StageTiming } from './generate.js';
import type { Change } from './write.js';

const REASONS: Record<Change['kind'], string> = {
  added: 'missing, would be added',
  changed: 'stale, would be rewritten',
  removed: 'no longer generated, would be removed',
  interrupted: 'left by a run that was stopped while moving its files into place; `hookcat generate` finishes that write',
};

/** One line per stale file, for `--check`. */
export function formatChanges(changes: readonly Change[]): string {
  return changes.map((c) => `  ${c.path}: ${REASONS[c.kind]}\n`).join('');
}

/** `812 ms` below a second, `1.2 s` from there. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The run in one line: `generate: 3 added, 1 changed, 0 removed (40 unchanged) in 1.2 s`, or with
 * `--check`, `generate --check: up to date (43 files) in 402 ms`. `ms` is the run's wall time.
 */
export function formatSummary(result: GenerateResult, ms: number): string {
  const count = (kind: Change['kind']): number => result.changes.filter((c) => c.kind === kind).length;
  const counts = `${count('added')} added, ${count('changed')} changed, ${count('removed')} removed`;
  const took = formatDuration(ms);
  if (result.checked) {
    if (result.changes.length === 0) return `generate --check: up to date (${plural(result.unchanged, 'file')}) in ${took}`;
    return `generate --check: ${plural(result.changes.length, 'file')} out of date (${counts}); run \`hookcat generate\` (checked in ${took})`;
  }
  return `generate: ${counts} (${result.unchanged} unchanged) in ${took}`;
}

/** The time of each stage, a stage that ran several times (once per output) summed: for `--timings`. */
export function stageTotals(timings: readonly StageTiming[]): StageTiming[] {
  const totals = new Map<string, number>();
  for (const { stage, ms } of timings) totals.set(stage, (totals.get(stage) ?? 0) + ms);
  return [...totals].map(([stage, ms]) => ({ stage, ms }));
}

/** `--timings`: one stage a line, `  load:parse  101 ms`. */
export function formatTimings(timings: readonly StageTiming[]): string {
  const totals = stageTotals(timings);
  const width = Math.max(0, ...totals.map((t) => t.stage.length));
  return totals.map((t) => `  ${t.stage.padEnd(width)}  ${formatDuration(t.ms)}\n`).join('');
}
