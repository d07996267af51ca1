/**
 * The README's quick start, run against the packed package in a fresh folder as a new user runs
 * it: the tarball installs with no install script and no warning about one; `hookcat init`,
 * `npm install`, `hookcat generate` and `hookcat site build` work from the installed package alone
 * (none of this repository's files or devDependencies); `hookcat site preview` serves the site,
 * which a crawl in headless Chromium finds whole: every page opened, no link, file or anchor
 * missing, no error on the console, the language switch working, and the search finding an event
 * key and an Estonian word. The same install then shows the package to other tools: its
 * declarations compile without `skipLibCheck` under three module settings, CommonJS can require
 * it, and a `hookcat.config.ts` importing `defineConfig` from it is read.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../docs/static-server.js';
import { crawlSite } from '../site/crawl.js';
import { searchFor } from '../site/search.js';
import { inProject, pack, REPOSITORY, runQuickStart, serve, temporaryFolder, type Packed, type Served, type Step } from './install.js';
import { quickStart } from './readme.js';

const CHROMIUM = '/usr/bin/chromium';
const TSC = path.join(REPOSITORY, 'node_modules', '.bin', 'tsc');

let packed: Packed;
let steps: Step[];
let project: string;
let root: string;
let catalogId: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  const lines = quickStart();
  root = await temporaryFolder();
  packed = await pack(root);
  const started = await runQuickStart(lines.slice(0, -1), packed.tarball, root).catch((error: unknown) => {
    throw new Error(`the quick start failed: ${String((error as { stdout?: string }).stdout ?? error)}`);
  });
  ({ steps, project } = started);
  catalogId = path.basename(project);
  served = await serve(lines.at(-1)!, project);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  served?.stop();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the build, the schema, the templates and the site config, and no sources', () => {
    expect(packed.files).toContain('LICENSE');
    expect(packed.files).toContain('dist/cli.js');
    expect(packed.files).toContain('dist/site/command.js');
    expect(packed.files).toContain('src/catalog/schema.json');
    expect(packed.files).toContain('templates/site/vitepress/config.mjs');
    expect(packed.files.filter((f) => f.startsWith('src/') && f !== 'src/catalog/schema.json')).toEqual([]);
    expect(packed.files.filter((f) => /\.(mts|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs with no install script and no warning about one, and without VitePress', async () => {
    const install = steps.find((s) => s.line === 'npm install --save-dev hookcat')!;
    expect(install.output).not.toMatch(/install.script|allowScripts|warn/i);
    const manifest = JSON.parse(await readFile(path.join(project, 'node_modules', 'hookcat', 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(manifest['scripts'] ?? {}).filter((s) => /install|prepare/.test(s))).toEqual([]);
    expect(Object.keys(manifest['dependencies'] ?? {})).not.toContain('vitepress');
    expect(manifest['peerDependencies']).toEqual({ vitepress: expect.any(String) });
  });
});

describe('the quick start', () => {
  it('runs every line of the README as it stands', () => {
    expect(steps.map((s) => s.line)).toEqual(quickStart().slice(0, -1));
    expect(steps.find((s) => s.line.startsWith('npx hookcat generate'))?.output).toMatch(/^generate: \d+ added, 0 changed, 0 removed \(0 unchanged\) in /m);
    expect(steps.find((s) => s.line === 'npx hookcat site build')?.output).toMatch(
      /site: 20 pages of 1 catalog\(s\) in 2 locale\(s\) \(en, et\) built into docs-site/,
    );
  });

  it('gives a starter catalog that validates, with modelines that reach the schema in node_modules', async () => {
    const validate = await inProject(project, 'npx', ['hookcat', 'validate']);
    expect(validate).toEqual({ code: 0, output: '0 errors, 0 warnings\n' });
    for (const file of [`catalog/${catalogId}/catalog.yaml`, `catalog/${catalogId}/events/orders.yaml`]) {
      const schema = /^# yaml-language-server: \$schema=(\S+)/.exec(await readFile(path.join(project, file), 'utf8'))?.[1];
      const target = path.resolve(path.dirname(path.join(project, file)), schema!);
      expect((JSON.parse(await readFile(target, 'utf8')) as { title: string }).title).toBe('hookcat catalog file');
    }
  });

  it('serves a site whose every page opens, with no missing link, file or anchor and no console error', async () => {
    const report = await crawlSite(browser, served.url, '/', { render: true, limit: 100 });
    expect(report.problems).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.pages).toHaveLength(20);
    expect(report.pages).toContain(`/et/${catalogId}/signatures.html`);
    for (const file of ['openapi.yaml', 'openapi.json', 'types.ts', 'schemas/bundle.schema.json', 'schemas/shared/Money.schema.json'])
      expect(report.files).toContain(`/downloads/${catalogId}/${file}`);
    const served_ = await (await fetch(`${served.url}/downloads/${catalogId}/openapi.yaml`)).text();
    expect(served_).toBe(await readFile(path.join(project, 'generated', catalogId, 'openapi.yaml'), 'utf8'));
  }, 120_000);

  it('switches language on an event page to the same page in the other language', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/et/${catalogId}/events/order.cancelled.html`);
    await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
    expect(await page.textContent('.vp-doc h1')).toContain('Tellimus tühistatud');
    await page.hover('.VPNavBarTranslations');
    expect(await page.$$eval('.VPNavBarTranslations .VPMenuLink', (links) => links.map((l) => (l.textContent ?? '').trim()))).toEqual(['English']);
    await page.click('.VPNavBarTranslations a:has-text("English")');
    await page.waitForURL(`${served.url}/${catalogId}/events/order.cancelled.html`);
    await page.waitForFunction(() => document.querySelector('.vp-doc h1')?.textContent?.includes('Order cancelled'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });

  it('finds an event by its key, and a page by an Estonian word', async () => {
    const found: string[] = [];
    for (const [url, query] of [
      ['/', 'order.cancelled'],
      ['/et/', 'tühistatud'],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(served.url + url);
      await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
      found.push((await searchFor(page, query))[0] ?? '');
      await page.close();
    }
    expect(found).toEqual([`/${catalogId}/events/order.cancelled.html`, `/et/${catalogId}/events/order.cancelled.html`]);
  });
});

describe('site settings from the config', () => {
  it('builds the site under a base path, with a logo and a title of its own, every link under the base', async () => {
    await writeFile(path.join(project, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
    await writeFile(
      path.join(project, 'hooks.config.mjs'),
      "import { defineConfig } from 'hookcat';\nexport default defineConfig({ site: { base: '/docs/hooks/', logo: 'logo.svg', title: 'Acme hooks', out: 'docs-base' } });\n",
    );
    const build = await inProject(project, 'npx', ['hookcat', 'site', 'build', '--config', 'hooks.config.mjs']);
    expect(build.code).toBe(0);
    const server = await serveStatic(path.join(project, 'docs-base'), '/docs/hooks/');
    try {
      const report = await crawlSite(browser, server.url, '/docs/hooks/', { render: false, limit: 100 });
      expect(report.problems).toEqual([]);
      expect(report.pages).toHaveLength(20);
      expect(report.pages.every((p) => p.startsWith('/docs/hooks/'))).toBe(true);
      const page = await browser.newPage();
      await page.goto(`${server.url}/docs/hooks/`);
      expect(await page.getAttribute('.VPNavBarTitle img', 'src')).toBe('/docs/hooks/logo.svg');
      expect(await page.title()).toContain('Acme hooks');
      await page.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('the installed package for other tools', () => {
  const consumer = [
    "import { check, createRunContext, defineConfig, generate, loadCatalog, type Change, type GenerateOptions, type LoadOptions } from 'hookcat';",
    "const options: GenerateOptions = { catalog: ['shop'], locale: ['en'], context: createRunContext() };",
    'const load: LoadOptions = {};',
    'export async function main(): Promise<readonly Change[]> {',
    "  defineConfig({ out: 'generated', site: { title: { en: 'Shop' } } });",
    "  await loadCatalog('catalog/shop', load);",
    '  await check();',
    '  return (await generate(options)).changes;',
    '}',
    '',
  ].join('\n');

  it.each([
    ['NodeNext', 'NodeNext', ['consumer.mts', 'consumer.cts']],
    ['Node16', 'Node16', ['consumer.mts']],
    ['ESNext', 'Bundler', ['consumer.ts']],
  ])('has declarations that compile without skipLibCheck: module %s, resolution %s, %j', async (module, resolution, files) => {
    const folder = path.join(project, 'consumers', resolution);
    await mkdir(folder, { recursive: true });
    for (const file of files) await writeFile(path.join(folder, file), consumer);
    const args = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--skipLibCheck', 'false', '--target', 'ES2022'];
    // hookcat is a Node.js package: its declarations use Node's types, as its users' projects have them.
    const types = ['--types', 'node', '--typeRoots', path.join(REPOSITORY, 'node_modules', '@types')];
    const result = await inProject(folder, TSC, [...args, ...types, '--module', module, '--moduleResolution', resolution, ...files]);
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('can be required from CommonJS', async () => {
    const result = await inProject(project, process.execPath, ['-e', "const h = require('hookcat'); console.log(typeof h.generate, typeof h.defineConfig)"]);
    expect(result).toEqual({ code: 0, output: 'function function\n' });
  });

  it('reads a hookcat.config.ts that imports defineConfig from it', async () => {
    const folder = path.join(project, 'ts-config');
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, 'hookcat.config.ts'),
      "import { defineConfig, type HookcatConfig } from 'hookcat';\nconst only: HookcatConfig['only'] = ['types'];\nexport default defineConfig({ catalogs: '../catalog', out: 'out', only });\n",
    );
    const result = await inProject(folder, 'npx', ['hookcat', 'generate']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(folder, 'out', catalogId, 'types.ts'))).toBe(true);
    expect(existsSync(path.join(folder, 'out', catalogId, 'openapi.yaml'))).toBe(false);
  });
});
