/** Keys written twice in one mapping, as YAML compares them: by value, merge keys alike, NaN never. */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../src/catalog/duplicate-keys.js';
import { YAML_OPTIONS } from '../../src/catalog/parse.js';

function duplicates(text: string): { offsets: number[]; lookups: number } {
  return findDuplicateKeys(parseDocument(text, YAML_OPTIONS));
}

describe('findDuplicateKeys', () => {
  it('finds each repeat of a key at the repeat, in every mapping, a mapping before those it holds', () => {
    const text = 'a: 1\nb: {x: 1, x: 2, x: 3}\na: 2\n';
    expect(duplicates(text)).toEqual({ offsets: [27, 15, 21], lookups: 6 });
  });

  it('compares keys by value: a quoted key repeats a plain one, a number does not repeat its text', () => {
    expect(duplicates('a: 1\n"a": 2\n1: 3\n"1": 4\n')).toEqual({ offsets: [5], lookups: 4 });
  });

  it('takes two merge keys of one mapping as one key twice', () => {
    expect(duplicates('a: &a {x: 1}\nb: &b {y: 1}\nc: {<<: *a, <<: *b}\n')).toEqual({ offsets: [38], lookups: 7 });
  });

  it('never takes NaN keys for repeats', () => {
    expect(duplicates('.nan: 1\n.NaN: 2\n')).toEqual({ offsets: [], lookups: 2 });
  });

  it('leaves keys that are lists or mappings out', () => {
    expect(duplicates('? [a]\n: 1\n? [a]\n: 2\n')).toEqual({ offsets: [], lookups: 0 });
  });
});
