/**
 * `hookcat diff`: the command and its options. What it does (`diff-run.ts`, which loads and
 * compares catalogs) is loaded only when it runs, so that the CLI starts without the loader.
 */
import type { Command } from 'commander';
import { UsageError } from '../usage-error.js';
import type { ChangeLevel } from './diff/change.js';
import { DIFF_FORMATS, type DiffFormat } from './diff/format.js';

export interface DiffFlags {
  readonly from?: string;
  readonly to?: string;
  readonly catalogs: string;
  readonly format: DiffFormat;
  readonly failOn?: ChangeLevel;
  readonly attach?: string;
}

const FAIL_LEVELS: readonly ChangeLevel[] = ['breaking', 'potentially-breaking'];

function parseFormat(value: string): DiffFormat {
  if (!(DIFF_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format takes ${DIFF_FORMATS.join(', ')}, not ${value}`);
  return value as DiffFormat;
}

function parseFailOn(value: string): ChangeLevel {
  if (!(FAIL_LEVELS as readonly string[]).includes(value)) throw new UsageError(`--fail-on takes ${FAIL_LEVELS.join(' or ')}, not ${value}`);
  return value as ChangeLevel;
}

/** Registers `hookcat diff` on the program. */
export function registerDiffCommand(cli: Command): void {
  cli
    .command('diff')
    .description('compare two versions of the catalogs; classify each change as breaking, potentially breaking or safe')
    .option('--from <ref|folder>', 'older side: a git ref or a folder (default: HEAD)')
    .option('--to <ref|folder>', 'newer side: a git ref or a folder (default: the catalogs folder on disk)')
    .option('--catalogs <dir>', 'the catalogs folder, on disk and in the repository', 'catalog')
    .option('--format <format>', 'text, json or markdown', parseFormat, 'text')
    .option('--fail-on <level>', 'exit 1 when a change is at least this severe: breaking or potentially-breaking', parseFailOn)
    .option('--attach <version>', 'also record the changes under this version of `catalog.versions` (for the changelog page)')
    .action(async (flags: DiffFlags) => {
      process.exitCode = await (await import('./diff-run.js')).runDiff(flags);
    });
}
