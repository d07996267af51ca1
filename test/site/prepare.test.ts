/**
 * Preparing the site's sources in a project (no VitePress run): the config's base, logo and
 * locales reach VitePress's config, the logo is copied, and a project without pages, a missing
 * logo or an output folder that would hold the project's own files are refused in one line.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, UsageError } from '../../src/generate.js';
import { normalizeBase, prepareSite } from '../../src/site/prepare.js';

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'hookcat-prepare-'));
  await cp('catalog/sezzle', path.join(project, 'catalog', 'sezzle'), { recursive: true });
  await writeFile(path.join(project, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('preparing the site', () => {
  it('refuses a project whose pages are not generated yet', async () => {
    await expect(prepareSite({ projectRoot: project })).rejects.toThrow(/no pages in generated\/ .*run `hookcat generate` first/);
  });

  it("writes VitePress's config from the site settings, and copies the logo and the downloads", async () => {
    await generate({ projectRoot: project, catalogs: path.join(project, 'catalog'), out: path.join(project, 'generated'), only: ['docs', 'openapi'] });
    const { site } = await prepareSite({ projectRoot: project, site: { base: 'docs', logo: 'logo.svg', locales: ['fr', 'en'], title: 'Sezzle' } });
    const config = JSON.parse(await readFile(path.join(project, '.hookcat', 'site', '.vitepress', 'site.json'), 'utf8')) as {
      base: string;
      outDir: string;
      themeConfig: { logo: string };
      locales: Record<string, { lang: string; title: string }>;
    };
    expect(config.base).toBe('/docs/');
    expect(config.outDir).toBe(path.join(project, 'docs-site'));
    expect(config.themeConfig.logo).toBe('/logo.svg');
    expect(Object.entries(config.locales).map(([key, l]) => [key, l.lang, l.title])).toEqual([
      ['root', 'fr', 'Sezzle'],
      ['en', 'en', 'Sezzle'],
    ]);
    const pages = path.join(project, '.hookcat', 'site', 'pages');
    expect((await stat(path.join(pages, 'public', 'logo.svg'))).isFile()).toBe(true);
    expect(await readFile(path.join(pages, 'public', 'downloads', 'sezzle', 'openapi.yaml'), 'utf8')).toBe(
      await readFile(path.join(project, 'generated', 'sezzle', 'openapi.yaml'), 'utf8'),
    );
    expect(site?.manifest.rootLocale).toBe('fr');
    expect(await readFile(path.join(project, '.hookcat', '.gitignore'), 'utf8')).toContain('\n*\n');
  });

  it('publishes only the pages generate wrote and owns: not one left after its event was removed, nor one dropped in by hand', async () => {
    const generated = path.join(project, 'generated');
    const pagesOf = async () => {
      await prepareSite({ projectRoot: project });
      const { readdir } = await import('node:fs/promises');
      return (await readdir(path.join(project, '.hookcat', 'site', 'pages', 'sezzle', 'events'))).sort();
    };
    const before = await pagesOf();
    const stray = path.join(generated, 'sezzle', 'en', 'events', 'stray.md');
    await writeFile(stray, '# Stray\n\n<script>alert(1)</script>\n');
    expect(await pagesOf()).toEqual(before);
    await rm(stray);
    await writeFile(path.join(generated, '.hookcat-manifest.json'), '<<<<<<< ours\n');
    await expect(prepareSite({ projectRoot: project })).rejects.toThrow(/cannot be read: it holds a merge conflict.*hookcat generate --force/);
    await generate({ projectRoot: project, catalogs: path.join(project, 'catalog'), out: generated, only: ['docs', 'openapi'], force: true });
  });

  it('refuses a missing logo and an output folder that is the project or holds its catalogs', async () => {
    await expect(prepareSite({ projectRoot: project, site: { logo: 'nope.svg' } })).rejects.toThrow('site.logo nope.svg: no such file in the project');
    for (const out of ['.', '..', 'catalog', 'catalog/x', '.hookcat'])
      await expect(prepareSite({ projectRoot: project, site: { out } }), out).rejects.toBeInstanceOf(UsageError);
    await mkdir(path.join(project, 'site-out'), { recursive: true });
    await expect(prepareSite({ projectRoot: project, site: { out: 'site-out' } })).resolves.toMatchObject({ diagnostics: [] });
  });

  it('writes the base VitePress wants, with a slash at both ends', () => {
    expect(['', '/', 'docs', '/docs', 'docs/', '//a/b//'].map(normalizeBase)).toEqual(['/', '/', '/docs/', '/docs/', '/docs/', '/a/b/']);
  });
});
