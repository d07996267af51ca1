/**
 * The output session on its own (`src/write/session.ts`): what a run reports as changed and in
 * which order, what the next manifest lists, when a check says the manifest itself would change,
 * what a commit or an abort leaves in the folder, what the run context's record of known files
 * keeps, and how a failure to stage a file is reported (on the main thread and on the staging
 * thread alike).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemError } from '../../src/write/fs-error.js';
import { KEPT_CONTENTS, type KnownFiles, WrittenFolders } from '../../src/write/known-files.js';
import { hashOf, MANIFEST_FILE, type Manifest } from '../../src/write/manifest.js';
import { OutputSession, type OwnedFile } from '../../src/write/session.js';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-session-'));
  out = path.join(root, 'out');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const fingerprints = { code: 'code', inputs: 'inputs' };
const everything = (): boolean => true;

function file(relative: string, contents = `${relative}\n`, emitter = 'types', catalog = 'shop'): OwnedFile {
  return { path: relative, contents, catalog, emitter };
}

function entry(contents: string, emitter = 'types', catalog = 'shop'): Manifest['files'][string] {
  return { sha256: hashOf(contents), catalog, emitter };
}

function session(previous: Manifest | undefined, options: { check?: boolean; keep?: boolean; known?: KnownFiles } = {}): OutputSession {
  return new OutputSession(out, previous, { check: options.check ?? false, known: options.known ?? new WrittenFolders().of(out), keep: options.keep ?? false });
}

/** Writes `files` into the output folder with a manifest listing them, as a finished run leaves it. */
async function written(files: readonly OwnedFile[]): Promise<Manifest> {
  const manifest: Manifest = { generator: 'hookcat', files: {} };
  const listed: Record<string, Manifest['files'][string]> = {};
  for (const f of files) {
    await mkdir(path.dirname(path.join(out, f.path)), { recursive: true });
    await writeFile(path.join(out, f.path), f.contents);
    listed[f.path] = entry(f.contents, f.emitter, f.catalog);
  }
  await writeFile(path.join(out, MANIFEST_FILE), JSON.stringify({ ...manifest, files: listed }));
  return { ...manifest, files: listed };
}

describe('a session adding files', () => {
  it('refuses two outputs that write the same path, naming both', async () => {
    const s = session(undefined, { check: true });
    await s.add([file('shop/types.ts')]);
    await expect(s.add([file('shop/types.ts', 'other', 'openapi')])).rejects.toThrow('two outputs write shop/types.ts (types and openapi)');
  });

  it('reports added and changed files in the order given, unchanged ones only counted', async () => {
    const previous = await written([file('b.txt'), file('a.txt', 'old\n')]);
    const s = session(previous);
    await s.add([file('c.txt'), file('b.txt'), file('a.txt')]);
    const plan = await s.plan(everything, fingerprints);
    expect(plan.changes).toEqual([
      { path: 'c.txt', kind: 'added' },
      { path: 'a.txt', kind: 'changed' },
    ]);
    expect(plan.unchanged).toBe(1);
    await s.abort();
  });
});

describe('the plan', () => {
  it('lists removed files after the others, sorted by path, however the old manifest ordered them', async () => {
    const previous = await written([file('z.txt'), file('kept.txt'), file('m/b.txt'), file('a.txt'), file('m/a.txt')]);
    const s = session(previous);
    await s.add([file('new.txt'), file('kept.txt')]);
    const plan = await s.plan(everything, fingerprints);
    expect(plan.changes).toEqual([
      { path: 'new.txt', kind: 'added' },
      { path: 'a.txt', kind: 'removed' },
      { path: 'm/a.txt', kind: 'removed' },
      { path: 'm/b.txt', kind: 'removed' },
      { path: 'z.txt', kind: 'removed' },
    ]);
    expect(Object.keys(plan.manifest.files)).toEqual(['kept.txt', 'new.txt']);
    await s.abort();
  });

  it('keeps what is out of scope in the next manifest, in path order, and removes only what is in scope', async () => {
    const previous = await written([file('other/z.txt', 'z\n', 'docs', 'other'), file('shop/gone.txt'), file('other/a.txt', 'a\n', 'docs', 'other')]);
    const s = session(previous);
    await s.add([file('shop/types.ts')]);
    const plan = await s.plan((_, e) => e.catalog === 'shop', fingerprints);
    expect(plan.changes).toEqual([
      { path: 'shop/types.ts', kind: 'added' },
      { path: 'shop/gone.txt', kind: 'removed' },
    ]);
    expect(plan.manifest.files).toEqual({
      'other/a.txt': entry('a\n', 'docs', 'other'),
      'other/z.txt': entry('z\n', 'docs', 'other'),
      'shop/types.ts': entry('shop/types.ts\n'),
    });
    expect(Object.keys(plan.manifest.files)).toEqual(['other/a.txt', 'other/z.txt', 'shop/types.ts']);
    expect(plan.manifest).toMatchObject({ generator: 'hookcat', code: 'code' });
    expect(plan.manifest.inputs).toMatch(/^[0-9a-f]{64}$/);
    await s.abort();
  });
});

describe('a check', () => {
  const files = [file('a.txt'), file('b.txt', 'b\n', 'openapi')];

  async function manifestChange(previous: Manifest | undefined): Promise<readonly { path: string; kind: string }[]> {
    const s = session(previous, { check: true });
    await s.add(files);
    return (await s.plan(everything, fingerprints)).changes.filter((c) => c.path === MANIFEST_FILE);
  }

  it('writes nothing, not even a staging folder', async () => {
    const s = session(undefined, { check: true });
    await s.add(files);
    expect((await s.plan(everything, fingerprints)).changes.map((c) => c.kind)).toEqual(['added', 'added', 'added']);
    expect(existsSync(out)).toBe(false);
    await expect(s.commit(await s.plan(everything, fingerprints))).rejects.toThrow('a check writes nothing');
  });

  it('reports the manifest as added when there is none, and not at all when it lists the same files', async () => {
    expect(await manifestChange(undefined)).toEqual([{ path: MANIFEST_FILE, kind: 'added' }]);
    const same = await written(files);
    expect(await manifestChange(same)).toEqual([]);
    // The order of the old manifest's keys does not matter.
    expect(await manifestChange({ ...same, files: { 'b.txt': same.files['b.txt']!, 'a.txt': same.files['a.txt']! } })).toEqual([]);
  });

  it('reports the manifest as changed when a hash, an owner or the list of files differs', async () => {
    const same = await written(files);
    const a = same.files['a.txt']!;
    for (const changed of [
      { ...same.files, 'a.txt': { ...a, sha256: hashOf('other') } },
      { ...same.files, 'a.txt': { ...a, catalog: 'other' } },
      { ...same.files, 'a.txt': { ...a, emitter: 'docs' } },
      { 'a.txt': a },
      { ...same.files, 'c.txt': a },
    ]) {
      expect(await manifestChange({ ...same, files: changed })).toEqual([{ path: MANIFEST_FILE, kind: 'changed' }]);
    }
  });
});

describe('a commit', () => {
  it('with nothing to move, writes the manifest and leaves no staging folder', async () => {
    const s = session(undefined);
    await s.add([]);
    await s.commit(await s.plan(everything, fingerprints));
    expect(readdirSync(out)).toEqual([MANIFEST_FILE]);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ generator: 'hookcat', code: 'code', files: {} });
  });

  it('moves new files in, removes what is no longer produced and writes the manifest', async () => {
    const previous = await written([file('gone.txt'), file('same.txt')]);
    const s = session(previous);
    await s.add([file('same.txt'), file('deep/new.txt', 'new\n')]);
    await s.commit(await s.plan(everything, fingerprints));
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'deep', 'same.txt']);
    expect(await readFile(path.join(out, 'deep/new.txt'), 'utf8')).toBe('new\n');
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(Object.keys(manifest.files)).toEqual(['deep/new.txt', 'same.txt']);
  });

  it('when keeping, records what it wrote (small files with their contents) and forgets what it removed', async () => {
    const known = new WrittenFolders().of(out);
    const large = 'x'.repeat(KEPT_CONTENTS + 1);
    const first = session(undefined, { keep: true, known });
    await first.add([file('small.txt', 'small\n'), file('large.txt', large), file('gone.txt')]);
    await first.commit(await first.plan(everything, fingerprints));
    expect(known.get('small.txt')).toMatchObject({ sha256: hashOf('small\n'), contents: 'small\n', size: 6 });
    expect(known.get('large.txt')).toMatchObject({ sha256: hashOf(large), contents: undefined, size: large.length });
    expect(known.get('gone.txt')).toBeDefined();

    const previous = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    const second = session(previous, { keep: true, known });
    await second.add([file('small.txt', 'small\n'), file('large.txt', large)]);
    const plan = await second.plan(everything, fingerprints);
    expect(plan.changes).toEqual([{ path: 'gone.txt', kind: 'removed' }]);
    expect(plan.unchanged).toBe(2);
    await second.commit(plan);
    expect(known.get('gone.txt')).toBeUndefined();
    expect(known.get('small.txt')).toBeDefined();
  });

  it('when not keeping, forgets what it wrote', async () => {
    const known = new WrittenFolders().of(out);
    const keeping = session(undefined, { keep: true, known });
    await keeping.add([file('a.txt')]);
    await keeping.commit(await keeping.plan(everything, fingerprints));
    expect(known.get('a.txt')).toBeDefined();

    const previous = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    const s = session(previous, { keep: false, known });
    await s.add([file('a.txt', 'changed\n')]);
    await s.commit(await s.plan(everything, fingerprints));
    expect(known.get('a.txt')).toBeUndefined();
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('changed\n');
  });
});

describe('an abort', () => {
  it('removes the staging folder, and the output folder when the run made it', async () => {
    const s = session(undefined);
    await s.add([file('a.txt')]);
    expect(readdirSync(out)).toHaveLength(1);
    await s.abort();
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an output folder that was there before as it was', async () => {
    await written([file('a.txt')]);
    const s = session(undefined);
    await s.add([file('a.txt', 'changed\n'), file('b.txt')]);
    await s.abort();
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'a.txt']);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('a.txt\n');
  });
});

describe('a file that cannot be staged', () => {
  /** `count` files, the one at `failing` under `blocked/`, a file where its folder should be. */
  function files(count: number, failing: number): OwnedFile[] {
    return Array.from({ length: count }, (_, i) => file(i === failing ? 'blocked/x.txt' : `f/${String(i).padStart(3, '0')}.txt`));
  }

  for (const [where, failing] of [
    ['on the main thread', 3],
    ['on the staging thread', 300],
  ] as const) {
    it(`is reported with its errno and the output file, not the staged copy (${where})`, async () => {
      await mkdir(out, { recursive: true });
      // The staged copy goes under `<staging>/new/blocked/`: a file named `blocked` there blocks it.
      const s = session(undefined);
      const list = files(400, failing);
      await s.add([]);
      const staging = readdirSync(out).find((n) => n.startsWith('.hookcat-staging-'))!;
      await writeFile(path.join(out, staging, 'new', 'blocked'), 'a file\n');
      const failure = await s
        .add(list)
        .then(() => s.plan(everything, fingerprints))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(failure).toBeInstanceOf(FileSystemError);
      expect((failure as FileSystemError).code).toBe('ENOTDIR');
      expect((failure as FileSystemError).path).toBe(path.join(out, 'blocked/x.txt'));
      await s.abort();
      expect(readdirSync(out)).toEqual([]);
    });
  }
});
