/** The comparison of two output folders that the property tests rest on. */
import { describe, expect, it } from 'vitest';
import { treeDifferences } from './tree.js';

const tree = (entries: Record<string, string>): Map<string, Buffer> => new Map(Object.entries(entries).map(([file, text]) => [file, Buffer.from(text)]));

describe('treeDifferences', () => {
  it('names each path missing, not expected or with other bytes, in path order', () => {
    expect(treeDifferences(tree({ a: 'x', b: 'y' }), tree({ a: 'x', b: 'y' }))).toEqual([]);
    expect(treeDifferences(tree({ b: 'y', c: 'z', d: 'same' }), tree({ a: 'x', b: 'Y', d: 'same' }))).toEqual([
      'a: missing',
      'b: other bytes',
      'c: not expected',
    ]);
    expect(treeDifferences(tree({ a: '' }), tree({ a: '\n' }))).toEqual(['a: other bytes']);
  });
});
