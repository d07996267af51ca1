/**
 * Bounded work on hostile input, counted rather than timed: duplicate keys are found with one
 * lookup a key (yaml's own check compares every pair); catalog patterns run on RE2, which
 * refuses what needs backtracking; the depth of schemas through their references is bounded.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CheckMemory } from '../../src/catalog/checks/check.js';
import { checkRefDepth, MAX_SCHEMA_DEPTH } from '../../src/catalog/checks/ref-depth.js';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { findDuplicateKeys } from '../../src/catalog/duplicate-keys.js';
import { compileLinear } from '../../src/catalog/linear-regexp.js';
import { parseCatalogFile } from '../../src/catalog/parse.js';

describe('duplicate keys', () => {
  it('are found with one lookup a key, in flow and block mappings of 20,000 entries', () => {
    for (const text of [
      `x: {${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join(', ')}, k7: again}\n`,
      `x:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}\n`).join('')}  k7: again\n`,
    ]) {
      const document = parseDocument(text, { uniqueKeys: false });
      const found = findDuplicateKeys(document);
      expect(found.lookups).toBe(20_002);
      expect(found.offsets).toEqual([text.lastIndexOf('k7: again')]);
    }
  });

  it('are reported as yaml reports them (HC102), scalar values compared', () => {
    const { diagnostics } = parseCatalogFile('a: 1\nb: {x: 1, "x": 2, 1: 3, "1": 4}\na: 2\n', 'f.yaml', 'f.yaml');
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`).sort()).toEqual(['HC102 2:11', 'HC102 3:1']);
  });
});

describe('catalog patterns', () => {
  it('run in linear time: a pattern that backtracks exponentially answers on 100,000 characters', () => {
    const pattern = compileLinear('^(a+)+$');
    if ('refused' in pattern) throw new Error(pattern.refused);
    expect(pattern.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(pattern.test('a'.repeat(100_000))).toBe(true);
  });

  it('are refused when they need backtracking: lookaround and backreferences', () => {
    for (const source of ['(?=a)b', '(?!a)b', '(?<=a)b', '(?<!a)b', '(a)\\1']) expect(compileLinear(source)).toHaveProperty('refused');
    for (const source of ['^[A-Z]{3}$', '^\\S+@\\S+$', '\\p{L}+', '^(?<year>\\d{4})-\\d{2}$']) expect(compileLinear(source)).not.toHaveProperty('refused');
  });
});

describe('schema depth through references', () => {
  const catalog = (schemas: string): ReturnType<typeof checkRefDepth> => {
    const { file, diagnostics } = parseCatalogFile(schemas, 'f.yaml', 'f.yaml');
    expect(diagnostics).toEqual([]);
    return checkRefDepth(assembleCatalog('memory', [file], true).source, new CheckMemory());
  };
  const chain = (length: number, ring = false): string =>
    `schemas:\n${Array.from({ length }, (_, i) => `  S${i}: { type: object, properties: { next: { $ref: '#/schemas/S${i + 1 < length ? i + 1 : ring ? 0 : 'End'}' } } }\n`).join('')}  End: { type: string }\n`;

  it('allows a chain up to the limit, and reports a longer one once, where it starts', () => {
    expect(catalog(chain(MAX_SCHEMA_DEPTH - 1))).toEqual([]);
    const found = catalog(chain(5000));
    expect(found.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['HC316 2:51']);
  });

  it('counts a cycle of references by all its members, and a recursive type as small', () => {
    expect(catalog(chain(5000, true)).map((d) => d.code)).toEqual(['HC316']);
    expect(catalog("schemas:\n  Tree: { type: object, properties: { children: { type: array, items: { $ref: '#/schemas/Tree' } } } }\n")).toEqual([]);
  });
});
