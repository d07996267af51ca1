/**
 * The seed catalogs in catalog/: they load without errors, and Wink's catalog holds every event
 * of Wink's Estonian page (/work/shared/seeds/wink-webhook-events.et.txt) in the page's order.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { eventsIn } from '../../src/model/query.js';
import { WINK_CATEGORY_COUNTS, WINK_PAGE_KEYS } from '../support/wink-seed.js';

const SEEDS = fileURLToPath(new URL('../../catalog/', import.meta.url));
const WINK = path.join(SEEDS, 'wink');

/** The key each naming warning of a catalog names, as `CODE key`. */
function namingWarnings(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === 'HC400' || d.code === 'HC401').map((d) => `${d.code} ${/^`([^`]+)`/.exec(d.message)?.[1] ?? '?'}`);
}

describe.each(['wink', 'shop', 'sezzle'])('seed catalog %s', (id) => {
  it('loads without errors', async () => {
    const result = await loadCatalog(path.join(SEEDS, id));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.catalog?.id).toBe(id);
  });
});

describe('the Wink catalog', () => {
  it('has the 67 events of the page, in the page order', async () => {
    const { catalog } = await loadCatalog(WINK);
    expect(WINK_PAGE_KEYS).toHaveLength(67);
    expect(catalog?.events.map((e) => e.key)).toEqual(WINK_PAGE_KEYS);
  });

  it('has the page sections as categories, with their numbers of events', async () => {
    const { catalog } = await loadCatalog(WINK);
    if (catalog === undefined) throw new Error('Wink did not load');
    expect(catalog.categories.map((c) => eventsIn(catalog, c).length)).toEqual(WINK_CATEGORY_COUNTS);
    expect(WINK_CATEGORY_COUNTS.reduce((a, b) => a + b, 0)).toBe(67);
  });

  it('warns about the mixed separators and verb forms of its keys, and nothing else', async () => {
    const { diagnostics } = await loadCatalog(WINK);
    const warnings = namingWarnings(diagnostics);
    expect(warnings).toContain('HC400 account.url-name.update');
    // 6 keys use `create` and 2 `created`; 17 use `updated` and 7 `update`.
    expect(warnings).toContain('HC401 account.acquirer.created');
    expect(warnings).toContain('HC401 account.url-name.update');
    expect(warnings).not.toContain('HC401 account.create');
    expect(warnings).not.toContain('HC400 managing_entity.url_name.updated');
    expect(warnings).not.toContain('HC401 account.updated');
    // Words the catalog writes in one form only are not taken for verbs.
    expect(warnings).not.toContain('HC401 account.task.complete');
    expect(diagnostics.filter((d) => d.code !== 'HC400' && d.code !== 'HC401')).toEqual([]);
  });

  describe('when events are marked published', () => {
    let temp: string | undefined;
    afterAll(async () => {
      if (temp !== undefined) await rm(temp, { recursive: true, force: true });
    });

    it('stops warning about their keys only', async () => {
      temp = await mkdtemp(path.join(os.tmpdir(), 'hookcat-wink-'));
      const copy = path.join(temp, 'wink');
      await cp(WINK, copy, { recursive: true });
      const file = path.join(copy, 'events', 'account.yaml');
      const text = await readFile(file, 'utf8');
      const published = ['account.acquirer.created', 'account.url-name.update'];
      let edited = text;
      for (const key of published) {
        const line = new RegExp(`^([ ]*)- key: ${key.replace(/\./g, '\\.')}\\n`, 'm');
        expect(edited, key).toMatch(line);
        edited = edited.replace(line, (whole, indent: string) => `${whole}${indent}  published: true\n`);
      }
      await writeFile(file, edited);

      const before = namingWarnings((await loadCatalog(WINK)).diagnostics);
      const result = await loadCatalog(copy);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const after = namingWarnings(result.diagnostics);
      for (const key of published)
        expect(
          after.filter((w) => w.endsWith(` ${key}`)),
          key,
        ).toEqual([]);
      expect(after).toEqual(before.filter((w) => !published.some((key) => w.endsWith(` ${key}`))));
      expect(after).toContain('HC400 account.unique-id.update');
    });
  });
});
