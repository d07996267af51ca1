/**
 * Finding a catalog's files and reading them (`src/catalog/files.ts`), on real folders made in a
 * temporary folder: which files are read and in what order, which links are followed, and the one
 * HC100 or HC108 line each problem gets. (An unreadable folder or file, and the process's file
 * handle limit, need a process of their own: `read-errors.test.ts`.)
 */
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeCatalogText,
  findCatalogFolders,
  isDirectory,
  isFile,
  listCatalogFiles,
  MAX_FILE_BYTES,
  readAdvice,
  readCatalogBytes,
} from '../../src/catalog/files.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hookcat-files-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes each file (path relative to `root`, `/` separators) with its text. */
async function tree(files: Readonly<Record<string, string>>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

/** Paths shown relative to `root`, as a display function the loader is given. */
const shown = (file: string): string => path.relative(root, file).split(path.sep).join('/') || '.';

describe('listCatalogFiles', () => {
  it('lists .yaml and .yml files (any case) in every folder, catalog.yaml first, then sorted by path', async () => {
    await tree({
      'catalog.yaml': '',
      'b.yaml': '',
      'a.YML': '',
      'z/deep/c.yaml': '',
      'events/x.yaml': '',
      'events/catalog.yaml': '',
      'notes.txt': '',
      yaml: '',
      'x.yaml.bak': '',
      '.hidden.yaml': '',
    });
    const listing = await listCatalogFiles(root, shown);
    expect(listing.files).toEqual(['catalog.yaml', '.hidden.yaml', 'a.YML', 'b.yaml', 'events/catalog.yaml', 'events/x.yaml', 'z/deep/c.yaml']);
    expect(listing.diagnostics).toEqual([]);
    expect(listing.listed).toBe(true);
  });

  it('says when the catalog folder itself could not be listed, beside its HC100', async () => {
    await tree({ 'catalog.yaml': '' });
    const listing = await listCatalogFiles(path.join(root, 'catalog.yaml'), shown);
    expect(listing).toMatchObject({ files: [], listed: false });
    expect(listing.diagnostics.map((d) => [d.code, d.message])).toEqual([['HC100', 'folder could not be read (ENOTDIR)']]);
  });

  it('sorts by code unit, not by locale (upper case before lower case)', async () => {
    await tree({ 'b.yaml': '', 'B.yaml': '', 'a.yaml': '', 'catalog.yaml': '' });
    expect((await listCatalogFiles(root, shown)).files).toEqual(['catalog.yaml', 'B.yaml', 'a.yaml', 'b.yaml']);
  });

  it('sorts by the whole path, not folder by folder', async () => {
    await tree({ 'catalog.yaml': '', 'a/z.yaml': '', 'a-b.yaml': '', 'a.yaml': '', 'a/b/c.yaml': '', 'a0.yaml': '' });
    expect((await listCatalogFiles(root, shown)).files).toEqual(['catalog.yaml', 'a-b.yaml', 'a.yaml', 'a/b/c.yaml', 'a/z.yaml', 'a0.yaml']);
  });

  it('reports links, and follows the first of several links to one folder, in UTF-16 code unit order, not in the order the folder lists them', async () => {
    // The folder itself sorts after both links.
    await tree({ 'catalog.yaml': '', '\u{1f601}shared/s.yaml': '' });
    for (const name of ['\uff41', '\u{1f600}']) {
      await symlink('/no/such/target.yaml', path.join(root, `${name}.yaml`));
      await symlink('\u{1f601}shared', path.join(root, `${name}-link`));
    }
    const listing = await listCatalogFiles(root, shown);
    expect(listing.diagnostics.map((d) => d.file)).toEqual(['\u{1f600}.yaml', '\uff41.yaml']);
    expect(listing.files).toEqual(['catalog.yaml', '\u{1f600}-link/s.yaml']);
  });

  it('leaves out folders whose name starts with a dot', async () => {
    await tree({ 'catalog.yaml': '', '.git/x.yaml': '', '.drafts/y.yaml': '', 'ok/z.yaml': '' });
    expect((await listCatalogFiles(root, shown)).files).toEqual(['catalog.yaml', 'ok/z.yaml']);
  });

  it('reads eight folders deep, not nine', async () => {
    const eight = 'a/b/c/d/e/f/g/h';
    await tree({ 'catalog.yaml': '', [`${eight}/in.yaml`]: '', [`${eight}/i/out.yaml`]: '' });
    expect((await listCatalogFiles(root, shown)).files).toEqual(['catalog.yaml', `${eight}/in.yaml`]);
  });

  it('follows a link to a file or folder inside the catalog folder, a folder once however many links lead to it', async () => {
    await tree({ 'catalog.yaml': '', 'shared/s.yaml': '', 'real.yaml': '' });
    await symlink('real.yaml', path.join(root, 'alias.yaml'));
    await symlink('shared', path.join(root, 'a-link'));
    await symlink('shared', path.join(root, 'b-link'));
    const listing = await listCatalogFiles(root, shown);
    expect(listing.files).toEqual(['catalog.yaml', 'a-link/s.yaml', 'alias.yaml', 'real.yaml']);
    expect(listing.diagnostics).toEqual([]);
  });

  it('refuses a link that leaves the catalog folder, and a link that leads nowhere: one HC100 each', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'hookcat-outside-'));
    try {
      await writeFile(path.join(outside, 'o.yaml'), '');
      await tree({ 'catalog.yaml': '', 'events/in.yaml': '' });
      await symlink(path.join(outside, 'o.yaml'), path.join(root, 'events', 'out.yaml'));
      await symlink(outside, path.join(root, 'elsewhere'));
      await symlink('no-such-file.yaml', path.join(root, 'dangling.yaml'));
      const listing = await listCatalogFiles(root, shown);
      expect(listing.files).toEqual(['catalog.yaml', 'events/in.yaml']);
      const outsideLink = {
        code: 'HC100',
        severity: 'error',
        line: 1,
        column: 1,
        message: 'this link points outside the catalog folder, hookcat does not follow it',
        hint: 'copy the file into the catalog folder',
        data: { file: 'link-outside' },
      };
      expect(listing.diagnostics).toEqual([
        { ...outsideLink, file: 'dangling.yaml' },
        { ...outsideLink, file: 'elsewhere' },
        { ...outsideLink, file: 'events/out.yaml' },
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('follows a link into a folder whose name starts with two dots: it is inside (though hidden, so not read itself)', async () => {
    await tree({ 'catalog.yaml': '', '..data/d.yaml': '' });
    await symlink('..data/d.yaml', path.join(root, 'link.yaml'));
    const listing = await listCatalogFiles(root, shown);
    expect(listing.files).toEqual(['catalog.yaml', 'link.yaml']);
    expect(listing.diagnostics).toEqual([]);
  });

  it('refuses a link to the folder above the catalog folder', async () => {
    await tree({ 'catalog.yaml': '' });
    await symlink('..', path.join(root, 'up'));
    const listing = await listCatalogFiles(root, shown);
    expect(listing.files).toEqual(['catalog.yaml']);
    expect(listing.diagnostics.map((d) => [d.code, d.file, d.data])).toEqual([['HC100', 'up', { file: 'link-outside' }]]);
  });

  it('does not take a sibling folder whose name starts with the catalog folder’s for the inside', async () => {
    const sibling = `${root}-more`;
    try {
      await mkdir(sibling);
      await writeFile(path.join(sibling, 's.yaml'), '');
      await tree({ 'catalog.yaml': '' });
      await symlink(sibling, path.join(root, 'sib'));
      const listing = await listCatalogFiles(root, shown);
      expect(listing.files).toEqual(['catalog.yaml']);
      expect(listing.diagnostics.map((d) => [d.file, d.data])).toEqual([['sib', { file: 'link-outside' }]]);
    } finally {
      await rm(sibling, { recursive: true, force: true });
    }
  });

  it('reports a link to a folder it is inside as a loop (HC108), once, and still lists the rest', async () => {
    await tree({ 'catalog.yaml': '', 'events/e.yaml': '' });
    await symlink('..', path.join(root, 'events', 'up'));
    await symlink('.', path.join(root, 'here'));
    const listing = await listCatalogFiles(root, shown);
    expect(listing.files).toEqual(['catalog.yaml', 'events/e.yaml']);
    const loop = {
      code: 'HC108',
      severity: 'error',
      line: 1,
      column: 1,
      message: 'this link leads back to a folder it is inside, a loop',
      hint: 'remove the link, or point it at a folder outside this one',
    };
    expect(listing.diagnostics).toEqual([
      { ...loop, file: 'events/up' },
      { ...loop, file: 'here' },
    ]);
  });

  it('lists the folder it was given through a link to it, links inside it read against its real path', async () => {
    await tree({ 'real/catalog.yaml': '', 'real/x.yaml': '' });
    await symlink('x.yaml', path.join(root, 'real', 'y.yaml'));
    await symlink('real', path.join(root, 'given'));
    const listing = await listCatalogFiles(path.join(root, 'given'), shown);
    expect(listing.files).toEqual(['catalog.yaml', 'x.yaml', 'y.yaml']);
    expect(listing.diagnostics).toEqual([]);
  });
});

describe('findCatalogFolders', () => {
  // libuv lists a folder in UTF-8 byte order, where U+FF41 comes before U+1F600; JavaScript's
  // sort (UTF-16 code units) puts U+1F600 first. The order must not depend on the listing.
  it('sorts the catalog folders by UTF-16 code units, not in the order the folder lists them', async () => {
    await tree({ '\uff41/catalog.yaml': '', '\u{1f600}/catalog.yaml': '', 'b/catalog.yaml': '' });
    expect(await findCatalogFolders(root)).toEqual(['b', '\u{1f600}', '\uff41'].map((name) => path.join(root, name)));
  });

  it('is the folder itself when it holds catalog.yaml', async () => {
    await tree({ 'catalog.yaml': '', 'sub/catalog.yaml': '' });
    expect(await findCatalogFolders(root)).toEqual([root]);
  });

  it('is else its subfolders that hold catalog.yaml, sorted, not deeper ones nor a catalog.yaml that is a folder', async () => {
    await tree({ 'b/catalog.yaml': '', 'a/catalog.yaml': '', 'c/x.yaml': '', 'd/deeper/catalog.yaml': '', 'e/catalog.yaml/x': '', 'f.yaml': '' });
    expect(await findCatalogFolders(root)).toEqual([path.join(root, 'a'), path.join(root, 'b')]);
  });

  it('is empty for a folder that does not exist', async () => {
    expect(await findCatalogFolders(path.join(root, 'missing'))).toEqual([]);
  });
});

describe('isFile and isDirectory', () => {
  it('tell a file, a folder and nothing apart', async () => {
    await tree({ 'f.yaml': '' });
    expect([await isFile(path.join(root, 'f.yaml')), await isFile(root), await isFile(path.join(root, 'no'))]).toEqual([true, false, false]);
    expect([await isDirectory(root), await isDirectory(path.join(root, 'f.yaml')), await isDirectory(path.join(root, 'no'))]).toEqual([true, false, false]);
  });
});

describe('readCatalogBytes', () => {
  it('reads a file’s bytes as they are', async () => {
    await writeFile(path.join(root, 'f.yaml'), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]));
    const read = await readCatalogBytes(path.join(root, 'f.yaml'), 'f.yaml');
    expect('bytes' in read && [...read.bytes]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0xff]);
  });

  it('says a missing file is missing', async () => {
    expect(await readCatalogBytes(path.join(root, 'no.yaml'), 'no.yaml')).toEqual({
      diagnostic: {
        code: 'HC100',
        severity: 'error',
        file: 'no.yaml',
        line: 1,
        column: 1,
        message: 'file not found',
        hint: 'check the path',
        data: { file: 'missing' },
      },
    });
  });

  it('reads a file of exactly the limit, and refuses one byte more without reading it', async () => {
    const file = path.join(root, 'big.yaml');
    await writeFile(file, '');
    await truncate(file, MAX_FILE_BYTES);
    const atLimit = await readCatalogBytes(file, 'big.yaml');
    expect('bytes' in atLimit && atLimit.bytes.length).toBe(MAX_FILE_BYTES);
    await truncate(file, MAX_FILE_BYTES + 1);
    expect(await readCatalogBytes(file, 'big.yaml')).toEqual({
      diagnostic: {
        code: 'HC100',
        severity: 'error',
        file: 'big.yaml',
        line: 1,
        column: 1,
        message: `file is ${MAX_FILE_BYTES + 1} bytes, more than the ${MAX_FILE_BYTES} bytes hookcat reads`,
        hint: 'split the catalog into several files',
        data: { file: 'too-large' },
      },
    });
  });

  it('says a folder where a file is expected could not be read, with its errno code', async () => {
    await mkdir(path.join(root, 'dir.yaml'));
    expect(await readCatalogBytes(path.join(root, 'dir.yaml'), 'dir.yaml')).toEqual({
      diagnostic: {
        code: 'HC100',
        severity: 'error',
        file: 'dir.yaml',
        line: 1,
        column: 1,
        message: 'file could not be read (EISDIR)',
        hint: 'a folder stands where hookcat reads a file; rename the folder',
        data: { file: 'unreadable' },
      },
    });
  });
});

describe('decodeCatalogText', () => {
  it('decodes UTF-8, dropping a leading byte order mark', () => {
    expect(decodeCatalogText(Buffer.from('\ufeffid: ä €', 'utf8'), 'f.yaml')).toEqual({ text: 'id: ä €' });
  });

  it('refuses bytes that are not UTF-8 (a lone Latin-1 byte, an encoded surrogate)', () => {
    const notUtf8 = {
      diagnostic: {
        code: 'HC100',
        severity: 'error',
        file: 'f.yaml',
        line: 1,
        column: 1,
        message: 'file is not valid UTF-8',
        hint: 'save the file as UTF-8 text',
        data: { file: 'not-utf8' },
      },
    };
    expect(decodeCatalogText(Buffer.from([0x61, 0xe4, 0x62]), 'f.yaml')).toEqual(notUtf8);
    expect(decodeCatalogText(Buffer.from([0xed, 0xa0, 0x80]), 'f.yaml')).toEqual(notUtf8);
  });
});

describe('readAdvice', () => {
  it('says what to do about a file or folder that could not be read, by errno code', () => {
    expect(['EACCES', 'EPERM', 'EMFILE', 'ENFILE', 'EIO', 'EISDIR', 'ENOSPC', 'error', 'toString'].map(readAdvice)).toEqual([
      'permission denied; make it readable for this user',
      'operation not permitted; make it readable for this user',
      'too many open files; raise the limit (ulimit -n), then run again',
      'too many open files on this system; close some programs, then run again',
      'the disk reported an input/output error; check the disk, then run again',
      'a folder stands where hookcat reads a file; rename the folder',
      'check that the file can be read',
      'check that the file can be read',
      'check that the file can be read',
    ]);
  });
});
