/** What `hookcat diff` does (see `diff-command.ts`): two sides -> classified changes on stdout; the exit code for CI. */
import { displayPath } from '../catalog/load-catalog.js';
import { formatDiagnostics, hasErrors } from '../diagnostics.js';
import { AttachError, attachChanges } from './diff/attach.js';
import { UsageError } from '../usage-error.js';
import { reaches } from './diff/change.js';
import { diffCatalogs } from './diff/catalogs.js';
import { formatDiff } from './diff/format.js';
import { GitError } from './git-tree.js';
import { loadSide, type Side } from './sides.js';
import type { DiffFlags } from './diff-command.js';

/** A side, with git's complaints turned into one-line usage errors. */
async function side(given: string | undefined, catalogs: string): Promise<Side> {
  try {
    return await loadSide(given, catalogs);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`diff: ${error.message}`);
    throw error;
  }
}

/** Runs a diff and prints it; returns the exit code (1: a side has errors, or a change reached --fail-on). */
export async function runDiff(flags: DiffFlags): Promise<number> {
  if (flags.attach !== undefined && flags.to !== undefined)
    throw new UsageError('diff --attach writes into the catalogs folder: compare against it (leave out --to)');
  const before = await side(flags.from ?? 'HEAD', flags.catalogs);
  const after = await side(flags.to, flags.catalogs);
  const broken = [before, after].filter((s) => hasErrors(s.diagnostics));
  if (broken.length > 0) {
    const errors = broken.flatMap((s) => s.diagnostics.filter((d) => d.severity === 'error'));
    process.stderr.write(formatDiagnostics(errors, { color: process.stderr.isTTY === true && process.env['NO_COLOR'] === undefined }));
    process.stderr.write(`diff: ${broken.map((s) => s.label).join(' and ')} ${broken.length === 1 ? 'has' : 'have'} errors; nothing compared\n`);
    return 1;
  }
  const changes = diffCatalogs(before.catalogs, after.catalogs);
  process.stdout.write(formatDiff(changes, { from: before.label, to: after.label }, flags.format));
  if (flags.attach !== undefined) {
    try {
      for (const file of await attachChanges(flags.catalogs, flags.attach, changes))
        process.stderr.write(`changes attached to version ${flags.attach} in ${displayPath(file)}\n`);
    } catch (error) {
      if (error instanceof AttachError) throw new UsageError(`diff --attach: ${error.message}`);
      throw error;
    }
  }
  return flags.failOn !== undefined && reaches(changes, flags.failOn) ? 1 : 0;
}
