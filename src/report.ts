/** Human-readable summaries of a generate run, for the CLI. */
import type { GenerateResult } from './generate.js';
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

/** `generate: 3 written, 40 unchanged, 1 removed in 812 ms (load 120 ms, emit:types 300 ms, ...)` */
export function formatSummary(result: GenerateResult): string {
  const count = (kind: Change['kind']): number => result.changes.filter((c) => c.kind === kind).length;
  const total = result.timings.reduce((sum, t) => sum + t.ms, 0);
  const stages = result.timings.map((t) => `${t.stage} ${Math.round(t.ms)} ms`).join(', ');
  if (result.checked) {
    const verdict = result.changes.length === 0 ? 'up to date' : `${result.changes.length} file(s) out of date; run \`npm run generate\``;
    return `generate --check: ${verdict} (${result.unchanged} current) in ${Math.round(total)} ms`;
  }
  const written = count('added') + count('changed');
  return `generate: ${written} written, ${result.unchanged} unchanged, ${count('removed')} removed in ${Math.round(total)} ms (${stages})`;
}
