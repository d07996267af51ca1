/** `hookcat messages missing <locale>`: the message ids a locale's own message files lack. */
import path from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../catalog/read-catalogs.js';
import { DEFAULT_MESSAGES_LOCALE } from './chain.js';
import { UsageError } from '../usage-error.js';
import { canonicalLocale } from '../locale/tags.js';
import { loadTemplates, ownTemplatesFolder, templatesFolder } from '../templates.js';
import { messageCoverage } from './coverage.js';

interface MissingFlags {
  readonly templates?: string;
  readonly format: string;
}

/**
 * Prints each id of the English message file that the files of `locale`'s language lack (one a
 * line, with the English text after a tab; JSON with `--format json`), and on stderr which file
 * to add them to. Exit code 1 when any is missing, for CI.
 */
async function missing(tag: string, flags: MissingFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format takes text or json, not ${flags.format}`);
  const locale = canonicalLocale(tag);
  if (locale === undefined) throw new UsageError(`\`${tag}\` is not a BCP 47 language tag (such as en, pt-BR, es-419, zh-Hant-TW)`);
  const templates = await loadTemplates(await templatesFolder(flags.templates));
  const coverage = messageCoverage(templates, locale);
  const english = templates.messages[DEFAULT_MESSAGES_LOCALE] ?? {};
  const file = displayPath(path.join(ownTemplatesFolder(flags.templates), 'messages', `${coverage.files[0] ?? locale}.json`));
  if (flags.format === 'json') {
    const ids = coverage.missing.map((id) => ({ id, en: english[id] ?? '' }));
    process.stdout.write(`${JSON.stringify({ locale, files: coverage.files, addTo: file, missing: ids }, null, 2)}\n`);
  } else {
    process.stdout.write(coverage.missing.map((id) => `${id}\t${oneLine(english[id] ?? '')}\n`).join(''));
    const total = Object.keys(english).length;
    const from = coverage.files.length === 0 ? 'no message file' : coverage.files.map((f) => `${f}.json`).join(', ');
    process.stderr.write(
      coverage.missing.length === 0
        ? `${locale}: every message id of ${DEFAULT_MESSAGES_LOCALE}.json is translated (${from})\n`
        : `${locale}: ${coverage.missing.length} of ${total} message ids missing (${from}); add them to ${file}\n`,
    );
  }
  return coverage.missing.length === 0 ? 0 : 1;
}

function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** Adds `hookcat messages ...` to `cli`. */
export function registerMessagesCommand(cli: Command): void {
  const messages = cli.command('messages').description('message files of the pages (fixed words in each locale)');
  messages
    .command('missing')
    .description(`list the message ids of ${DEFAULT_MESSAGES_LOCALE}.json that a locale's message files lack (exit 1 when any)`)
    .argument('<locale>', 'a BCP 47 language tag, e.g. de, pt-BR, zh-Hant-TW')
    .option('--templates <dir>', 'templates folder (default: ./templates, else the built-in ones)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (locale: string, flags: MissingFlags) => {
      process.exitCode = await missing(locale, flags);
    });
}
