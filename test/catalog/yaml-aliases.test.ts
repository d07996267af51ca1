/**
 * `aliasPastLimit`: the nodes every YAML alias repeats, counted in document order, against
 * MAX_ALIAS_EXPANSION (one million). yaml's own `maxAliasCount` counts the aliases inside an
 * aliased node, not the uses of it, so a list used over and over passes it.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { aliasPastLimit, MAX_ALIAS_EXPANSION } from '../../src/catalog/yaml-aliases.js';

/** A flow list of `n` numbers: n + 1 nodes (the list and its items). */
const list = (n: number): string => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
const uses = (n: number): string => `[${Array(n).fill('*a').join(', ')}]`;

function past(text: string): { source: string; offset: number | undefined } | undefined {
  const alias = aliasPastLimit(parseDocument(text), text);
  return alias === undefined ? undefined : { source: alias.source, offset: alias.range?.[0] };
}

describe('aliasPastLimit', () => {
  it('lets aliases repeat a million nodes together, and names the alias that repeats one more', () => {
    expect(MAX_ALIAS_EXPANSION).toBe(1_000_000);
    // 999 numbers and their list: 1,000 nodes, used 1,000 times.
    const exactly = `list: &a ${list(999)}\nuses: ${uses(1_000)}\n`;
    expect(past(exactly)).toBeUndefined();
    const oneMore = `list: &a ${list(999)}\nuses: ${uses(1_001)}\n`;
    expect(past(oneMore)).toEqual({ source: 'a', offset: oneMore.lastIndexOf('*a') });
  });

  it('counts each alias by the node its anchor names at that point of the document (an anchor may be named again)', () => {
    const second = `second: &a ${list(999)}\nuses: ${uses(1_000)}\n`;
    expect(past(`first: &a [x]\n${second}`)).toBeUndefined();
    // The alias before the second anchor repeats the first one's two nodes: two past the limit at the last alias.
    const text = `first: &a [x]\nearly: *a\n${second}`;
    expect(past(text)).toEqual({ source: 'a', offset: text.lastIndexOf('*a') });
  });

  it('counts the whole node an anchor names, maps and their keys included', () => {
    // A map of 249 pairs: the map, 249 keys and 249 values, 499 nodes; with its list, 500. Used 2,000 times: a million.
    const map = `{${Array.from({ length: 249 }, (_, i) => `k${i}: ${i}`).join(', ')}}`;
    const text = (n: number) => `list: &a [${map}]\nuses: ${uses(n)}\n`;
    expect(past(text(2_000))).toBeUndefined();
    expect(past(text(2_001))?.source).toBe('a');
  });

  it('skips a text that has no anchor or no alias, and finds nothing in one with a few', () => {
    expect(past(`a: ${list(10)}\nb: x & y\n`)).toBeUndefined();
    expect(past(`a: &a ${list(10)}\nb: [*a, *a]\n`)).toBeUndefined();
  });
});
