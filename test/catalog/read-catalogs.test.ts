/**
 * The read stage (`src/catalog/read-catalogs.ts`): which catalog folders a run finds at the paths
 * it is given, the HC105 line for a path that holds none, each file's bytes and digest in the
 * listing's order, and how paths are shown.
 */
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestOf, digestsOf, displayPath, READS_AT_ONCE, readCatalogFolder, readCatalogs } from '../../src/catalog/read-catalogs.js';

const RICH = path.resolve('test/fixtures/rich/catalog');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hookcat-reads-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

describe('displayPath', () => {
  it('is relative to the working folder inside it, with / separators', () => {
    expect(displayPath('/work/p/catalog/events/a.yaml', '/work/p')).toBe('catalog/events/a.yaml');
    expect(displayPath('catalog/x.yaml')).toBe('catalog/x.yaml');
  });

  it('is absolute outside it, also for a sibling whose name starts with the working folder’s', () => {
    expect(displayPath('/work/other/a.yaml', '/work/p')).toBe('/work/other/a.yaml');
    expect(displayPath('/work/p-more/a.yaml', '/work/p')).toBe('/work/p-more/a.yaml');
    expect(displayPath('/work/..p/a.yaml', '/work')).toBe('..p/a.yaml');
  });

  it('is empty for the working folder itself', () => {
    expect(displayPath('/work/p', '/work/p')).toBe('');
  });
});

describe('readCatalogFolder', () => {
  it('reads every file of the listing in its order, each with the SHA-256 of its bytes', async () => {
    const read = await readCatalogFolder(RICH);
    expect(read.folder).toBe(RICH);
    expect(read.diagnostics).toEqual([]);
    expect(read.files.map((f) => f.relative)).toEqual(['catalog.yaml', 'events/members.yaml', 'events/posts.yaml']);
    for (const file of read.files) {
      const bytes = await readFile(path.join(RICH, file.relative));
      expect(file.shown).toBe(displayPath(path.join(RICH, file.relative)));
      expect('bytes' in file.result && file.result.bytes.equals(bytes)).toBe(true);
      expect(file.digest).toBe(sha256(bytes));
    }
    expect(digestOf(Buffer.from('abc'))).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });

  it(`keeps the listing's order when there are more files than are read at once (${READS_AT_ONCE})`, async () => {
    const catalog = path.join(root, 'many');
    await cp(RICH, catalog, { recursive: true });
    const names = Array.from({ length: READS_AT_ONCE * 3 + 1 }, (_, i) => `part-${String(i).padStart(3, '0')}.yaml`);
    for (const [i, name] of names.entries()) await writeFile(path.join(catalog, name), `# ${i}\n${'x'.repeat((i * 7919) % 5000)}\n`);
    const read = await readCatalogFolder(catalog);
    expect(read.files.map((f) => f.relative)).toEqual(['catalog.yaml', 'events/members.yaml', 'events/posts.yaml', ...names]);
    for (const file of read.files) expect(file.digest).toBe(sha256(await readFile(path.join(catalog, file.relative))));
  });

  it('gives a file that could not be read its diagnostic and an empty digest, and reads the rest', async () => {
    const catalog = path.join(root, 'c');
    await cp(RICH, catalog, { recursive: true });
    await writeFile(path.join(catalog, 'big.yaml'), '');
    await truncate(path.join(catalog, 'big.yaml'), 8 * 1024 * 1024 + 1);
    const read = await readCatalogFolder(catalog);
    const big = read.files.find((f) => f.relative === 'big.yaml');
    expect(big?.digest).toBe('');
    expect(big && 'diagnostic' in big.result && big.result.diagnostic.data).toEqual({ file: 'too-large' });
    expect(read.files.filter((f) => f.digest !== '')).toHaveLength(3);
  });

  it('is HC105 for a path that is not a folder, and for a folder without catalog.yaml (with what the listing found)', async () => {
    await writeFile(path.join(root, 'file.yaml'), '');
    const file = await readCatalogFolder(path.join(root, 'file.yaml'));
    expect(file.files).toEqual([]);
    expect(file.diagnostics).toEqual([
      {
        code: 'HC105',
        severity: 'error',
        file: displayPath(path.join(root, 'file.yaml')),
        line: 1,
        column: 1,
        message: `${displayPath(path.join(root, 'file.yaml'))} is not a folder`,
        hint: 'give a catalog folder',
      },
    ]);
    const folder = path.join(root, 'no-catalog');
    await mkdir(folder);
    await writeFile(path.join(folder, 'events.yaml'), '');
    await symlink('/', path.join(folder, 'out'));
    const read = await readCatalogFolder(folder);
    expect(read.files).toEqual([]);
    expect(read.diagnostics.map((d) => [d.code, d.file, d.message, d.hint])).toEqual([
      [
        'HC100',
        displayPath(path.join(folder, 'out')),
        'this link points outside the catalog folder, hookcat does not follow it',
        'copy the file into the catalog folder',
      ],
      [
        'HC105',
        displayPath(folder),
        `${displayPath(folder)} is not a catalog folder: it has no catalog.yaml`,
        'create catalog.yaml with a `catalog:` block, or point hookcat at the right folder',
      ],
    ]);
  });

  it('is HC105 for a folder with no YAML file, beside what the listing found there', async () => {
    await symlink('/', path.join(root, 'out'));
    const read = await readCatalogFolder(root);
    expect(read.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['HC100', displayPath(path.join(root, 'out'))],
      ['HC105', displayPath(root)],
    ]);
  });

  it('is HC105 for a folder with nothing in it (no listing problem to show instead)', async () => {
    const read = await readCatalogFolder(root);
    expect(read.diagnostics.map((d) => [d.code, d.file])).toEqual([['HC105', displayPath(root)]]);
  });

  it('keeps what the listing found beside the files (a loop)', async () => {
    const catalog = path.join(root, 'c');
    await cp(RICH, catalog, { recursive: true });
    await symlink('..', path.join(catalog, 'events', 'up'));
    const read = await readCatalogFolder(catalog);
    expect(read.files).toHaveLength(3);
    expect(read.diagnostics.map((d) => [d.code, d.file])).toEqual([['HC108', displayPath(path.join(catalog, 'events', 'up'))]]);
  });
});

describe('readCatalogs', () => {
  it('reads a catalog folder, or each catalog of a folder of catalogs, in the order given and found', async () => {
    await cp(RICH, path.join(root, 'b'), { recursive: true });
    await cp(RICH, path.join(root, 'a'), { recursive: true });
    const reads = await readCatalogs([RICH, root]);
    expect(reads.diagnostics).toEqual([]);
    expect(reads.folders.map((f) => f.folder)).toEqual([RICH, path.join(root, 'a'), path.join(root, 'b')]);
    expect(reads.folders.every((f) => f.files.length === 3)).toBe(true);
    expect(digestsOf(reads)).toEqual(reads.folders.map((f) => ({ folder: f.folder, files: f.files.map((x) => ({ relative: x.relative, digest: x.digest })) })));
    expect(digestsOf(reads)[1]?.files[0]).toEqual({ relative: 'catalog.yaml', digest: sha256(await readFile(path.join(RICH, 'catalog.yaml'))) });
  });

  it('is one HC105 for a path that is not a folder, and one for a folder with no catalog, and goes on with the next path', async () => {
    await writeFile(path.join(root, 'f'), '');
    await mkdir(path.join(root, 'empty'));
    const reads = await readCatalogs([path.join(root, 'f'), path.join(root, 'missing'), path.join(root, 'empty'), RICH]);
    expect(reads.folders.map((f) => f.folder)).toEqual([RICH]);
    const hc105 = (file: string, message: string, hint: string) => ({
      code: 'HC105',
      severity: 'error',
      file: displayPath(file),
      line: 1,
      column: 1,
      message,
      hint,
    });
    expect(reads.diagnostics).toEqual([
      hc105(path.join(root, 'f'), `${displayPath(path.join(root, 'f'))} is not a folder`, 'give a catalog folder or a folder of catalogs'),
      hc105(path.join(root, 'missing'), `${displayPath(path.join(root, 'missing'))} is not a folder`, 'give a catalog folder or a folder of catalogs'),
      hc105(path.join(root, 'empty'), `no catalog found in ${displayPath(path.join(root, 'empty'))}`, 'a catalog is a folder with a catalog.yaml'),
    ]);
  });

  // Root reads it anyway; as root, test/catalog/read-errors.test.ts runs the same case as another user.
  it.skipIf(process.getuid?.() === 0)('is one line for a catalog folder that may be entered but not listed', async () => {
    const catalog = path.join(root, 'c');
    await cp(RICH, catalog, { recursive: true });
    await chmod(catalog, 0o311);
    try {
      const reads = await readCatalogs([catalog]);
      expect(reads.folders.flatMap((f) => f.diagnostics).map((d) => [d.code, d.data])).toEqual([['HC100', { file: 'unreadable' }]]);
    } finally {
      await chmod(catalog, 0o755);
    }
  });
});
