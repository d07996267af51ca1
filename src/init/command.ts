/**
 * `hookcat init [dir]`: the command and its options. What it does (`run.ts`, which writes the
 * starter catalog with yaml) is loaded only when it runs.
 */
import type { Command } from 'commander';
import { list } from '../cli-options.js';
import type { InitFlags } from './run.js';
import { STARTER_LOCALES } from './starter-texts.js';

/** Adds `hookcat init [dir]` to `cli`. */
export function registerInitCommand(cli: Command): void {
  cli
    .command('init')
    .description('start a project: a starter catalog, hookcat.config.mjs, npm scripts and VitePress for the docs site')
    .argument('[dir]', 'project folder', '.')
    .option('--id <id>', 'catalog id (default: from the package name, else the folder name)')
    .option('--name <name>', 'name in the starter titles (default: from the id)')
    .option('--locale <locales>', `locales of the catalog, source locale first (starter texts: ${STARTER_LOCALES.join(', ')}; default en)`, list)
    .option('--no-site', 'leave VitePress out (no docs site)')
    .option('--force', 'overwrite starter files that exist')
    .action(async (dir: string, flags: InitFlags) => {
      process.exitCode = await (await import('./run.js')).init(dir, flags);
    });
}
