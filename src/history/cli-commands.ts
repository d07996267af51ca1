/** The catalog-history commands (`diff`, `translations ...`), registered on the CLI program. */
import type { Command } from 'commander';
import { registerDiffCommand } from './diff-command.js';
import { registerTranslationsCommand } from './translations-command.js';

/** Adds hookcat's history commands to `cli`. */
export function registerHistoryCommands(cli: Command): void {
  registerDiffCommand(cli);
  registerTranslationsCommand(cli);
}
