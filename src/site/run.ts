/** What `hookcat site build|dev|preview` do (see `command.ts`): the docs site of the project, built with VitePress (an optional peer dependency). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config/read.js';
import { formatDiagnostics, hasErrors } from '../diagnostics.js';
import { UsageError } from '../usage-error.js';
import { formatDuration } from '../report.js';
import { DEFAULT_SITE_OUT, prepareSite, SITE_ROOT, type PreparedSite } from './prepare.js';

type VitePress = typeof import('vitepress');

export interface SiteFlags {
  readonly config?: string;
  readonly port?: string;
  readonly host?: string;
}

/** VitePress, from the project's dependencies; a clear message when it is not installed. */
async function loadVitePress(): Promise<VitePress> {
  try {
    return await import('vitepress');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes("'vitepress'"))
      throw new UsageError('the docs site needs VitePress in the project: npm install --save-dev vitepress@^1.6.4 (`hookcat init` adds it)');
    throw error;
  }
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not ${value}`);
  return port;
}

/** Prepares the site from the config in the working folder; prints catalog errors and returns undefined on them. */
async function prepared(flags: SiteFlags): Promise<PreparedSite | undefined> {
  const projectRoot = process.cwd();
  const { config } = await readConfig(flags.config, projectRoot);
  const { diagnostics, site } = await prepareSite({ projectRoot, catalogs: config.catalogs, out: config.out, templates: config.templates, site: config.site });
  if (hasErrors(diagnostics) || site === undefined) {
    process.stderr.write(formatDiagnostics(diagnostics, { color: process.stderr.isTTY === true && process.env['NO_COLOR'] === undefined }));
    process.stderr.write('site: fix the errors above, then run `hookcat generate`\n');
    return undefined;
  }
  for (const id of site.missing)
    process.stderr.write(`site: catalog ${id} has no pages in the output folder (generate it with the docs output); it is left out\n`);
  return site;
}

function describe(site: PreparedSite): string {
  const catalogs = new Set(site.manifest.locales.flatMap((l) => l.catalogs.map((c) => c.id))).size;
  return `${site.pages} pages of ${catalogs} catalog(s) in ${site.manifest.locales.length} locale(s) (${site.manifest.locales.map((l) => l.locale).join(', ')})`;
}

/** Waits for Ctrl-C. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => process.once('SIGINT', () => resolve()));
}

export async function build(flags: SiteFlags): Promise<number> {
  const started = performance.now();
  const site = await prepared(flags);
  if (site === undefined) return 1;
  const vitepress = await loadVitePress();
  await vitepress.build(site.root);
  process.stderr.write(
    `site: ${describe(site)} built into ${path.relative(process.cwd(), site.outDir) || '.'} in ${formatDuration(performance.now() - started)}; \`hookcat site preview\` serves it\n`,
  );
  return 0;
}

export async function dev(flags: SiteFlags): Promise<number> {
  const site = await prepared(flags);
  if (site === undefined) return 1;
  const vitepress = await loadVitePress();
  const port = parsePort(flags.port);
  const server = await vitepress.createServer(site.root, {
    ...(port === undefined ? {} : { port }),
    ...(flags.host === undefined ? {} : { host: flags.host }),
  });
  await server.listen();
  server.printUrls();
  process.stderr.write(`site: ${describe(site)}; run \`hookcat generate\` and this command again after changing the catalogs (Ctrl-C stops)\n`);
  await interrupted();
  await server.close();
  return 0;
}

export async function preview(flags: SiteFlags): Promise<number> {
  const projectRoot = process.cwd();
  const { config } = await readConfig(flags.config, projectRoot);
  const vitepress = await loadVitePress();
  const root = path.resolve(projectRoot, SITE_ROOT);
  const outDir = path.resolve(projectRoot, config.site?.out ?? DEFAULT_SITE_OUT);
  if (!existsSync(path.join(root, '.vitepress', 'site.json')) || !existsSync(path.join(outDir, 'index.html')))
    throw new UsageError('site preview serves the built site: run `hookcat site build` first');
  const port = parsePort(flags.port);
  const server = await vitepress.serve({ root, ...(port === undefined ? {} : { port }) });
  await interrupted();
  server.server?.close();
  return 0;
}
