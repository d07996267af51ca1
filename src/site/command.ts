/**
 * `hookcat site build|dev|preview`: the commands and their options. What they do (`run.ts`, which
 * prepares the site and loads VitePress) is loaded only when one runs.
 */
import type { Command } from 'commander';
import type { SiteFlags } from './run.js';

const work = (): Promise<typeof import('./run.js')> => import('./run.js');

/** Adds `hookcat site build|dev|preview` to `cli`. */
export function registerSiteCommand(cli: Command): void {
  const site = cli.command('site').description('the docs site of the generated pages (VitePress): build, dev or preview');
  const withConfig = (command: Command): Command => command.option('--config <file>', 'config file (default: hookcat.config.{ts,mjs,js,json} when present)');
  withConfig(site.command('build').description('build the site into site.out (default docs-site/)')).action(async (flags: SiteFlags) => {
    process.exitCode = await (await work()).build(flags);
  });
  withConfig(site.command('dev').description('serve the site while you edit it'))
    .option('--port <port>', 'port (default 5173)')
    .option('--host <host>', 'host to listen on (default localhost)')
    .action(async (flags: SiteFlags) => {
      process.exitCode = await (await work()).dev(flags);
    });
  withConfig(site.command('preview').description('serve the built site'))
    .option('--port <port>', 'port (default 4173)')
    .action(async (flags: SiteFlags) => {
      process.exitCode = await (await work()).preview(flags);
    });
}
