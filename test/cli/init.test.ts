/**
 * `hookcat init`: a starter catalog that validates with no warning (every text in every locale it
 * has starter texts in), editor modelines that reach the schema inside node_modules, a config file,
 * npm scripts and VitePress added to package.json without losing what the project has.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idFrom } from '../../src/init/run.js';
import { SCHEMA_IN_PACKAGE } from '../../src/init/starter.js';
import { loadCatalogs } from '../../src/load.js';
import { runCliIn } from '../support/cli-run.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(dir, file), 'utf8');

describe('hookcat init', () => {
  it('writes a starter catalog in English and Estonian that validates with no warning', async () => {
    await writeFile(path.join(dir, 'package.json'), '{\n    "name": "@acme/Order Hooks",\n    "scripts": { "docs:build": "make docs" }\n}\n');
    const run = await runCliIn(dir, 'init', '--locale', 'en,et', '--name', 'Acme');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('init: kept your npm script docs:build');
    const { catalogs, diagnostics } = await loadCatalogs([path.join(dir, 'catalog')]);
    expect(diagnostics).toEqual([]);
    expect(catalogs.map((c) => [c.id, c.locales, c.events.map((e) => e.key)])).toEqual([
      ['order-hooks', ['en', 'et'], ['order.created', 'order.paid', 'order.cancelled']],
    ]);
    expect(catalogs[0]!.title['et']?.text).toBe('Acme webhookid');
    const pkg = JSON.parse(await read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts).toMatchObject({ 'docs:build': 'make docs', 'catalog:generate': 'hookcat generate', 'docs:preview': 'hookcat site preview' });
    expect(Object.keys(pkg.devDependencies)).toEqual(['hookcat', 'vitepress']);
    expect(await read('package.json')).toMatch(/^\{\n {4}"name"/);
    expect(await read('hookcat.config.mjs')).toContain("import { defineConfig } from 'hookcat';");
    expect(await read('.gitignore')).toBe('node_modules/\ndocs-site/\n');
  });

  it('points each file at the catalog format schema inside node_modules', async () => {
    await runCliIn(dir, 'init', '--id', 'shop');
    for (const file of ['catalog/shop/catalog.yaml', 'catalog/shop/events/orders.yaml']) {
      const first = (await read(file)).split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(path.resolve(path.dirname(path.join(dir, file)), schema!)).toBe(path.join(dir, SCHEMA_IN_PACKAGE));
    }
    expect(SCHEMA_IN_PACKAGE.replace(/^node_modules\/hookcat\//, '')).toBe('src/catalog/schema.json');
  });

  it('leaves other locales to translate: each of their texts is a missing-translation warning', async () => {
    await runCliIn(dir, 'init', '--id', 'shop', '--locale', 'en,de');
    const { diagnostics } = await loadCatalogs([path.join(dir, 'catalog')]);
    // The catalog's, the category's and each event's title and description (the check's scope).
    expect(diagnostics).toHaveLength(10);
    expect(new Set(diagnostics.map((d) => `${d.severity} ${d.code}`))).toEqual(new Set(['warning HC305']));
  });

  it('refuses to overwrite starter files without --force, keeps an existing config, leaves VitePress out with --no-site', async () => {
    await writeFile(path.join(dir, 'hookcat.config.json'), '{}');
    expect((await runCliIn(dir, 'init', '--id', 'shop', '--no-site')).code).toBe(0);
    expect(JSON.parse(await read('package.json')).devDependencies).toEqual({ hookcat: expect.stringMatching(/^\^\d/) });
    const again = await runCliIn(dir, 'init', '--id', 'shop');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('hookcat: init: catalog/shop/catalog.yaml, catalog/shop/events/orders.yaml exist already; --force overwrites them\n');
    expect((await runCliIn(dir, 'init', '--id', 'shop', '--force')).code).toBe(0);
    expect(await read('.gitignore')).toBe('node_modules/\ndocs-site/\n');
    await expect(read('hookcat.config.mjs')).rejects.toThrow();
  });

  it('takes the BCP 47 tags the catalog format takes, written canonically, and refuses one that is no tag', async () => {
    expect((await runCliIn(dir, 'init', '--id', 'shop', '--locale', 'en,es-419,zh-hant-tw')).code).toBe(0);
    const { catalogs, diagnostics } = await loadCatalogs([path.join(dir, 'catalog')]);
    expect(catalogs.map((c) => c.locales)).toEqual([['en', 'es-419', 'zh-Hant-TW']]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const run = await runCliIn(dir, 'init', 'other', '--locale', 'en,xx-!!');
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toBe('hookcat: --locale xx-!!: a locale is a BCP 47 language tag such as en, pt-BR, es-419 or zh-Hant-TW\n');
  });

  it('names the catalog of a project called acme-webhooks "Acme webhooks", not "Acme webhooks webhooks"', async () => {
    await mkdir(path.join(dir, 'acme-webhooks'));
    expect((await runCliIn(dir, 'init', 'acme-webhooks')).code).toBe(0);
    expect(await read('acme-webhooks/catalog/acme-webhooks/catalog.yaml')).toMatch(/\n {4}en: Acme webhooks\n/);
  });

  it('writes into the folder given, and refuses a source locale it has no texts in', async () => {
    await mkdir(path.join(dir, 'sub'));
    expect((await runCliIn(dir, 'init', 'sub/project')).code).toBe(0);
    expect(await read('sub/project/catalog/project/catalog.yaml')).toContain('id: project');
    const run = await runCliIn(dir, 'init', 'other', '--locale', 'de,en');
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toMatch(/^hookcat: the starter texts are in en and et: put one of them first/);
  });

  it.each([
    ['{', /^hookcat: init: package\.json is not valid JSON \(.+\); fix it, then run init again\n$/],
    ['[]', /^hookcat: init: package\.json is not a JSON object; fix it, then run init again\n$/],
    ['null', /^hookcat: init: package\.json is not a JSON object/],
    ['"shop"', /^hookcat: init: package\.json is not a JSON object/],
    ['{"scripts": "build"}', /^hookcat: init: in package\.json, "scripts" must be an object; fix it, then run init again\n$/],
    ['{"devDependencies": [], "dependencies": 1}', /^hookcat: init: in package\.json, "dependencies" and "devDependencies" must be an object/],
  ])('refuses a package.json it cannot add to (%s) in one line, and writes nothing', async (text, message) => {
    await writeFile(path.join(dir, 'package.json'), text);
    const run = await runCliIn(dir, 'init', '--id', 'shop', '--no-site');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(await read('package.json')).toBe(text);
    await expect(read('catalog/shop/catalog.yaml')).rejects.toThrow(/ENOENT/);
  });

  it('reads a package.json that starts with a byte order mark, as npm does', async () => {
    await writeFile(path.join(dir, 'package.json'), '\uFEFF{"name": "shop", "scripts": {"test": "vitest"}}');
    expect((await runCliIn(dir, 'init', '--no-site')).code).toBe(0);
    expect(JSON.parse(await read('package.json')).scripts).toMatchObject({ test: 'vitest', 'catalog:generate': 'hookcat generate' });
  });

  it('reports a project folder it cannot make in one line', async () => {
    await writeFile(path.join(dir, 'taken'), 'a file');
    const run = await runCliIn(dir, 'init', 'taken/project', '--no-site');
    expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/^hookcat: init: cannot write taken\/project: .+ \((ENOTDIR|EEXIST)\)\n$/) });
  });

  it('reports a project file it cannot read or write in one line, with nothing written when it is found before', async () => {
    await mkdir(path.join(dir, '.gitignore'));
    const folder = await runCliIn(dir, 'init', '--id', 'shop', '--no-site');
    expect(folder).toMatchObject({ code: 2, stderr: 'hookcat: init: cannot read .gitignore: illegal operation on a directory, read (EISDIR)\n' });
    await expect(read('catalog/shop/catalog.yaml')).rejects.toThrow(/ENOENT/);
    await rm(path.join(dir, '.gitignore'), { recursive: true });
    await writeFile(path.join(dir, 'catalog'), 'a file where the catalogs folder goes');
    const file = await runCliIn(dir, 'init', '--id', 'shop', '--no-site');
    expect(file).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^hookcat: init: cannot write catalog\/shop\/catalog\.yaml: .+ \((ENOTDIR|EEXIST)\)\n$/),
    });
  });

  it.each([
    ['@acme/Order Hooks', 'order-hooks'],
    ['my_webhooks', 'my-webhooks'],
    ['2fast', 'fast'],
    ['---', undefined],
  ])('makes the id %s -> %s', (name, id) => {
    expect(idFrom(name)).toBe(id);
  });
});
