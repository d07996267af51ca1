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
