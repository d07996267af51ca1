#!/usr/bin/env node
/** argv -> options -> validate()/generate(); the only place that prints or sets exit codes. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { formatDiagnostics, formatDiagnosticsJson, hasErrors, type Diagnostic } from './diagnostics.js';
import { generate, UsageError, type GenerateOptions, type GenerateResult, type ProgressStep } from './generate.js';
import { CONFIG_FILES, readConfig } from './config/read.js';
import { watchCatalogs } from './watch.js';
import { formatSummary, formatChanges, formatTimings } from './report.js';
import { progressLine } from './progress.js';
import { registerSiteCommand } from './site/command.js';
import { registerInitCommand } from './init/command.js';
import { packageInfo } from './package-info.js';
import { list } from './cli-options.js';
import { defaultCacheFolder, FileSystemError, OutputFolderError } from './write.js';
import { registerHistoryCommands } from './history/cli-commands.js';
import type { SendResult } from './send.js';
import { registerImportCommands } from './import/command.js';
import type { CatalogHandOff } from './load.js';
import { registerMessagesCommand } from './messages/command.js';

/** Exit codes: 0 clean (warnings allowed), 1 catalog errors or stale output, 2 usage or internal error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

type Format = 'text' | 'json';

function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env['NO_COLOR'] === undefined;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], format: Format, quiet = false): void {
  if (format === 'json') process.stdout.write(formatDiagnosticsJson(diagnostics));
  else if (diagnostics.length > 0 || !quiet) process.stderr.write(formatDiagnostics(diagnostics, { color: useColor(process.stderr) }));
}

/** 0 clean, 1 errors in the catalogs, 2 when one of them is an internal error (HC900). */
function exitCodeOf(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((d) => d.code === 'HC900')) return EXIT.usage;
  return hasErrors(diagnostics) ? EXIT.problems : EXIT.ok;
}

function parseFormat(value: string): Format {
  if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes text or json, not ${value}`);
  return value;
}

function program(): Command {
  const cli = new Command('hookcat')
    .description('Webhook catalog compiler: YAML catalogs in; TypeScript types, JSON Schemas, OpenAPI 3.1 and docs pages out.')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  cli
    .command('validate')
    .description('check catalogs and print every problem found')
    .argument('[paths...]', "catalog folders, or folders of catalogs (default: the config's catalogs, else catalog)")
    .option('--format <format>', 'text or json', parseFormat, 'text')
    .option('--config <file>', `config file (default: ${CONFIG_FILES.join(', ')} when present)`)
    .action(async (paths: string[], opts: { format: Format; config?: string }) => {
      const chosen = paths.length > 0 ? paths : [(await readConfig(opts.config)).config.catalogs ?? 'catalog'];
      // The loader (yaml, ajv) is loaded by the commands that load catalogs, when they run.
      const { loadCatalogs } = await import('./load.js');
      const { diagnostics } = await loadCatalogs(chosen);
      printDiagnostics(diagnostics, opts.format);
      process.exitCode = exitCodeOf(diagnostics);
    });
  cli
    .command('generate')
    .description('generate types, schemas, OpenAPI and pages from the catalogs')
    .option('--catalogs <dir>', 'folder of catalogs, or one catalog folder (default: catalog)')
    .option('--out <dir>', 'output folder (default: generated)')
    .option('--check', 'write nothing; exit 1 if any output file would change')
    .option('--force', 'emit every output even when the inputs are those the manifest records; rebuild a manifest that cannot be read')
    .option('--watch', 'regenerate on every change to the catalogs or templates')
    .option('--catalog <ids>', 'only these catalogs (comma-separated, repeatable)', list)
    .option('--only <outputs>', 'only these outputs: types, schemas, openapi, docs, runtime, package', list)
    .option('--locale <locales>', 'only these locales for pages', list)
    .option('--templates <dir>', 'templates folder (default: ./templates, else the built-in ones)')
    .option('--config <file>', `config file (default: ${CONFIG_FILES.join(', ')} when present)`)
    .option('--format <format>', 'text or json diagnostics', parseFormat, 'text')
    .option('-q, --quiet', 'print nothing but problems')
    .option('--timings', 'print the time each stage took')
    .option('--cache <dir>', 'keep rendered output here between runs (default: node_modules/.cache/hookcat when node_modules exists)')
    .option('--no-cache', 'keep nothing between runs')
    .action(async (opts: GenerateFlags) => {
      process.exitCode = await runGenerate(opts);
    });
  cli
    .command('send')
    .description("post an event's example to a URL as a signed delivery")
    .argument('<catalog>', 'catalog folder, or catalog id under --catalogs')
    .argument('<event>', 'event key')
    .requiredOption('--to <url>', 'the receiver URL')
    .option('--secret <secret>', 'signing secret (needed when the catalog signs)')
    .option('--example <name>', "the example to send (default: the event's first)")
    .option('--catalogs <dir>', 'folder of catalogs (default: catalog)')
    .option('--timestamp <seconds>', 'Unix time to sign (default: now)', parseSeconds)
    .action(async (catalog: string, event: string, opts: SendFlags) => {
      const { sendEvent } = await import('./send.js');
      const result = await sendEvent({ catalog, event, ...opts });
      process.exitCode = reportSend(result);
    });
  registerHistoryCommands(cli);
  registerImportCommands(cli, {
    catalogsFolder: async () => (await readConfig(undefined)).config.catalogs ?? 'catalog',
    generate: async (id, handOff) => {
      // A config that selects catalogs selects the new one too.
      const selected = (await readConfig(undefined)).config.catalog;
      return runGenerate({ format: 'text', ...(selected !== undefined && selected.length > 0 && { catalog: [...new Set([...selected, id])] }) }, handOff);
    },
  });
  registerSiteCommand(cli);
  registerInitCommand(cli);
  registerMessagesCommand(cli);
  return cli;
}

interface SendFlags {
  to: string;
  secret?: string;
  example?: string;
  catalogs?: string;
  timestamp?: number;
}

function parseSeconds(value: string): number {
  if (!/^[0-9]{1,12}$/.test(value)) throw new InvalidArgumentError('a Unix time in seconds');
  return Number(value);
}

/** Prints the delivery's status and time (and the body of a refusal); returns the exit code. */
function reportSend(result: SendResult): number {
  printDiagnostics(result.diagnostics, 'text', true);
  if (hasErrors(result.diagnostics)) return EXIT.problems;
  if (result.failure !== undefined || result.delivery === undefined) {
    process.stderr.write(`send: not delivered: ${result.failure ?? 'no answer'}\n`);
    return EXIT.problems;
  }
  const { status, statusText, ms, example, responseBody } = result.delivery;
  const ok = status >= 200 && status < 300;
  process.stdout.write(`${status} ${statusText} in ${ms.toFixed(0)} ms (example ${example})\n`);
  if (!ok && responseBody !== '') process.stderr.write(`${responseBody.slice(0, 2000)}\n`);
  return ok ? EXIT.ok : EXIT.problems;
}

/** `hookcat generate` with these flags (and the config's settings); the exit code. `handOff`:
 * what `hookcat import --generate` hands over (the files it wrote, with their data). */
async function runGenerate(opts: GenerateFlags, handOff?: CatalogHandOff): Promise<number> {
  const { config } = await readConfig(opts.config);
  const { site: _site, ...settings } = config;
  let options: GenerateOptions = {
    ...settings,
    ...definedOnly({
      catalogs: opts.catalogs,
      out: opts.out,
      check: opts.check,
      force: opts.force,
      catalog: opts.catalog,
      only: opts.only,
      locale: opts.locale,
      templates: opts.templates,
      cache: opts.cache,
    }),
  };
  if (options.cache === undefined) options = { ...options, cache: defaultCacheFolder(process.cwd()) };
  if (opts.watch === true) {
    await watchUntilInterrupted(options, opts);
    return EXIT.ok;
  }
  const started = performance.now();
  const progress = opts.format === 'text' && opts.quiet !== true ? progressLine(process.stderr) : undefined;
  let result: GenerateResult;
  try {
    result = await generate({ ...options, progress: progress?.step, handOff });
  } finally {
    progress?.done();
  }
  return reportRun(result, opts, performance.now() - started);
}

interface GenerateFlags {
  catalogs?: string;
  out?: string;
  check?: true;
  force?: true;
  watch?: true;
  catalog?: string[];
  only?: string[];
  locale?: string[];
  templates?: string;
  cache?: string | false;
  config?: string;
  format: Format;
  quiet?: true;
  timings?: true;
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Prints one run's diagnostics and summary (`ms`: the time it took); returns its exit code. */
function reportRun(result: GenerateResult, opts: GenerateFlags, ms: number): number {
  printDiagnostics(result.diagnostics, opts.format, true);
  if (hasErrors(result.diagnostics)) {
    process.stderr.write('generate: nothing written, fix the errors above\n');
    return exitCodeOf(result.diagnostics);
  }
  if (result.checked && result.changes.length > 0) process.stderr.write(formatChanges(result.changes));
  if (opts.quiet !== true || !result.ok) process.stderr.write(`${formatSummary(result, ms)}\n`);
  if (opts.timings === true) process.stderr.write(formatTimings(result.timings));
  return result.ok ? EXIT.ok : EXIT.problems;
}

async function watchUntilInterrupted(options: GenerateOptions, opts: GenerateFlags): Promise<void> {
  // Each run's time, from its first step to its result.
  let started = performance.now();
  const progress = (step: ProgressStep): void => {
    if (step.stage === 'load') started = performance.now();
  };
  const watcher = watchCatalogs({ ...options, progress }, (result) => {
    if (result instanceof Error) process.stderr.write(`hookcat: ${result.message}\n`);
    else reportRun(result, opts, performance.now() - started);
    process.stderr.write('watching for changes (Ctrl-C to stop)\n');
  });
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await watcher.close();
  process.stderr.write('stopped watching\n');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    process.exitCode = undefined;
    await program().parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError || error instanceof OutputFolderError || error instanceof FileSystemError) {
      process.stderr.write(`hookcat: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      `hookcat: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this with the catalog that caused it.\n`,
    );
    return EXIT.usage;
  }
}

/** Run as a program (`hookcat`, `node dist/cli.js`, `tsx src/cli.ts`), not imported by tests.
 * The `hookcat` bin is a link, so compare real paths. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
