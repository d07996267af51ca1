/** `hookcat diff --attach`: the changes land under the version, nothing else in the file moves, and a rerun changes nothing. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../../src/load.js';
import type { Change } from '../../../src/history/diff/change.js';
import { AttachError, attachToSource } from '../../../src/history/diff/attach.js';
import { runCli } from '../run-cli.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/history/diff/', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hookcat-attach-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SOURCE = `catalog:
  id: x
  versions:
    - version: '1.0'
      date: '2024-01-01' # first
    # between
    - version: '2.0'
      date: '2025-01-01'
      notes:
        en: Second.
  title: T
`;
const change: Change = { level: 'breaking', rule: 'event.removed', catalog: 'x', subject: 'a.b', path: '', message: 'event `a.b` was removed' };

describe('attachToSource', () => {
  it('adds `changes:` at the end of the version entry and leaves every other line', () => {
    const result = attachToSource(SOURCE, '1.0', [change]);
    expect(result).toBe(
      SOURCE.replace(
        '# first\n',
        '# first\n      changes:\n        - { level: breaking, rule: event.removed, subject: a.b, path: "", message: event `a.b` was removed }\n',
      ),
    );
    expect(attachToSource(result, '1.0', [change])).toBe(result);
    expect(parse(attachToSource(result, '1.0', [])).catalog.versions[0].changes).toEqual([]);
  });

  it('refuses a version that is not declared', () => {
    expect(() => attachToSource(SOURCE, '3.0', [change])).toThrow(AttachError);
  });
});

describe('hookcat diff --attach', () => {
  it('records the changes of a real diff under the version, and the catalog still loads with them', async () => {
    const catalogs = path.join(scratch, 'after');
    cpSync(path.join(FIXTURES, 'payload.property.removed', 'after'), catalogs, { recursive: true });
    const file = path.join(catalogs, 'hist', 'catalog.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  title: History fixture\n',
        '  title: History fixture\n  versions:\n    - version: "1.0"\n      date: "2025-01-01"\n',
      ),
    );
    const run = await runCli('diff', '--from', path.join(FIXTURES, 'payload.property.removed', 'before'), '--catalogs', catalogs, '--attach', '1.0');
    expect(run.code).toBe(0);
    const { catalog, diagnostics } = await loadCatalog(path.join(catalogs, 'hist'));
    expect(diagnostics).toEqual([]);
    expect(catalog?.versions?.[0]?.changes).toEqual([
      { level: 'breaking', rule: 'payload.property.removed', subject: 'order.created', path: '/properties/note', message: 'field `note` was removed' },
    ]);
    const text = readFileSync(path.join(catalogs, 'hist', 'catalog.yaml'), 'utf8');
    expect((await runCli('diff', '--from', path.join(FIXTURES, 'payload.property.removed', 'before'), '--catalogs', catalogs, '--attach', '1.0')).code).toBe(0);
    expect(readFileSync(path.join(catalogs, 'hist', 'catalog.yaml'), 'utf8')).toBe(text);
  });

  it('refuses --to with --attach, and a version no catalog declares (exit 2, one line)', async () => {
    const before = path.join(FIXTURES, 'event.added', 'before');
    const withTo = await runCli('diff', '--from', before, '--to', before, '--attach', '1.0');
    expect(withTo.code).toBe(2);
    const catalogs = path.join(scratch, 'undeclared');
    cpSync(path.join(FIXTURES, 'event.added', 'after'), catalogs, { recursive: true });
    const undeclared = await runCli('diff', '--from', before, '--catalogs', catalogs, '--attach', '9.9');
    expect(undeclared.code).toBe(2);
    expect(undeclared.stderr.trim().split('\n')).toHaveLength(1);
  });
});
