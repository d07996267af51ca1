/** From a data path to `line:col`: values, keys, nearest ancestors, flow style. */
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import { diagnosticAt, positionOf } from '../../src/catalog/positions.js';

const TEXT = [
  '# a comment first',
  'catalog:',
  '  id: x',
  'events:',
  '  - key: a.b',
  '    title:',
  '      en: Hi',
  '  - key: c.d',
  '    payload: {type: object, required: [id, name]}',
  'codes:',
  '  200: ok',
].join('\n');

const file = parseCatalogFile(TEXT, 'dir/file.yaml', 'file.yaml').file;

describe('positionOf', () => {
  it('points at a value', () => {
    expect(positionOf(file, ['catalog', 'id'])).toEqual({ line: 3, column: 7 });
    expect(positionOf(file, ['events', 1, 'key'])).toEqual({ line: 8, column: 10 });
  });

  it('points at a key when asked', () => {
    expect(positionOf(file, ['catalog', 'id'], 'key')).toEqual({ line: 3, column: 3 });
    expect(positionOf(file, ['events', 0, 'title'], 'key')).toEqual({ line: 6, column: 5 });
  });

  it('points at a mapping value where it starts', () => {
    expect(positionOf(file, ['events', 0, 'title'])).toEqual({ line: 7, column: 7 });
    expect(positionOf(file, ['events', 0])).toEqual({ line: 5, column: 5 });
  });

  it('falls back to the nearest node that exists', () => {
    expect(positionOf(file, ['events', 0, 'description'])).toEqual({ line: 5, column: 5 });
    expect(positionOf(file, ['events', 7, 'key'])).toEqual({ line: 5, column: 3 });
    expect(positionOf(file, ['nothing', 'here'])).toEqual({ line: 2, column: 1 });
  });

  it('points into flow collections', () => {
    expect(positionOf(file, ['events', 1, 'payload', 'required', 1])).toEqual({ line: 9, column: 44 });
    expect(positionOf(file, ['events', 1, 'payload', 'type'])).toEqual({ line: 9, column: 21 });
  });

  it('finds keys that YAML reads as numbers', () => {
    expect(positionOf(file, ['codes', '200'])).toEqual({ line: 11, column: 8 });
    expect(positionOf(file, ['codes', '200'], 'key')).toEqual({ line: 11, column: 3 });
  });

  it('gives 1:1 for the root of a file without data', () => {
    const empty = parseCatalogFile('', 'empty.yaml', 'empty.yaml').file;
    expect(positionOf(empty, ['events', 0])).toEqual({ line: 1, column: 1 });
    const broken = parseCatalogFile('a: [', 'broken.yaml', 'broken.yaml').file;
    expect(positionOf(broken, [])).toEqual({ line: 1, column: 1 });
  });
});

describe('diagnosticAt', () => {
  it('builds a diagnostic at the node, naming the file as shown', () => {
    expect(diagnosticAt(file, ['events', 1, 'key'], 'HC300', 'error', 'message', 'hint')).toEqual({
      code: 'HC300',
      severity: 'error',
      file: 'dir/file.yaml',
      line: 8,
      column: 10,
      message: 'message',
      hint: 'hint',
    });
    expect(diagnosticAt(file, ['catalog', 'id'], 'HC201', 'error', 'm', 'h', 'key')).toMatchObject({ line: 3, column: 3 });
  });
});
