/** Medians and the printed table of `npm run bench`, with issue 5's targets checked. */
import type { StageTiming } from '../src/generate.js';
import type { CompetitorResult } from './competitors.js';
import type { RunResult, RunTimings } from './run-once.js';

export interface SizeReport {
  readonly events: number;
  readonly bytes: number;
  readonly files: number;
  /** The outputs of the measured runs (all but docs, which is timed on its own). */
  readonly outputs: string;
  /** The docs pages alone: one run, or an estimate from the size before when that would take too long. */
  readonly docs?: { readonly run?: RunResult; readonly edit?: RunResult; readonly estimateMs?: number };
  /** One-shot generates, as the CLI runs them. */
  readonly generateRuns: readonly RunResult[];
  /** Watch-mode processes: a generate that keeps what it learned, `--check`, an edit and a regenerate. */
  readonly watchRuns: readonly RunResult[];
  /** The disk alone writing as many files of the same sizes. */
  readonly disk?: RunResult;
  readonly checkRuns: readonly RunResult[];
  readonly competitors: readonly CompetitorResult[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Stage names in pipeline order, as they first appear. */
function stageNames(runs: readonly (RunTimings | undefined)[]): string[] {
  const names: string[] = [];
  for (const run of runs) for (const { stage } of run?.stages ?? []) if (!names.includes(stage)) names.push(stage);
  return names;
}

function stageMs(run: RunTimings | undefined, stage: string): number {
  return (run?.stages ?? []).filter((s: StageTiming) => s.stage === stage).reduce((sum, s) => sum + s.ms, 0);
}

export interface Summary {
  readonly events: number;
  readonly stages: Map<string, number>;
  /** The loader's own stages, when generate reports only its total. */
  readonly loadStages: Map<string, number>;
  readonly total: number;
  /** What the docs pages add to a full generate (measured alone, or estimated); undefined without a docs emitter. */
  readonly docs:
    | { readonly ms: number; readonly estimated: boolean; readonly peakMiB: number | undefined; readonly regenerateMs: number | undefined }
    | undefined;
  readonly peakMiB: number;
  readonly perEventMs: number;
  readonly regenerate: number;
  readonly watchPeakMiB: number;
  readonly diskMs: number;
  readonly diskFiles: number;
  readonly checkWarm: number;
  readonly checkCold: number;
  readonly competitors: Map<string, CompetitorResult>;
}

export function summarize(report: SizeReport): Summary {
  const full = report.generateRuns.map((r) => r.full);
  const stages = new Map(stageNames(full).map((name) => [name, median(full.map((r) => stageMs(r, name)))]));
  const total = median(full.map((r) => r?.totalMs ?? Number.NaN));
  const loadRuns = report.generateRuns.filter((r) => r.loadStages !== undefined).map((r) => ({ totalMs: 0, stages: r.loadStages ?? [] }));
  const loadStages = new Map(stageNames(loadRuns).map((name) => [name, median(loadRuns.map((r) => stageMs(r, name)))]));
  return {
    events: report.events,
    stages,
    loadStages,
    total,
    docs: docsSummary(report),
    peakMiB: median(report.generateRuns.map((r) => (r.peakAfterFull ?? Number.NaN) / 2 ** 20)),
    perEventMs: total / report.events,
    regenerate: median((report.watchRuns ?? []).map((r) => r.regenerate?.totalMs ?? Number.NaN)),
    watchPeakMiB: median((report.watchRuns ?? []).map((r) => r.peak / 2 ** 20)),
    diskMs: report.disk?.disk?.ms ?? Number.NaN,
    diskFiles: report.disk?.disk?.files ?? Number.NaN,
    checkWarm: median((report.watchRuns ?? []).map((r) => r.checkWarm?.totalMs ?? Number.NaN)),
    checkCold: median(report.checkRuns.map((r) => r.checkCold?.totalMs ?? Number.NaN)),
    competitors: new Map(report.competitors.map((c) => [c.tool, c])),
  };
}

/** What docs add to a generate: every stage of the docs-only run but loading. */
export function docsExtraMs(run: RunTimings | undefined): number {
  return (run?.stages ?? []).filter((s) => !s.stage.startsWith('load')).reduce((sum, s) => sum + s.ms, 0);
}

function docsSummary(report: SizeReport): Summary['docs'] {
  const docs = report.docs;
  if (docs === undefined) return undefined;
  if (docs.run !== undefined)
    return {
      ms: docsExtraMs(docs.run.full),
      estimated: false,
      peakMiB: (docs.run.peakAfterFull ?? Number.NaN) / 2 ** 20,
      regenerateMs: docs.edit?.regenerate?.totalMs,
    };
  return { ms: docs.estimateMs ?? Number.NaN, estimated: true, peakMiB: undefined, regenerateMs: undefined };
}

const TOOL_NAMES: Record<string, string> = {
  'jstt-unformatted': 'json-schema-to-typescript, format: false',
  jstt: 'json-schema-to-typescript, formatted (default)',
  'openapi-typescript': 'openapi-typescript on our openapi.json',
};

function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function formatReport(reports: readonly SizeReport[], context: { date: string; machine: string }): string {
  const summaries = reports.map(summarize);
  const sizes = summaries.map((s) => s.events.toLocaleString('en-US'));
  const runs = reports.map((r) => r.generateRuns.length).join(' / ');
  const out: string[] = [];
  out.push(`hookcat bench, ${context.date}, ${context.machine}`);
  out.push(
    `Synthetic catalogs of ${sizes.join(' / ')} events in 4 locales (en, et, pl, fr): ${reports.map((r) => `${(r.bytes / 2 ** 20).toFixed(1)} MiB`).join(' / ')} of block YAML in ${reports.map((r) => r.files).join(' / ')} files.`,
  );
  out.push(`Generate (${reports[0]?.outputs ?? ''}) into an empty output folder, a fresh process per run as the CLI runs it; medians of ${runs} runs, in ms.`);
  out.push(
    'Regenerate and --check in the same process are measured as watch mode runs them (a generate that keeps what it learned first), in processes of their own.',
  );
  if (summaries.some((s) => s.docs !== undefined))
    out.push('The docs pages are timed alone, in one run per size (or estimated from the size before, marked ~), and added to the total.');
  out.push('');
  const allStages = stageNames(reports.flatMap((r) => r.generateRuns.map((g) => g.full)));
  const loadStages = [...new Set(summaries.flatMap((s) => [...s.loadStages.keys()]))];
  const rows: string[][] = [];
  for (const stage of allStages) {
    rows.push([stage, ...summaries.map((s) => ms(s.stages.get(stage) ?? Number.NaN))]);
    if (stage.startsWith('load') && !stage.includes(':'))
      for (const sub of loadStages)
        rows.push([`  ${sub.slice('load:'.length)} (a separate load, once)`, ...summaries.map((s) => ms(s.loadStages.get(sub) ?? Number.NaN))]);
  }
  rows.push([`total (${reports[0]?.outputs ?? ''})`, ...summaries.map((s) => ms(s.total))]);
  if (summaries.some((s) => s.docs !== undefined)) {
    rows.push([
      'docs pages, alone (emit, plan, write)',
      ...summaries.map((s) => (s.docs === undefined ? '-' : `${s.docs.estimated ? '~' : ''}${ms(s.docs.ms)}`)),
    ]);
    rows.push(['total with docs', ...summaries.map((s) => (s.docs === undefined ? '-' : `${s.docs.estimated ? '~' : ''}${ms(s.total + s.docs.ms)}`))]);
    rows.push([
      'time per event, with docs',
      ...summaries.map((s) => (s.docs === undefined ? '-' : `${s.docs.estimated ? '~' : ''}${ms((s.total + s.docs.ms) / s.events)}`)),
    ]);
  }
  rows.push(['time per event', ...summaries.map((s) => ms(s.perEventMs))]);
  rows.push(['peak memory (MiB)', ...summaries.map((s) => String(Math.round(s.peakMiB)))]);
  if (summaries.some((s) => s.docs !== undefined)) {
    rows.push(['peak memory, docs alone (MiB)', ...summaries.map((s) => (s.docs?.peakMiB === undefined ? '-' : String(Math.round(s.docs.peakMiB))))]);
    rows.push(['docs after one file changed (fresh process)', ...summaries.map((s) => ms(s.docs?.regenerateMs ?? Number.NaN))]);
  }
  rows.push(['the disk alone: as many files, same sizes', ...summaries.map((s) => ms(s.diskMs))]);
  rows.push(['  files', ...summaries.map((s) => (Number.isFinite(s.diskFiles) ? s.diskFiles.toLocaleString('en-US') : '-'))]);
  rows.push(['regenerate after one file changed (watch mode)', ...summaries.map((s) => ms(s.regenerate))]);
  rows.push(['peak memory, watch mode (MiB)', ...summaries.map((s) => (Number.isFinite(s.watchPeakMiB) ? String(Math.round(s.watchPeakMiB)) : '-'))]);
  rows.push(['--check, nothing changed (same process)', ...summaries.map((s) => ms(s.checkWarm))]);
  rows.push(['--check, nothing changed (fresh process)', ...summaries.map((s) => ms(s.checkCold))]);
  out.push(table(['events', ...sizes], rows), '');
  const tools = [...new Set(reports.flatMap((r) => r.competitors.map((c) => c.tool)))];
  if (tools.length > 0) {
    out.push('Other tools on the same input (one run each, fresh process): time in ms, and their time / ours.', '');
    const toolRows: string[][] = [];
    for (const tool of tools) {
      const types = (s: Summary): number => s.stages.get('emit:types') ?? Number.NaN;
      toolRows.push([TOOL_NAMES[tool] ?? tool, ...summaries.map((s) => ms(s.competitors.get(tool)?.ms ?? Number.NaN))]);
      toolRows.push(['  / our types stage', ...summaries.map((s) => ratio(s.competitors.get(tool)?.ms, types(s)))]);
      if (tool === 'openapi-typescript')
        toolRows.push([`  / our whole generate (${reports[0]?.outputs ?? ''})`, ...summaries.map((s) => ratio(s.competitors.get(tool)?.ms, s.total))]);
      toolRows.push([
        '  peak memory (MiB)',
        ...summaries.map((s) => {
          const c = s.competitors.get(tool);
          return c === undefined ? '-' : String(Math.round(c.peak / 2 ** 20));
        }),
      ]);
    }
    out.push(table(['events', ...sizes], toolRows), '');
  }
  out.push(...targets(summaries), '');
  return out.join('\n');
}

function ratio(theirs: number | undefined, ours: number): string {
  return theirs === undefined || !Number.isFinite(ours) || ours <= 0 ? '-' : `${(theirs / ours).toFixed(1)}x`;
}

/** Issue 5's targets, checked on the largest size (10,000 events in a full run). */
function targets(summaries: readonly Summary[]): string[] {
  const largest = summaries[summaries.length - 1];
  if (largest === undefined) return [];
  const thousand = summaries.find((s) => s.events === 1000);
  const lines = [
    `Targets (issue 5), at ${largest.events.toLocaleString('en-US')} events${largest.events === 10000 ? '' : ' (the targets are set for 10,000)'}:`,
  ];
  const check = (ok: boolean | undefined, text: string): void => void lines.push(`  ${ok === undefined ? '?   ' : ok ? 'ok  ' : 'MISS'} ${text}`);
  check(
    largest.total <= 10_000,
    `generate of ${largest.stages.has('emit:docs') ? 'every output' : 'every output but docs'} ${ms(largest.total)} ms <= 10,000 ms`,
  );
  if (largest.docs !== undefined)
    check(
      largest.total + largest.docs.ms <= 10_000,
      `with the docs pages ${largest.docs.estimated ? '~' : ''}${ms(largest.total + largest.docs.ms)} ms <= 10,000 ms`,
    );
  check(largest.peakMiB < 1024, `peak memory ${Math.round(largest.peakMiB)} MiB < 1,024 MiB`);
  check(largest.regenerate <= 2_000, `regenerate after one file changed ${ms(largest.regenerate)} ms <= 2,000 ms`);
  check(
    largest.checkCold <= largest.total / 2,
    `--check with nothing changed ${ms(largest.checkCold)} ms (fresh process; ${ms(largest.checkWarm)} ms in the same process) <= half the generate time (${ms(largest.total / 2)} ms)`,
  );
  if (thousand !== undefined && thousand !== largest) {
    const growth = largest.perEventMs / thousand.perEventMs - 1;
    check(growth < 0.3, `time per event from 1,000 to ${largest.events.toLocaleString('en-US')} events grows ${(growth * 100).toFixed(0)}% (< 30%)`);
  } else check(undefined, 'time per event growth from 1,000 events: run both sizes');
  const jstt = largest.competitors.get('jstt-unformatted');
  const types = largest.stages.get('emit:types');
  check(
    jstt === undefined || types === undefined ? undefined : types < jstt.ms,
    `types stage ${ms(types ?? Number.NaN)} ms < json-schema-to-typescript (format: false) ${ms(jstt?.ms ?? Number.NaN)} ms`,
  );
  return lines;
}
