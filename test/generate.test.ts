import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emitter } from '../src/emit/emitter.js';
import { markdownEmitter } from '../src/emit/markdown.js';
import { typescriptEmitter } from '../src/emit/typescript.js';
import { generate, type GenerateOptions } from '../src/generate.js';
import { createRunContext } from '../src/run-context.js';
import { MANIFEST_FILE, OutputFolderError } from '../src/write.js';

const FIXTURE = path.resolve('test/fixtures/rich/catalog');

let root: string;
let options: GenerateOptions;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-generate-'));
  await cp(FIXTURE, path.join(root, 'catalog', 'rich'), { recursive: true });
  options = { catalogs: path.join(root, 'catalog'), out: path.join(root, 'generated'), projectRoot: root };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under `dir` with its contents, to compare whole trees. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) await walk(child);
      else files[child] = await readFile(path.join(dir, child), 'utf8');
    }
  };
  await walk('');
  return files;
}

describe('generate', () => {
  it('writes every output, and a second run changes nothing', async () => {
    const first = await generate(options);
    expect(first.ok).toBe(true);
    expect(first.changes.length).toBeGreaterThan(0);
    expect(first.changes.every((c) => c.kind === 'added')).toBe(true);
    const before = await snapshot(options.out!);
    expect(Object.keys(before)).toContain(MANIFEST_FILE);
    const second = await generate(options);
    expect(second.changes).toEqual([]);
    expect(await snapshot(options.out!)).toEqual(before);
  });

  it('--check passes when current and writes nothing', async () => {
    await generate(options);
    const before = await snapshot(options.out!);
    const result = await generate({ ...options, check: true });
    expect(result.ok).toBe(true);
    expect(await snapshot(options.out!)).toEqual(before);
  });

  it('--check fails on a stale, a missing and an extra file, and names each', async () => {
    const written = await generate(options);
    const [stale, missing] = written.changes.map((c) => c.path);
    await writeFile(path.join(options.out!, stale!), 'edited by hand\n');
    await rm(path.join(options.out!, missing!));
    const manifestPath = path.join(options.out!, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.files['rich/old-output.json'] = { sha256: 'x', catalog: 'rich', emitter: 'schemas' };
    await writeFile(path.join(options.out!, 'rich/old-output.json'), '{}\n');
    await writeFile(manifestPath, JSON.stringify(manifest));
    const before = await snapshot(options.out!);
    const result = await generate({ ...options, check: true });
    expect(result.ok).toBe(false);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { path: stale, kind: 'changed' },
        { path: missing, kind: 'added' },
        { path: 'rich/old-output.json', kind: 'removed' },
      ]),
    );
    expect(await snapshot(options.out!)).toEqual(before);
  });

  it('leaves the output byte-identical when a catalog error appears', async () => {
    await generate(options);
    const before = await snapshot(options.out!);
    const events = path.join(root, 'catalog', 'rich', 'events');
    const last = (await readdir(events)).sort().pop()!;
    // The catalog metadata changes (every output would change), and the last file breaks:
    // nothing at all may be written.
    const catalogFile = path.join(root, 'catalog', 'rich', 'catalog.yaml');
    await writeFile(catalogFile, (await readFile(catalogFile, 'utf8')).replace(/^(\s*)version: .*$/m, "$1version: '9.9'"));
    await writeFile(path.join(events, last), `${await readFile(path.join(events, last), 'utf8')}\n  - key: Not A Key\n`);
    const result = await generate(options);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(await snapshot(options.out!)).toEqual(before);
  });

  it('leaves the output byte-identical, with no staging folder, when an emitter fails after others were staged', async () => {
    await generate(options);
    const catalogFile = path.join(root, 'catalog', 'rich', 'catalog.yaml');
    await writeFile(catalogFile, (await readFile(catalogFile, 'utf8')).replace(/^(\s*)version: .*$/m, "$1version: '9.9'"));
    const before = await snapshot(options.out!);
    // The pages come last: types, schemas and openapi have been staged when this throws.
    const failing = vi.spyOn(markdownEmitter as Required<Emitter>, 'emitEach').mockImplementation(() => {
      throw new Error('emitter failed');
    });
    try {
      await expect(generate(options)).rejects.toThrow('emitter failed');
    } finally {
      failing.mockRestore();
    }
    expect(await snapshot(options.out!)).toEqual(before);
  });

  it('removes a staging folder that a killed run left behind', async () => {
    await generate(options);
    const abandoned = path.join(options.out!, '.hookcat-staging-999999999');
    await mkdir(abandoned);
    await writeFile(path.join(abandoned, '0'), 'half a file');
    await generate(options);
    expect((await readdir(options.out!)).filter((e) => e.startsWith('.hookcat-staging'))).toEqual([]);
  });

  it('finds a file edited by hand between two runs of the same process, even at the same size', async () => {
    await generate(options);
    const target = path.join(options.out!, 'rich', 'types.ts');
    const original = await readFile(target, 'utf8');
    const edited = original.replace('Generated', 'Gen-rated');
    expect(edited.length).toBe(original.length);
    await writeFile(target, edited);
    const check = await generate({ ...options, check: true });
    expect(check.changes).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
    const repaired = await generate(options);
    expect(repaired.changes).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
    expect(await readFile(target, 'utf8')).toBe(original);
  });

  it('finds a file edited by hand between two runs that share a run context (watch mode), by mtime, size or inode', async () => {
    const withContext = { ...options, context: createRunContext() };
    await generate(withContext);
    const target = path.join(options.out!, 'rich', 'types.ts');
    const original = await readFile(target, 'utf8');
    const sameSize = original.replace('Generated', 'Gen-rated');
    // A whole second, so the time set back after an edit is exactly the one the context recorded.
    const recorded = 1_700_000_000;
    // Each edit keeps what the others change: the same size and mtime on a new inode, the same
    // inode and mtime at another size, the same inode and size at another mtime.
    const edits: [string, () => Promise<void>][] = [
      [
        'inode',
        async () => {
          await writeFile(`${target}.new`, sameSize);
          await rename(`${target}.new`, target);
          await utimes(target, recorded, recorded);
        },
      ],
      [
        'size',
        async () => {
          await writeFile(target, `${original} `);
          await utimes(target, recorded, recorded);
        },
      ],
      [
        'mtime',
        async () => {
          await writeFile(target, sameSize);
          await utimes(target, recorded, recorded + 5);
        },
      ],
    ];
    for (const [what, edit] of edits) {
      await utimes(target, recorded, recorded);
      expect((await generate(withContext)).changes, what).toEqual([]);
      await edit();
      expect((await generate({ ...withContext, check: true })).changes, what).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
      expect((await generate(withContext)).changes, what).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
      expect(await readFile(target, 'utf8')).toBe(original);
    }
  });

  it('with the inputs of the last full run, verifies the files against the manifest without emitting', async () => {
    await generate(options);
    const emit = vi.spyOn(typescriptEmitter, 'emit');
    try {
      const check = await generate({ ...options, check: true });
      expect(check.ok).toBe(true);
      expect(check.timings.map((t) => t.stage)).toContain('verify');
      expect(emit).not.toHaveBeenCalled();
      await writeFile(path.join(options.out!, 'rich', 'types.ts'), 'edited by hand\n');
      const stale = await generate({ ...options, check: true });
      expect(stale.changes).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
      expect(emit).not.toHaveBeenCalled();
      // With --force, a check emits every output.
      expect((await generate({ ...options, check: true, force: true })).changes).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
      expect(emit).toHaveBeenCalledTimes(1);
      emit.mockClear();
      // A write emits again and repairs the file.
      expect((await generate(options)).changes).toEqual([{ path: 'rich/types.ts', kind: 'changed' }]);
      expect(emit).toHaveBeenCalled();
    } finally {
      emit.mockRestore();
    }
  });

  it('emits again when a catalog file changes, or when the last run was limited to other outputs', async () => {
    await generate(options);
    const events = path.join(root, 'catalog', 'rich', 'events');
    const first = (await readdir(events)).sort()[0]!;
    await writeFile(path.join(events, first), `${await readFile(path.join(events, first), 'utf8')}\n# a comment changes the inputs\n`);
    const emit = vi.spyOn(typescriptEmitter, 'emit');
    try {
      expect((await generate({ ...options, check: true })).ok).toBe(true);
      expect(emit).toHaveBeenCalledTimes(1);
      await generate(options);
      await generate({ ...options, only: ['types'] });
      emit.mockClear();
      expect((await generate({ ...options, only: ['types'], check: true })).ok).toBe(true);
      expect(emit).not.toHaveBeenCalled();
      expect((await generate({ ...options, check: true })).ok).toBe(true);
      expect(emit).toHaveBeenCalledTimes(1);
    } finally {
      emit.mockRestore();
    }
  });

  it('rewrites only changed files: unchanged files keep their mtime', async () => {
    await generate(options);
    const out = options.out!;
    const files = Object.keys(await snapshot(out)).filter((f) => f !== MANIFEST_FILE);
    const old = new Date('2001-01-01T00:00:00Z');
    for (const f of files) await utimes(path.join(out, f), old, old);
    const result = await generate(options);
    expect(result.changes).toEqual([]);
    for (const f of files) expect((await stat(path.join(out, f))).mtime.getTime()).toBe(old.getTime());
  });

  it('removes files no catalog produces any more, but never a file it did not write', async () => {
    await generate(options);
    const out = options.out!;
    await writeFile(path.join(out, 'rich', 'NOTES.md'), 'mine\n');
    await writeFile(path.join(out, 'keep.txt'), 'mine too\n');
    await rm(path.join(root, 'catalog', 'rich'), { recursive: true });
    await cp(FIXTURE, path.join(root, 'catalog', 'renamed'), { recursive: true });
    const catalogFile = path.join(root, 'catalog', 'renamed', 'catalog.yaml');
    await writeFile(catalogFile, (await readFile(catalogFile, 'utf8')).replace(/^(\s*)id: rich$/m, '$1id: renamed'));
    const result = await generate(options);
    expect(result.ok).toBe(true);
    expect(result.changes.some((c) => c.kind === 'removed')).toBe(true);
    const after = await snapshot(out);
    expect(after['rich/NOTES.md']).toBe('mine\n');
    expect(after['keep.txt']).toBe('mine too\n');
    expect(Object.keys(after).filter((f) => f.startsWith('rich/'))).toEqual(['rich/NOTES.md']);
  });

  it('refuses an output folder outside the project, or one with foreign files', async () => {
    await expect(generate({ ...options, out: path.join(root, '..', 'elsewhere') })).rejects.toThrow(OutputFolderError);
    const foreign = path.join(root, 'docs');
    await cp(FIXTURE, foreign, { recursive: true });
    await expect(generate({ ...options, out: foreign })).rejects.toThrow(/did not write/);
  });

  it('--check with nothing changed only reads and hashes: no parser, validator, emitter or emitter library is loaded', async () => {
    // Each run in a process of its own, which reports the modules it loaded.
    const script = path.resolve('test/write/support/loaded-packages.ts');
    type Loaded = { ok: boolean; stages: string[]; sources: string[]; packages: string[] };
    const runInProcess = async (extra: object): Promise<Loaded> => {
      const { stdout } = await promisify(execFile)(process.execPath, [
        '--import',
        import.meta.resolve('tsx'),
        script,
        JSON.stringify({ ...options, ...extra }),
      ]);
      return JSON.parse(stdout) as Loaded;
    };
    const emitterModules = ['src/emit/typescript.ts', 'src/emit/json-schema.ts', 'src/emit/openapi.ts', 'src/emit/markdown.ts'];
    // Nor the parser and the validator: the catalogs are read and hashed, not parsed.
    const libraries = ['ts-morph', 'code-block-writer', 'handlebars', 'remark', 'unified', 'yaml', 'ajv', 're2js'];
    const written = await runInProcess({});
    expect(written.ok).toBe(true);
    expect(written.sources).toEqual(expect.arrayContaining(emitterModules));
    expect(written.packages).toEqual(expect.arrayContaining(['handlebars', 'code-block-writer']));
    const checked = await runInProcess({ check: true });
    expect(checked.ok).toBe(true);
    expect(checked.stages).toContain('verify');
    expect(checked.stages.filter((stage) => ['load:parse', 'load:checks', 'load:model'].includes(stage))).toEqual([]);
    expect(checked.sources.filter((s) => s.startsWith('src/emit/') && s !== 'src/emit/index.ts')).toEqual([]);
    expect(checked.packages.filter((p) => libraries.includes(p))).toEqual([]);
  });

  it('the CLI loads no parser, validator or emitter library for `generate --check` with nothing changed, nor for --version', async () => {
    const script = path.resolve('test/write/support/loaded-packages.ts');
    const runCli = async (...argv: string[]): Promise<{ ok: boolean; packages: string[]; sources: string[] }> => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), script, 'cli', ...argv], { cwd: root });
      return JSON.parse(stdout.slice(stdout.lastIndexOf('\nLOADED ') + '\nLOADED '.length)) as { ok: boolean; packages: string[]; sources: string[] };
    };
    expect((await generate(options)).ok).toBe(true);
    const heavy = ['ts-morph', 'code-block-writer', 'handlebars', 'remark', 'unified', 'yaml', 'ajv', 'ajv-formats', 're2js', 'vitepress'];
    const checked = await runCli('generate', '--check', '--catalogs', 'catalog', '--out', 'generated');
    expect(checked.ok).toBe(true);
    expect(checked.packages.filter((p) => heavy.includes(p))).toEqual([]);
    expect(checked.sources.filter((s) => s.startsWith('src/catalog/') && s !== 'src/catalog/read-catalogs.ts' && s !== 'src/catalog/files.ts')).toEqual([]);
    const version = await runCli('--version');
    // tsx and esbuild run the sources here; the built CLI has neither.
    expect(version.packages.filter((p) => p !== 'tsx' && p !== 'esbuild')).toEqual(['commander']);
  });
});
