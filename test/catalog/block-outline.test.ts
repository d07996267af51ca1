/**
 * Positions read from the text's block outline (files read the fast way) must be exactly those
 * of `yaml`'s document, for every node of every file, values and keys, and for paths that stop
 * at their nearest existing ancestor; and the outline must answer the common queries itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeCatalog } from '../../bench/synthesize.js';
import { BlockOutline } from '../../src/catalog/block-outline.js';
import { readPlainYaml } from '../../src/catalog/fast-yaml.js';
import { parseCatalogFile, parseWithPositions } from '../../src/catalog/parse.js';
import { positionFromOutline, positionOf, type Target } from '../../src/catalog/positions.js';
import { dataPaths, repositoryYaml, written, yamlDocument, yamlWriters } from './yaml-samples.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3000);
const TARGETS: readonly Target[] = ['value', 'key'];

/** Compares outline and document on every path of `text`; returns how many the outline answered. */
function compareAll(text: string): { answered: number; asked: number } {
  const data = readPlainYaml(text);
  if (data === undefined) return { answered: 0, asked: 0 };
  const full = parseWithPositions(text, 'f.yaml', 'f.yaml').file;
  const outline = new BlockOutline(text);
  let answered = 0;
  let asked = 0;
  for (const found of dataPaths(data)) {
    for (const path of [found, [...found, 'missing'], [...found, 7, 'x']]) {
      for (const target of TARGETS) {
        asked++;
        const quick = positionFromOutline(outline, path, target);
        if (quick === undefined) continue;
        answered++;
        expect(quick, `${JSON.stringify(path)} ${target} in\n${text}`).toEqual(positionOf(full, path, target));
      }
    }
  }
  return { answered, asked };
}

describe('positions from the block outline', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hookcat-outline-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('equal the document positions on every seed and fixture file', () => {
    let answered = 0;
    let asked = 0;
    for (const { text } of repositoryYaml()) {
      const counts = compareAll(text);
      answered += counts.answered;
      asked += counts.asked;
    }
    expect(answered).toBeGreaterThan(asked * 0.8);
  });

  it('equal the document positions on a synthetic catalog, and answer for every event', async () => {
    const catalog = await synthesizeCatalog(path.join(folder, 'bench'), { events: 60 });
    expect(readdirSync(path.join(catalog.folder, 'events')).length).toBeGreaterThan(1);
    for (const relative of catalog.files) {
      const text = readFileSync(path.join(catalog.folder, relative), 'utf8');
      const { answered, asked } = compareAll(text);
      // Only paths into flow lists (`required: [a, b]`) are left to the document.
      expect(answered, relative).toBeGreaterThan(asked * 0.75);
      const data = readPlainYaml(text) as { events?: unknown[] };
      const outline = new BlockOutline(text);
      (data.events ?? []).forEach((_, i) => {
        for (const tail of [[], ['key'], ['payload', 'properties'], ['examples', 0, 'payload']])
          expect(positionFromOutline(outline, ['events', i, ...tail], 'value')).toBeDefined();
      });
    }
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

  it('is what positionOf uses for a file read the fast way, and agrees with the document there', () => {
    const text = [
      '# comment',
      'events:',
      '  - key: a.b',
      '    title:',
      '      en: Hi',
      '',
      '  - key: c.d',
      '    payload: {type: object, required: [id]}',
      'schemas:',
      '  A:',
      '    type: string',
      '',
    ].join('\n');
    const fast = parseCatalogFile(text, 'f.yaml', 'f.yaml').file;
    expect(fast.outline).toBeDefined();
    const full = parseWithPositions(text, 'f.yaml', 'f.yaml').file;
    for (const [path, target] of [
      [['events', 1], 'value'],
      [['events', 0, 'title', 'en'], 'key'],
      [['events', 1, 'payload', 'required', 0], 'value'],
      [['schemas', 'A', 'nope'], 'value'],
      [['nothing'], 'key'],
    ] as const) {
      expect(positionOf(fast, path, target)).toEqual(positionOf(full, path, target));
    }
    expect(positionOf(fast, ['events', 1])).toEqual({ line: 7, column: 5 });
  });
});
