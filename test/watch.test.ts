import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../src/generate.js';
import { watchCatalogs, type Watcher } from '../src/watch.js';

let root: string | undefined;
let watcher: Watcher | undefined;

afterEach(async () => {
  await watcher?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Collects runs and lets a test wait for the next one. */
function runRecorder() {
  const runs: (GenerateResult | Error)[] = [];
  let wake: (() => void) | undefined;
  const onRun = (result: GenerateResult | Error): void => {
    runs.push(result);
    wake?.();
  };
  /** The first run (from the oldest not yet taken) that satisfies `wanted`; file events may
   * arrive in more than one burst, so one edit can cause more than one run. */
  let taken = 0;
  const next = async (wanted: (run: GenerateResult) => boolean): Promise<GenerateResult> => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      while (taken < runs.length) {
        const run = runs[taken++]!;
        if (run instanceof Error) throw run;
        if (wanted(run)) return run;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
    throw new Error('no such run within 20 s');
  };
  return { onRun, next };
}

/** A project with the rich catalog, watched (types only); resolves after the first good run. */
async function startWatching(catalogsOnly = false) {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-watch-'));
  const catalogs = path.join(root, 'catalog');
  await cp('test/fixtures/rich/catalog', path.join(catalogs, 'rich'), { recursive: true });
  const out = path.join(root, 'generated');
  const recorder = runRecorder();
  watcher = watchCatalogs({ catalogs, out, projectRoot: root, only: ['types'], debounceMs: 50, ...(catalogsOnly && { folders: [catalogs] }) }, recorder.onRun);
  await recorder.next((run) => run.ok);
  return { catalogs, types: path.join(out, 'rich', 'types.ts'), next: recorder.next };
}

/** Sets the catalog's version in `catalogFile`: every output changes. */
async function setVersion(catalogFile: string, version: string): Promise<void> {
  await writeFile(catalogFile, (await readFile(catalogFile, 'utf8')).replace(/^(\s*)version: .*$/m, `$1version: '${version}'`));
}

describe('generate --watch', () => {
  it('regenerates after a change, and keeps the last good output after a broken edit', async () => {
    const { catalogs, types, next } = await startWatching(true);
    const catalogFile = path.join(catalogs, 'rich', 'catalog.yaml');
    const original = await readFile(catalogFile, 'utf8');

    await writeFile(catalogFile, original.replace(/^(\s*)version: .*$/m, "$1version: '7.7'"));
    await next((run) => run.ok && run.changes.length > 0);
    const good = await readFile(types, 'utf8');
    expect(good).toContain('catalog rich 7.7');

    await writeFile(catalogFile, original.replace(/^(\s*)version: .*$/m, '$1version: [broken'));
    const broken = await next((run) => !run.ok);
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('catalog.yaml'))).toBe(true);
    expect(await readFile(types, 'utf8')).toBe(good);
  });

  it('goes on seeing a file that was replaced by a rename (sed -i, git checkout, safe writes), then edited in place', async () => {
    const { catalogs, types, next } = await startWatching(true);
    const catalogFile = path.join(catalogs, 'rich', 'catalog.yaml');
    const original = await readFile(catalogFile, 'utf8');
    const replaced = `${catalogFile}.tmp`;
    await writeFile(replaced, original.replace(/^(\s*)version: .*$/m, "$1version: '5.5'"));
    await rename(replaced, catalogFile);
    await next((run) => run.ok && run.changes.some((c) => c.path === 'rich/types.ts'));
    expect(await readFile(types, 'utf8')).toContain('catalog rich 5.5');
    await setVersion(catalogFile, '6.6');
    await next((run) => run.ok && run.changes.some((c) => c.path === 'rich/types.ts'));
    expect(await readFile(types, 'utf8')).toContain('catalog rich 6.6');
  });

  it('keeps working when a catalog folder is renamed', async () => {
    const { catalogs, types, next } = await startWatching();
    await rename(path.join(catalogs, 'rich'), path.join(catalogs, 'renamed'));
    await next((run) => run.ok);
    await setVersion(path.join(catalogs, 'renamed', 'catalog.yaml'), '7.7');
    await next((run) => run.ok && run.changes.some((c) => c.path === 'rich/types.ts'));
    expect(await readFile(types, 'utf8')).toContain('catalog rich 7.7');
  });

  it('keeps working when the catalogs folder is deleted and made again', async () => {
    const { catalogs, types, next } = await startWatching();
    const good = await readFile(types, 'utf8');
    await rm(catalogs, { recursive: true });
    await next((run) => !run.ok);
    expect(await readFile(types, 'utf8')).toBe(good);
    await cp('test/fixtures/rich/catalog', path.join(catalogs, 'rich'), { recursive: true });
    const catalogFile = path.join(catalogs, 'rich', 'catalog.yaml');
    await setVersion(catalogFile, '8.8');
    await next((run) => run.ok && run.changes.some((c) => c.path === 'rich/types.ts'));
    expect(await readFile(types, 'utf8')).toContain('catalog rich 8.8');
    // And goes on watching the new folder.
    await setVersion(catalogFile, '9.9');
    await next((run) => run.ok && run.changes.some((c) => c.path === 'rich/types.ts'));
    expect(await readFile(types, 'utf8')).toContain('catalog rich 9.9');
  });
});
