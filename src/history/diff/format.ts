/** `hookcat diff` output: text (one line a change), JSON (a stable shape) and markdown (a PR comment). */
import { codeSpan, literal } from '../../emit/markdown/escape.js';
import { CHANGE_LEVELS, countByLevel, type Change } from './change.js';

/** What was compared, as the user named it (`HEAD`, `catalog`, a folder). */
export interface DiffLabels {
  readonly from: string;
  readonly to: string;
}

export type DiffFormat = 'text' | 'json' | 'markdown';

export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown'];

function summaryText(changes: readonly Change[]): string {
  const counts = countByLevel(changes);
  return CHANGE_LEVELS.map((level) => `${counts[level]} ${level.replace('-', ' ')}`).join(', ');
}

/** Control characters (C0 and C1: U+009B starts a terminal escape), line separators and bidirectional controls (a property name may hold
 * them) written as JSON escapes: a change stays one line, and a name cannot show itself reordered
 * to a reviewer (U+202E turns `txt.exe` into what reads as `exe.txt`). */
function visible(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `level  rule  catalog  subject  path  message`, one line a change (`-` for an empty path), then a summary. */
export function formatDiffText(changes: readonly Change[], labels: DiffLabels): string {
  const lines = changes.map((c) => [c.level, c.rule, c.catalog, c.subject, c.path === '' ? '-' : c.path, c.message].map(visible).join('  '));
  lines.push(`${changes.length === 0 ? 'no changes' : summaryText(changes)} (from ${visible(labels.from)} to ${visible(labels.to)})`);
  return `${lines.join('\n')}\n`;
}

/** `{ from, to, summary: { breaking, potentially-breaking, safe }, changes: Change[] }`. */
export function formatDiffJson(changes: readonly Change[], labels: DiffLabels): string {
  return `${JSON.stringify({ from: labels.from, to: labels.to, summary: countByLevel(changes), changes }, null, 2)}\n`;
}

/** A message with its backticked names as code spans, the rest literal, for a table cell. */
function messageCell(message: string): string {
  return visible(message)
    .split(/(`[^`]*`)/)
    .map((piece) => (/^`[^`]*`$/.test(piece) ? codeSpan(piece.slice(1, -1), true) : literal(piece)))
    .join('');
}

function cellCode(text: string): string {
  return text === '' ? '—' : codeSpan(visible(text), true);
}

/** A markdown section: a summary line and one table row a change. */
export function formatDiffMarkdown(changes: readonly Change[], labels: DiffLabels): string {
  const head = [
    '## Catalog changes',
    '',
    `From ${codeSpan(visible(labels.from), false)} to ${codeSpan(visible(labels.to), false)}: ${changes.length === 0 ? 'no changes' : summaryText(changes)}.`,
  ];
  if (changes.length === 0) return `${head.join('\n')}\n`;
  const rows = changes.map(
    (c) => `| ${c.level} | ${cellCode(c.rule)} | ${cellCode(c.catalog)} | ${cellCode(c.subject)} | ${cellCode(c.path)} | ${messageCell(c.message)} |`,
  );
  return `${[...head, '', '| level | rule | catalog | subject | path | change |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}

/** The output in the chosen format. */
export function formatDiff(changes: readonly Change[], labels: DiffLabels, format: DiffFormat): string {
  if (format === 'json') return formatDiffJson(changes, labels);
  if (format === 'markdown') return formatDiffMarkdown(changes, labels);
  return formatDiffText(changes, labels);
}
