/**
 * The places of the top two levels kept at parse time must give exactly the positions of a walk
 * over `yaml`'s document, for values and keys and for paths that stop at their nearest existing
 * ancestor; and they must answer for every event of a file, so the model needs no document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import { offsetInDocument, positionOf, type Target } from '../../src/catalog/positions.js';
import { dataPaths, repositoryYaml, written, yamlDocument, yamlWriters } from './yaml-samples.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const TARGETS: readonly Target[] = ['value', 'key'];

/** Compares the kept places with the document on every path of `text`; returns how many they answered. */
function compareAll(text: string): { answered: number; asked: number } {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  if (diagnostics.length > 0 || file.top === undefined) return { answered: 0, asked: 0 };
  let answered = 0;
  let asked = 0;
  for (const found of dataPaths(file.data)) {
    for (const path of [found, [...found, 'missing'], [...found, 7, 'x'], found.slice(0, 1), ['missing', 0]]) {
      for (const target of TARGETS) {
        asked++;
        const quick = file.top.offset(path, target);
        if (quick === undefined) continue;
        answered++;
        expect(quick, `${JSON.stringify(path)} ${target} in\n${text}`).toEqual(offsetInDocument(file, path, target));
      }
    }
  }
  return { answered, asked };
}

describe('positions of the top two levels', () => {
  it('equal the document positions on every seed and fixture file', () => {
    let answered = 0;
    for (const { text } of repositoryYaml()) answered += compareAll(text).answered;
    expect(answered).toBeGreaterThan(1000);
  });

  it('equal the document positions on YAML written in many styles', () => {
    let answered = 0;
    fc.assert(
      fc.property(yamlDocument, fc.nat(yamlWriters.length - 1), (value, writer) => {
        const text = written(value, writer);
        if (text !== undefined) answered += compareAll(text).answered;
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBeGreaterThan(RUNS / 4);
  });

  it('place every event without parsing the file again, and deeper paths with the document', () => {
    const text = [
      '# comment',
      'events:',
      '  - key: a.b',
      '    title:',
      '      en: Hi',
      '',
      '  - &e',
      '    key: c.d',
      '  - *e',
      'schemas:',
      '  A: {type: string}',
      '',
    ].join('\n');
    const { file } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
    let parsedAgain = 0;
    const counted = {
      ...file,
      document: () => {
        parsedAgain++;
        return file.document();
      },
    };
    expect(positionOf(counted, ['events', 0])).toEqual({ line: 3, column: 5 });
    // An anchored node starts after its anchor, as in the document.
    expect(positionOf(counted, ['events', 1])).toEqual({ line: 8, column: 5 });
    expect(positionOf(counted, ['events', 2])).toEqual({ line: 9, column: 5 });
    expect(positionOf(counted, ['schemas', 'A'], 'key')).toEqual({ line: 11, column: 3 });
    expect(positionOf(counted, ['nothing', 3])).toEqual({ line: 2, column: 1 });
    expect(parsedAgain).toBe(0);
    expect(positionOf(counted, ['events', 0, 'title', 'en'], 'key')).toEqual({ line: 5, column: 7 });
    expect(parsedAgain).toBe(1);
  });
});

/** Where the kept places point, as `line:col`, after checking they equal the document's. */
function placed(text: string, path: (string | number)[], target: Target = 'value'): string {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  const offset = file.top!.offset(path, target);
  expect(offset).toBe(offsetInDocument(file, path, target));
  const { line, col } = file.lines.linePos(offset!);
  return `${line}:${col}`;
}

describe('positions of merged entries in the top two levels', () => {
  const TEXT = [
    'base: &base {A: 1, B: 2}',
    'more: &more {C: 3, <<: *base}',
    'schemas:',
    '  <<: [*more, {D: 4}]',
    '  B: 5',
    '  "Symbol(<<)": 6',
    '<<: {top: 7}',
    '',
  ].join('\n');

  it('are where the anchor wrote them, as in the document', () => {
    expect(placed(TEXT, ['schemas', 'A'])).toBe('1:17');
    expect(placed(TEXT, ['schemas', 'A'], 'key')).toBe('1:14');
    expect(placed(TEXT, ['schemas', 'C'])).toBe('2:17');
    expect(placed(TEXT, ['schemas', 'D'])).toBe('4:19');
    expect(placed(TEXT, ['top'])).toBe('7:11');
    expect(placed(TEXT, ['top'], 'key')).toBe('7:6');
  });

  it('give way to entries written beside the merge', () => {
    expect(placed(TEXT, ['schemas', 'B'])).toBe('5:6');
  });

  it('never take a merge key for an entry', () => {
    expect(placed(TEXT, ['schemas', 'Symbol(<<)'])).toBe('6:17');
    expect(placed('<<: {a: 1}\n"Symbol(<<)": 2\n', ['Symbol(<<)'])).toBe('2:15');
    expect(placed('<<: {a: 1}\nb: 2\n', ['Symbol(<<)'])).toBe('1:1');
  });
});

describe('kept places, case by case', () => {
  it('give the root for an empty path, even beside an entry named undefined', () => {
    expect(placed('# c\na: 1\nundefined: 2\n', [])).toBe('2:1');
  });

  it('give an entry for a path of one name, even when it holds an entry named undefined', () => {
    expect(placed('a:\n  undefined: 1\n', ['a'])).toBe('2:3');
  });

  it('find list items by number only', () => {
    expect(placed('l: [a, b]\n', ['l', '1'])).toBe('1:4');
    expect(placed('l: [a, b]\n', ['l', 1])).toBe('1:8');
  });

  it('find no entry of the top level among the entries of its values', () => {
    expect(placed('a: {x: 1}\n', ['x'])).toBe('1:1');
  });

  it('point at the key of an entry without a value', () => {
    expect(placed('f: {a}\n', ['f', 'a'])).toBe('1:5');
  });
});
