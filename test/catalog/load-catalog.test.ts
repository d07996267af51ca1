/**
 * The loader's entry points (`src/catalog/load-catalog.ts`, `validate.ts`, `file-cache.ts`) on real
 * folders: the stages reported, which checks a file that could not be read holds back, what a
 * run context keeps (by folder, by file and by the path a file is shown at), the records of an
 * earlier process, the HC204 line for a catalog id used twice, and a check that throws (HC900).
 */
import { cp, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckMemory } from '../../src/catalog/checks/check.js';
import { FileCache } from '../../src/catalog/file-cache.js';
import { MAX_FILE_BYTES } from '../../src/catalog/files.js';
import type { KeptRecords } from '../../src/catalog/kept-records.js';
import { checkCatalogFolder, type LoaderMemory, type LoadStage, loadCatalogSource, loadCatalogSources } from '../../src/catalog/load-catalog.js';
import { displayPath, readCatalogFolder } from '../../src/catalog/read-catalogs.js';
import type { CatalogSource } from '../../src/catalog/source.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import type { WrittenCatalogFile } from '../../src/catalog/written-file.js';
import { yamlText } from '../../src/import/write-yaml.js';
import { parse as parseYaml } from 'yaml';

const RICH = path.resolve('test/fixtures/rich/catalog');
let root: string;
let rich: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hookcat-load-'));
  rich = path.join(root, 'rich');
  await cp(RICH, rich, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const memory = (): LoaderMemory => ({ files: new FileCache(), checks: new CheckMemory() });
const codes = (diagnostics: readonly { code: string; file: string }[]) => diagnostics.map((d) => `${d.code} ${path.relative(root, path.resolve(d.file))}`);

/** Records kept in a map, with the keys looked up and the keys kept. */
function records(): KeptRecords & { map: Map<string, string>; found: string[]; kept: string[] } {
  const map = new Map<string, string>();
  const found: string[] = [];
  const kept: string[] = [];
  return {
    map,
    found,
    kept,
    find: (key) => {
      found.push(key);
      return map.get(key);
    },
    keep: (key, record) => {
      kept.push(key);
      map.set(key, record);
    },
  };
}

describe('loadCatalogSource', () => {
  it('checks a good catalog, and reports each stage it ran once, in order', async () => {
    const stages: LoadStage[] = [];
    const result = await loadCatalogSource(rich, {
      timings: (stage, ms) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        stages.push(stage);
      },
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.source?.metadata?.value.id).toBe('rich');
    expect(result.source?.files.map((f) => f.relativePath)).toEqual(['catalog.yaml', 'events/members.yaml', 'events/posts.yaml']);
    expect(stages).toEqual(['read', 'parse', 'format', 'checks']);
    expect(result.read.folder).toBe(rich);
    expect(result.read.files.map((f) => f.relative)).toEqual(['catalog.yaml', 'events/members.yaml', 'events/posts.yaml']);
    expect(result.read.files.every((f) => f.digest.length === 44)).toBe(true);
  });

  it('parses nothing again when loaded again with the same memory, also by another spelling of the folder', async () => {
    const kept = memory();
    const first = await loadCatalogSource(rich, { memory: kept });
    const stages: LoadStage[] = [];
    const again = await loadCatalogSource(path.relative(process.cwd(), rich) || '.', { memory: kept, timings: (stage) => stages.push(stage) });
    expect(stages).toEqual(['read', 'checks']);
    again.source?.files.forEach((file, i) => expect(file).toBe(first.source?.files[i]));
  });

  it('parses the edited file again and keeps the others', async () => {
    const kept = memory();
    const first = await loadCatalogSource(rich, { memory: kept });
    const posts = path.join(rich, 'events', 'posts.yaml');
    await writeFile(posts, `${await readFile(posts, 'utf8')}\n# edited\n`);
    const again = await loadCatalogSource(rich, { memory: kept });
    expect(again.source?.files[0]).toBe(first.source?.files[0]);
    expect(again.source?.files[1]).toBe(first.source?.files[1]);
    expect(again.source?.files[2]).not.toBe(first.source?.files[2]);
    expect(again.source?.files[2]?.text).toMatch(/# edited\n$/);
  });

  it('gives no source, and only what the read found, for a folder without catalog.yaml', async () => {
    await rm(path.join(rich, 'catalog.yaml'));
    const result = await loadCatalogSource(rich);
    expect(result.source).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual(['HC105 rich']);
  });

  it('holds back the checks that need every file when a file could not be read, or the listing found a problem', async () => {
    // posts.yaml uses what members.yaml declares; members.yaml is not UTF-8.
    const members = path.join(rich, 'events', 'members.yaml');
    await writeFile(members, Buffer.concat([await readFile(members), Buffer.from([0xff])]));
    const unreadable = await loadCatalogSource(rich);
    expect(unreadable.source).toBeUndefined();
    expect(codes(unreadable.diagnostics)).toEqual([`HC100 ${path.join('rich', 'events', 'members.yaml')}`]);

    await cp(RICH, rich, { recursive: true });
    await symlink('..', path.join(rich, 'events', 'up'));
    await writeFile(
      path.join(rich, 'events', 'posts.yaml'),
      (await readFile(path.join(RICH, 'events', 'posts.yaml'), 'utf8')).replace(/category: (\S+)/, 'category: no-such-category'),
    );
    const looped = await loadCatalogSource(rich);
    expect(looped.source).toBeUndefined();
    expect(codes(looped.diagnostics.filter((d) => d.severity === 'error'))).toEqual([`HC108 ${path.join('rich', 'events', 'up')}`]);
  });

  it('reports a file that does not parse with its syntax error only, and a file nested too deep with that only', async () => {
    await writeFile(path.join(rich, 'events', 'broken.yaml'), 'events:\n  - key: [a\n');
    const deep = Array.from({ length: 110 }, (_, i) => `${'  '.repeat(i)}l${i}:`).join('\n');
    await writeFile(path.join(rich, 'events', 'deep.yaml'), `schemas:\n  S:\n${deep.replace(/^/gm, '    ')} end\n`);
    const result = await loadCatalogSource(rich);
    expect(codes(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual([
      `HC101 ${path.join('rich', 'events', 'broken.yaml')}`,
      `HC104 ${path.join('rich', 'events', 'deep.yaml')}`,
    ]);
  });

  it('reports a file too large to read with that line only, and holds back the checks that need every file', async () => {
    const big = path.join(rich, 'events', 'big.yaml');
    await writeFile(big, '');
    await truncate(big, MAX_FILE_BYTES + 1);
    const result = await loadCatalogSource(rich);
    expect(result.source).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.data])).toEqual([['HC100', { file: 'too-large' }]]);
  });

  it('holds back the checks that need every file when a file fails its format check, and still reports that file', async () => {
    await writeFile(path.join(rich, 'events', 'members.yaml'), 'events: 7\n');
    const result = await loadCatalogSource(rich);
    expect(result.source).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual([`HC202 ${path.join('rich', 'events', 'members.yaml')}`]);
  });

  it('reports a file that fails its format check again from memory, at the path it is shown at now', async () => {
    await writeFile(path.join(rich, 'events', 'members.yaml'), 'events: 7\n');
    const kept = memory();
    const read = await readCatalogFolder(rich);
    const first = checkCatalogFolder(read, { memory: kept });
    const again = checkCatalogFolder(read, { memory: kept });
    expect(again.diagnostics).toEqual(first.diagnostics);
    const moved = { ...read, files: read.files.map((f) => ({ ...f, shown: `elsewhere/${f.relative}` })) };
    const shownElsewhere = checkCatalogFolder(moved, { memory: kept });
    expect(shownElsewhere.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['HC202 elsewhere/events/members.yaml']);
  });
});

describe('the records of an earlier process', () => {
  it('keeps a record of every file that parsed without a word, restores from them, and makes none again', async () => {
    await writeFile(path.join(rich, 'events', 'broken.yaml'), 'events: 7\n');
    const kept = records();
    const first = await loadCatalogSource(rich, { kept });
    const fileKeys = kept.kept.filter((key) => key.startsWith('catalog file\0'));
    expect(fileKeys.map((key) => key.split('\0').at(-1))).toEqual(['catalog.yaml', 'events/members.yaml', 'events/posts.yaml']);
    const digests = new Map(first.read.files.map((f) => [f.relative, f.digest]));
    for (const key of fileKeys) {
      const [, digest, shown, relative] = key.split('\0');
      expect(digest).toBe(digests.get(relative!));
      expect(shown).toBe(displayPath(path.join(rich, relative!)));
    }

    const later = records();
    for (const key of fileKeys) later.map.set(key, kept.map.get(key)!);
    const stages: LoadStage[] = [];
    const again = await loadCatalogSource(rich, { kept: later, timings: (stage) => stages.push(stage) });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(later.kept.filter((key) => key.startsWith('catalog file\0'))).toEqual([]);
    expect(later.found.filter((key) => key.startsWith('catalog file\0'))).toHaveLength(4);
    // Restoring is parsing's stage; no file but broken.yaml is format-checked again.
    expect(stages).toContain('parse');
  });

  it('looks each file up in the records even when the run context holds it, so the next cache keeps it', async () => {
    const kept = memory();
    await loadCatalogSource(rich, { memory: kept, kept: records() });
    const later = records();
    const stages: LoadStage[] = [];
    await loadCatalogSource(rich, { memory: kept, kept: later, timings: (stage) => stages.push(stage) });
    expect(later.found.filter((key) => key.startsWith('catalog file\0')).map((key) => key.split('\0').at(-1))).toEqual([
      'catalog.yaml',
      'events/members.yaml',
      'events/posts.yaml',
    ]);
    expect(stages).not.toContain('parse');
  });

  it('keeps no record of a file that is not UTF-8, nor of one with a YAML alias, and reports them as a load without records does', async () => {
    await writeFile(path.join(rich, 'events', 'bytes.yaml'), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    await writeFile(path.join(rich, 'events', 'alias.yaml'), 'schemas:\n  A: &a\n    type: string\n  B: *a\n');
    const plain = await loadCatalogSource(rich);
    const kept = records();
    const withRecords = await loadCatalogSource(rich, { kept });
    expect(withRecords.diagnostics).toEqual(plain.diagnostics);
    expect(codes(withRecords.diagnostics.filter((d) => d.severity === 'error'))).toEqual([`HC100 ${path.join('rich', 'events', 'bytes.yaml')}`]);
    expect(kept.kept.filter((key) => key.startsWith('catalog file\0')).map((key) => key.split('\0').at(-1))).toEqual([
      'catalog.yaml',
      'events/members.yaml',
      'events/posts.yaml',
    ]);
  });

  it('parses a file whose record does not restore', async () => {
    const kept = records();
    const first = await loadCatalogSource(rich, { kept });
    const damaged = records();
    for (const [key, record] of kept.map) damaged.map.set(key, key.startsWith('catalog file\0') ? record.slice(0, 20) : record);
    const again = await loadCatalogSource(rich, { kept: damaged });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(again.source?.files.map((f) => f.data)).toEqual(first.source?.files.map((f) => f.data));
  });
});

describe('files this process has just written', () => {
  /** The rich fixture's file of posts, as written by the import's writer, with its data. */
  async function writeEvents(data: { events: Record<string, unknown>[] }): Promise<Map<string, WrittenCatalogFile>> {
    const file = path.join(rich, 'events', 'posts.yaml');
    const written = yamlText(data, 'written');
    await writeFile(file, written.text);
    return new Map([[file, written]]);
  }
  const richEvents = async (): Promise<{ events: Record<string, unknown>[] }> =>
    parseYaml(await readFile(path.join(RICH, 'events', 'posts.yaml'), 'utf8')) as { events: Record<string, unknown>[] };

  it('are taken with the data they were written from while their bytes are the ones written', async () => {
    const data = await richEvents();
    const written = await writeEvents(data);
    const parsed = await loadCatalogSource(rich);
    const taken = await loadCatalogSource(rich, { written });
    expect(taken.diagnostics).toEqual(parsed.diagnostics);
    expect(taken.source?.events.map((e) => e.value)).toEqual(parsed.source?.events.map((e) => e.value));
    // The data, not a parse of the text: data that says otherwise shows in the source.
    const [first] = written.values();
    const other = { text: first!.text, data: { ...data, events: data.events.map((e) => ({ ...e, since: '9.9.9' })) } };
    const trusted = await loadCatalogSource(rich, { written: new Map([[[...written.keys()][0]!, other]]) });
    expect(trusted.source?.events.filter((e) => e.file.relativePath === 'events/posts.yaml').map((e) => e.value.since)).toEqual(data.events.map(() => '9.9.9'));
  });

  it('are parsed once they changed on disk, or when their data would not read back the same', async () => {
    const data = await richEvents();
    const written = await writeEvents(data);
    const file = [...written.keys()][0]!;
    const changed = { text: written.get(file)!.text, data: { ...data, events: data.events.map((e) => ({ ...e, since: '9.9.9' })) } };
    await writeFile(file, `${changed.text}\n`);
    const edited = await loadCatalogSource(rich, { written: new Map([[file, changed]]) });
    expect(edited.source?.events.some((e) => e.value.since === '9.9.9')).toBe(false);
    const merge = { text: changed.text, data: { ...changed.data, events: changed.data.events.map((e) => ({ '<<': {}, ...e })) } };
    await writeFile(file, merge.text);
    const refused = await loadCatalogSource(rich, { written: new Map([[file, merge]]) });
    expect(refused.source?.events.some((e) => e.value.since === '9.9.9')).toBe(false);
    // Without the `<<` key, the same data is taken.
    const taken = await loadCatalogSource(rich, { written: new Map([[file, changed]]) });
    expect(taken.source?.events.some((e) => e.value.since === '9.9.9')).toBe(true);
  });
});

describe('loadCatalogSources', () => {
  it('refuses a catalog id used twice with HC204 at the second catalog.yaml, naming the first folder, and keeps the first', async () => {
    await cp(RICH, path.join(root, 'again'), { recursive: true });
    await cp(RICH, path.join(root, 'zz-third'), { recursive: true });
    const stages: LoadStage[] = [];
    const result = await loadCatalogSources([root], { timings: (stage) => stages.push(stage) });
    expect(result.sources.map((s) => s.folder)).toEqual([path.join(root, 'again')]);
    expect(result.read.map((r) => r.folder)).toEqual([path.join(root, 'again'), rich, path.join(root, 'zz-third')]);
    const hc204 = result.diagnostics.filter((d) => d.code === 'HC204');
    expect(hc204).toEqual(
      ['rich', 'zz-third'].map((name) => ({
        code: 'HC204',
        severity: 'error',
        file: displayPath(path.join(root, name, 'catalog.yaml')),
        line: 1,
        column: 1,
        message: `catalog id \`rich\` is also used by ${displayPath(path.join(root, 'again'))}`,
        hint: 'give each catalog its own id',
      })),
    );
    expect(stages[0]).toBe('read');
  });

  it('keeps the sources of good catalogs beside one with errors, and what the paths given hold', async () => {
    const other = path.join(root, 'other');
    await cp(RICH, other, { recursive: true });
    await writeFile(path.join(other, 'catalog.yaml'), (await readFile(path.join(other, 'catalog.yaml'), 'utf8')).replace('id: rich', 'id: other'));
    await writeFile(path.join(rich, 'events', 'members.yaml'), 'events: 7\n');
    const result = await loadCatalogSources([root, path.join(root, 'missing')]);
    expect(result.sources.map((s) => s.metadata?.value.id)).toEqual(['other']);
    expect(codes(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['HC105 missing', `HC202 ${path.join('rich', 'events', 'members.yaml')}`]);
  });
});

describe('validateCatalog', () => {
  it('reports a check that throws as HC900 naming the check, at the first file or else the folder, and runs the other checks', () => {
    const broken = { folder: 'cat', files: [{ displayPath: 'cat/catalog.yaml' }] } as unknown as CatalogSource;
    const found = validateCatalog(broken, new CheckMemory());
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((d) => d.code === 'HC900' && d.severity === 'error' && d.file === 'cat/catalog.yaml' && d.line === 1 && d.column === 1)).toBe(true);
    expect(found[0]).toEqual({
      code: 'HC900',
      severity: 'error',
      file: 'cat/catalog.yaml',
      line: 1,
      column: 1,
      message: "internal error in checkUnicodeText: Cannot read properties of undefined (reading 'includes')",
      hint: 'please report this with the catalog that caused it',
    });
    const names = found.map((d) => /internal error in (\w+):/.exec(d.message)?.[1]);
    expect(new Set(names).size).toBe(found.length);
    const noFiles = validateCatalog({ folder: 'cat', files: [] } as unknown as CatalogSource, new CheckMemory());
    expect(noFiles.length).toBeGreaterThan(0);
    expect(noFiles.every((d) => d.code === 'HC900' && d.file === 'cat')).toBe(true);
  });
});
