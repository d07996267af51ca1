/**
 * The registry of output formats (src/emit/index.ts): each name loads the emitter of that name,
 * an emitter that makes its files one at a time makes the files of `emit`, and a run without
 * `--only` makes every output but the package.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMITTER_NAMES, EMITTERS, loadEmitters } from '../../src/emit/index.js';
import { generate } from '../../src/generate.js';
import { loadTemplates } from '../../src/templates.js';
import { catalogDoc, writtenCatalog } from './json-schema/written-catalog.js';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the registry of emitters', () => {
  it('loads, for each entry, the emitter named as the entry, in registry order', async () => {
    const emitters = await loadEmitters(EMITTERS);
    expect(emitters.map((emitter) => emitter.name)).toEqual(EMITTERS.map((entry) => entry.name));
    expect(EMITTER_NAMES).toEqual(EMITTERS.map((entry) => entry.name));
    expect(new Set(EMITTER_NAMES).size).toBe(EMITTERS.length);
    // Some entries alone, in the order given.
    const [last, first] = await loadEmitters([EMITTERS.at(-1)!, EMITTERS[0]!]);
    expect([last!.name, first!.name]).toEqual([EMITTERS.at(-1)!.name, EMITTERS[0]!.name]);
  });

  it('emitters that make their files one at a time make the files of `emit`, in the same order', async () => {
    const catalog = await writtenCatalog(catalogDoc());
    const options = { templates: await loadTemplates() };
    const each = (await loadEmitters(EMITTERS)).filter((emitter) => emitter.emitEach !== undefined);
    expect(each.length).toBeGreaterThan(0);
    for (const emitter of each) {
      const files = [...emitter.emitEach!(catalog, options)];
      expect(files.length, emitter.name).toBeGreaterThan(0);
      expect(files, emitter.name).toEqual(emitter.emit(catalog, options));
    }
  });

  it('a run without --only writes every output of the registry but the package, which is made only when named', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-registry-'));
    roots.push(root);
    await mkdir(path.join(root, 'catalog', 'shop'), { recursive: true });
    await writeFile(path.join(root, 'catalog', 'shop', 'catalog.yaml'), JSON.stringify(catalogDoc()));
    const out = path.join(root, 'generated');
    const result = await generate({ catalogs: path.join(root, 'catalog'), out, projectRoot: root });
    expect(result.ok).toBe(true);
    const written = (await readdir(path.join(out, 'shop'))).sort();
    expect(written).toEqual(['en', 'et', 'openapi.json', 'openapi.yaml', 'runtime', 'runtime.ts', 'schemas', 'types.ts']);
    expect(await readdir(out)).toContain('index.ts');
    const limited = await generate({ catalogs: path.join(root, 'catalog'), out, projectRoot: root, only: ['package'] });
    expect(limited.ok).toBe(true);
    expect(await readdir(path.join(out, 'shop'))).toContain('package');
  });
});
