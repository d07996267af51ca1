/**
 * `hookcat translations report|lock|export|import`: the commands and their options. What they
 * do (`translations-run.ts`, which reads and writes catalogs with yaml) is loaded only when one
 * runs, so that the CLI starts without it.
 */
import type { Command } from 'commander';
import { list } from '../cli-options.js';
import type { ReportFlags } from './translations-run.js';

const work = (): Promise<typeof import('./translations-run.js')> => import('./translations-run.js');

/** Registers `hookcat translations` and its subcommands. */
export function registerTranslationsCommand(cli: Command): void {
  const translations = cli.command('translations').description('translation coverage, the lock file, and texts for translators (XLIFF 2.0, gettext PO)');
  translations
    .command('report')
    .description('the share of texts translated per catalog and locale, with the missing and stale ones')
    .option('--catalogs <dir>', 'folder of catalogs, or one catalog folder', 'catalog')
    .option('--catalog <ids>', 'only these catalogs (comma-separated)', list)
    .option('--locale <locales>', 'only these locales (comma-separated)', list)
    .option('--format <format>', 'text or json', 'text')
    .option('--fail-on <what>', 'exit 1 when a text is missing and/or stale: missing, stale (comma-separated)', list)
    .action(async (flags: ReportFlags) => {
      const tools = await work();
      await tools.run(() => tools.report(flags));
    });
  translations
    .command('lock')
    .description('record in translations.lock.json which source text each translation was made from')
    .option('--catalogs <dir>', 'folder of catalogs, or one catalog folder', 'catalog')
    .option('--catalog <ids>', 'only these catalogs (comma-separated)', list)
    .option('--force', 'also record stale translations as current (after checking them)')
    .action(async (flags: { catalogs: string; catalog?: string[]; force?: true }) => {
      const tools = await work();
      await tools.run(() => tools.lock(flags));
    });
  translations
    .command('export')
    .description('write the texts of one catalog for translators, with their positions')
    .requiredOption('--locale <locale>', 'the target locale')
    .option('--format <format>', 'po (gettext) or xliff (XLIFF 2.0)', 'po')
    .option('--catalogs <dir>', 'folder of catalogs, or one catalog folder', 'catalog')
    .option('--catalog <id>', 'the catalog (needed when there are several)')
    .option('--out <file>', 'write here instead of stdout')
    .action(async (flags: { catalogs: string; catalog?: string; locale: string; format: string; out?: string }) => {
      const tools = await work();
      await tools.run(() => tools.exportTexts(flags));
    });
  translations
    .command('import')
    .description('write the translations of a PO or XLIFF file back into the catalog YAML files, in place')
    .argument('<file>', 'a file made by `hookcat translations export` and translated')
    .option('--catalogs <dir>', 'folder of catalogs, or one catalog folder', 'catalog')
    .action(async (file: string, flags: { catalogs: string }) => {
      const tools = await work();
      await tools.run(() => tools.importFile(file, flags));
    });
}
