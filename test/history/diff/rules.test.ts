/**
 * The rule fixtures: `test/fixtures/history/diff/<rule>/` holds two folders of catalogs,
 * `before/` and `after/`, that differ by one change of that rule, and the expected report in
 * text and JSON beside them. Every rule of the table has its pair, and each pair reports its
 * rule and nothing else.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/load.js';
import { hasErrors } from '../../../src/diagnostics.js';
import { diffCatalogs } from '../../../src/history/diff/catalogs.js';
import { formatDiffJson, formatDiffText } from '../../../src/history/diff/format.js';
import { RULES } from '../../../src/history/diff/rules.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/history/diff/', import.meta.url));
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const LABELS = { from: 'before', to: 'after' };

async function load(folder: string) {
  const result = await loadCatalogs([folder]);
  expect(hasErrors(result.diagnostics), `${folder} loads without errors`).toBe(false);
  return result.catalogs;
}

describe('the rule fixtures', () => {
  it('have one pair for every rule, and no pair without a rule', () => {
    expect(cases).toEqual(Object.keys(RULES).sort());
  });
});

describe.each(cases)('rule %s', (rule) => {
  it('is the one rule its fixture pair reports, at the level of the table; the report matches expected.txt and expected.json', async () => {
    const before = await load(path.join(FIXTURES, rule, 'before'));
    const after = await load(path.join(FIXTURES, rule, 'after'));
    const changes = diffCatalogs(before, after);
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((c) => c.rule))).toEqual(new Set([rule]));
    expect(changes.every((c) => c.level === RULES[rule]!.level)).toBe(true);
    await expect(formatDiffText(changes, LABELS)).toMatchFileSnapshot(path.join(FIXTURES, rule, 'expected.txt'));
    await expect(formatDiffJson(changes, LABELS)).toMatchFileSnapshot(path.join(FIXTURES, rule, 'expected.json'));
  });

  it('reports nothing between a version and itself', async () => {
    const after = await load(path.join(FIXTURES, rule, 'after'));
    expect(diffCatalogs(after, after)).toEqual([]);
  });
});
