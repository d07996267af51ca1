/**
 * The fast path (js-yaml) must give exactly the data the full parser (`yaml` with positions)
 * gives, and must never accept a text the full parser reports a problem in: on every catalog
 * and fixture file, on YAML written by three writers in many styles, and on mutated YAML.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainYaml, resolvePlainScalar } from '../../src/catalog/fast-yaml.js';
import { parseCatalogFile, parseWithPositions } from '../../src/catalog/parse.js';
import { repositoryYaml, written, yamlDocument, yamlWriters } from './yaml-samples.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3000);

/** A string that tells apart everything JSON-like data can hold: NaN, -0, key order. */
function canonical(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? String(value);
}

/** Fails when the fast path read `text` and the full parser disagrees. Returns whether the fast path was taken. */
function agree(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const full = parseWithPositions(text, 'f.yaml', 'f.yaml');
  expect(
    full.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`),
    text,
  ).toEqual([]);
  expect(canonical(fast), text).toBe(canonical(full.file.data));
  return true;
}

describe('the fast path on real files', () => {
  const files = repositoryYaml();

  it('agrees with the full parser on every seed and fixture file', () => {
    const fast = files.filter(({ text }) => agree(text)).length;
    // Nearly every file is plain block YAML; the fixtures with YAML problems are not.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('leaves parseCatalogFile results unchanged: same data and diagnostics as the full parser', () => {
    for (const { file, text } of files) {
      const chosen = parseCatalogFile(text, 'f.yaml', 'f.yaml');
      if (chosen.diagnostics.some((d) => d.code === 'HC104')) continue; // nesting is refused before either parser runs
      const full = parseWithPositions(text, 'f.yaml', 'f.yaml');
      expect(chosen.diagnostics, file).toEqual(full.diagnostics);
      expect(canonical(chosen.file.data), file).toBe(canonical(full.file.data));
    }
  });

  it('takes the fast path for the seed catalogs', () => {
    const seeds = files.filter(({ file }) => file.startsWith('catalog'));
    expect(seeds.filter(({ text }) => readPlainYaml(text) !== undefined).map(({ file }) => file)).toEqual(seeds.map(({ file }) => file));
  });
});

describe('resolvePlainScalar follows the YAML 1.2 core schema as yaml does', () => {
  it.each([
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['', null],
    ['nULL', 'nULL'],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['tRUE', 'tRUE'],
    ['0o17', 15],
    ['0O17', '0O17'],
    ['017', 17],
    ['+12', 12],
    ['-0', -0],
    ['0x1F', 31],
    ['0X1F', '0X1F'],
    ['1_000', '1_000'],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1.', 1],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['.NaN', NaN],
    ['+.nan', '+.nan'],
    ['2001-12-14', '2001-12-14'],
    ['1:20', '1:20'],
    ['0b101', '0b101'],
  ])('%j', (text, value) => {
    expect(canonical(resolvePlainScalar(text))).toBe(canonical(value));
    expect(canonical(parseWithPositions(`a: ${text}\n`, 'f', 'f').file.data)).toBe(canonical({ a: value }));
  });
});

describe('the fast path on generated YAML', () => {
  it('gives the data of the full parser for YAML written in many styles', () => {
    let taken = 0;
    fc.assert(
      fc.property(yamlDocument, fc.nat(yamlWriters.length - 1), (value, writer) => {
        const text = written(value, writer);
        if (text !== undefined && agree(text)) taken++;
      }),
      { numRuns: RUNS },
    );
    expect(taken).toBeGreaterThan(RUNS / 10);
  });

  it('never accepts a mutated text that the full parser reports, and agrees on the rest', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat(3),
      insert: fc.string({ unit: fc.constantFrom(...' \n:-#\'"[]{},|>!&*?%~.0nx1\\ü'.split('')), maxLength: 3 }),
    });
    fc.assert(
      fc.property(yamlDocument, fc.nat(yamlWriters.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (value, writer, edits) => {
        const original = written(value, writer);
        if (original === undefined) return;
        let text: string = original;
        for (const { at, remove, insert } of edits) {
          const i: number = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        agree(text);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
