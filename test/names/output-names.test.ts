/**
 * Names given to events and shared schemas in the outputs: a name already given gets the first
 * free number, at a cost linear in the owners that want it.
 */
import { describe, expect, it } from 'vitest';
import { type NamingInput, renamedNames, typeScriptNames } from '../../src/names/output-names.js';

/** `count` keys that all make the names of `a.b.c.d.e.f.g.h.i.j.k` (separators `.`, `_`, `-`). */
function alikeKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const separators = i.toString(3).padStart(10, '0');
    return `a${[...separators].map((digit, at) => `${'._-'[Number(digit)]}${'bcdefghijk'[at]}`).join('')}`;
  });
}

const input = (keys: readonly string[], schemas: readonly string[] = []): NamingInput => ({
  catalogId: 'x',
  keys,
  schemas,
  batch: false,
  subscription: undefined,
});

describe('numbered names', () => {
  it('numbers alike names in order, after the names taken already', () => {
    const keys = alikeKeys(3);
    expect([...typeScriptNames(input(keys)).payloads.values()]).toEqual(['ABCDEFGHIJKPayload', 'ABCDEFGHIJKPayload2', 'ABCDEFGHIJKPayload3']);
    // A shared schema holds the name the second key would get: the key takes the next number.
    const names = typeScriptNames(input(keys, ['ABCDEFGHIJKPayload2']));
    expect([...names.payloads.values()]).toEqual(['ABCDEFGHIJKPayload', 'ABCDEFGHIJKPayload3', 'ABCDEFGHIJKPayload4']);
  });

  it('gives 20,000 alike keys their names with a try each (it was 20,000^2/2 tries a name: minutes)', () => {
    const keys = alikeKeys(20_000);
    expect(new Set(keys).size).toBe(20_000);
    const renamed = renamedNames(input(keys));
    // Payload and event components, operation ids and types: every key but the first, in each.
    expect(renamed.length).toBe(4 * 19_999);
    expect(renamed.at(-1)).toMatchObject({ output: 'OpenAPI operation id', wanted: 'aBCDEFGHIJK', given: 'aBCDEFGHIJK20000' });
  });
});
