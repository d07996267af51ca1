/**
 * The config file: `hookcat.config.{ts,mjs,js,json}` read to the same settings, `defineConfig`
 * from TypeScript, one file only, and every wrong key named with a "did you mean".
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read.js';
import { closestName } from '../../src/did-you-mean.js';
import { UsageError } from '../../src/generate.js';
import { runCliIn, STACK_LINE } from '../support/cli-run.js';

const SETTINGS = { catalogs: 'catalogs', out: 'out', catalog: ['shop'], locale: ['en'], site: { title: { en: 'Shop', pl: 'Sklep' }, base: '/docs/' } };
const DEFINE = path.resolve('src/config/define.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hookcat-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config files', () => {
  it.each([
    ['hookcat.config.json', JSON.stringify(SETTINGS)],
    ['hookcat.config.mjs', `export default ${JSON.stringify(SETTINGS)};`],
    ['hookcat.config.js', `export default ${JSON.stringify(SETTINGS)};`],
    [
      'hookcat.config.ts',
      `import { defineConfig, type HookcatConfig } from ${JSON.stringify(DEFINE)};\nconst settings: HookcatConfig = ${JSON.stringify(SETTINGS)};\nexport default defineConfig(settings);`,
    ],
  ])('reads %s', async (name, text) => {
    // A folder of its own with a package.json, so that `.js` is ESM as in a project of "type": "module".
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(path.join(dir, name), text);
    expect(await readConfig(undefined, dir)).toEqual({ config: SETTINGS, file: name });
  });

  it('reads no file when there is none, and refuses a named file that is missing', async () => {
    expect(await readConfig(undefined, dir)).toEqual({ config: {}, file: undefined });
    await expect(readConfig('nope.json', dir)).rejects.toThrow(/config file nope\.json not found/);
  });

  it('refuses two config files', async () => {
    await writeFile(path.join(dir, 'hookcat.config.json'), '{}');
    await writeFile(path.join(dir, 'hookcat.config.mjs'), 'export default {};');
    await expect(readConfig(undefined, dir)).rejects.toThrow('found hookcat.config.mjs and hookcat.config.json: keep one config file');
  });

  it('names every wrong key, with the setting it was likely meant to be', async () => {
    await writeFile(
      path.join(dir, 'hookcat.config.json'),
      JSON.stringify({ outDir: 'x', locales: ['en'], catalog: 'shop', site: { titel: 'x', base: 3 }, colour: true }),
    );
    const error = await readConfig(undefined, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.split('; ')).toEqual([
      'config file hookcat.config.json: `outDir` is not a setting',
      'did you mean `out`?',
      '`locales` is not a setting',
      'did you mean `locale`?',
      '`catalog` must be a list of strings',
      '`site.titel` is not a setting',
      'did you mean `site.title`?',
      '`site.base` must be a string',
      '`colour` is not a setting',
      'the settings are catalogs, out, templates, catalog, only, locale, cache, site',
    ]);
  });

  it('reports a config file that throws as one line', async () => {
    await writeFile(path.join(dir, 'hookcat.config.mjs'), "throw new Error('boom');");
    await expect(readConfig(undefined, dir)).rejects.toThrow(/could not be loaded: boom$/);
  });

  it("lets validate check the config's catalogs folder when no path is given", async () => {
    await cp('test/fixtures/errors/unknown-category/catalog', path.join(dir, 'hooks', 'shop'), { recursive: true });
    await writeFile(path.join(dir, 'hookcat.config.json'), '{ "catalogs": "hooks" }');
    const run = await runCliIn(dir, 'validate');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hooks\/shop\/catalog\.yaml:\d+:\d+ {2}error {2}HC301 /m);
  });

  it('makes a wrong key a usage error of the CLI, exit 2 without a stack trace', async () => {
    await writeFile(path.join(dir, 'hookcat.config.json'), '{ "outDir": "x" }');
    const run = await runCliIn(dir, 'generate');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hookcat: config file hookcat.config.json: `outDir` is not a setting; did you mean `out`?\n');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('did you mean', () => {
  it.each([
    ['outDir', 'out'],
    ['ouput', 'out'],
    ['locales', 'locale'],
    ['catalogIds', 'catalog'],
    ['templatesDir', 'templates'],
    ['Catalogs', 'catalogs'],
    ['colour', undefined],
    ['x', undefined],
  ])('%s -> %s', (name, meant) => {
    expect(closestName(name, ['catalogs', 'out', 'templates', 'catalog', 'only', 'locale', 'site'])).toBe(meant);
  });
});
