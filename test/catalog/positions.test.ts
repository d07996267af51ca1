/** From a data path to `line:col`: values, keys, nearest ancestors, flow style. */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCatalogFile, YAML_OPTIONS } from '../../src/catalog/parse.js';
import { diagnosticAt, offsetInParsed, positionOf } from '../../src/catalog/positions.js';

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

/** Where `path` points in `text` as `line:col`, walking the document. */
function placed(text: string, path: (string | number)[], target: 'value' | 'key' = 'value'): string {
  const offset = offsetInParsed(parseDocument(text, YAML_OPTIONS), path, target);
  if (offset === undefined) return 'nowhere';
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

describe('offsetInParsed', () => {
  const MERGED = ['base: &base {x: 1, y: 2}', 'more: &more {z: 3, <<: *base}', 'm:', '  <<: [*more, {w: 4}]', '  y: 5', ''].join('\n');

  it('points at a merged entry where its anchor wrote it, through merges of merges', () => {
    expect(placed(MERGED, ['m', 'z'])).toBe('2:17');
    expect(placed(MERGED, ['m', 'x'])).toBe('1:17');
    expect(placed(MERGED, ['m', 'x'], 'key')).toBe('1:14');
    expect(placed(MERGED, ['m', 'w'])).toBe('4:19');
  });

  it('prefers an entry written beside the merge, wherever the merge stands', () => {
    expect(placed(MERGED, ['m', 'y'])).toBe('5:6');
    expect(placed('a: &a {k: 1}\nb: {<<: *a, k: 2}\n', ['b', 'k'])).toBe('2:16');
  });

  it('takes no merge key for an entry, whatever the name asked', () => {
    expect(placed(MERGED, ['m', 'Symbol(<<)'])).toBe('4:3');
    expect(placed(MERGED, ['m', 'q'])).toBe('4:3');
  });

  it('looks for a name in merged mappings only, not in the other entries', () => {
    expect(placed('a: &a {k: 1}\nm: {<<: *a, sub: {q: 1}}\n', ['m', 'q'])).toBe('2:4');
  });

  it('points at a key only for the last name of the path', () => {
    expect(placed(MERGED, ['m', 'q'], 'key')).toBe('4:3');
  });

  it('follows 16 merges in a row, not 17', () => {
    const chain = (merges: number): string => {
      const lines = ['l0: &l0 {x: 1}'];
      for (let i = 1; i <= merges; i++) lines.push(`l${i}: &l${i} {<<: *l${i - 1}}`);
      return `${lines.join('\n')}\n`;
    };
    expect(placed(chain(16), ['l16', 'x'])).toBe('1:13');
    expect(placed(chain(17), ['l17', 'x'])).toBe('18:11');
  });

  it('finds list items by number only, and only those that exist', () => {
    const text = 'l: [a, b]\n';
    expect(placed(text, ['l', 1])).toBe('1:8');
    expect(placed(text, ['l', '1'])).toBe('1:4');
    expect(placed(text, ['l', 2])).toBe('1:4');
    expect(placed('a: text\n', ['a', 0])).toBe('1:4');
  });

  it('points at the key of an entry without a value', () => {
    expect(placed('f: {a}\n', ['f', 'a'])).toBe('1:5');
  });

  it('finds no entry under a key that is a list', () => {
    expect(placed('x: 1\n? [k]\n: 1\n', ['undefined'])).toBe('1:1');
    expect(placed('x: 1\n? [k]\n: 1\n', ['[ k ]'])).toBe('1:1');
  });

  it('gives nothing for a file without a document or without contents', () => {
    expect(offsetInParsed(undefined, ['a'])).toBeUndefined();
    expect(placed('# nothing\n', [])).toBe('nowhere');
  });
});
