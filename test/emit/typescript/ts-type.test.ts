/**
 * The union and intersection builders of the TypeScript emitter's type model
 * (`src/emit/typescript/ts-type.ts`): flattened, without repeats (by structure), `unknown` and
 * `never` absorbing or vanishing as TypeScript's own algebra has them, a single member alone.
 */
import { describe, expect, it } from 'vitest';
import { intersection, NEVER, NULL, type TsType, UNKNOWN, union } from '../../../src/emit/typescript/ts-type.js';

const STRING: TsType = { kind: 'keyword', name: 'string' };
const NUMBER: TsType = { kind: 'keyword', name: 'number' };
const lit = (value: string | number | boolean): TsType => ({ kind: 'literal', value });
const ref = (name: string): TsType => ({ kind: 'reference', name });
const array = (element: TsType): TsType => ({ kind: 'array', element });

describe('union', () => {
  it('is its one member alone, whatever that member is', () => {
    expect(union([NEVER])).toBe(NEVER);
    expect(union([UNKNOWN])).toBe(UNKNOWN);
    const nested: TsType = { kind: 'union', members: [STRING, NULL] };
    expect(union([nested])).toBe(nested);
  });

  it('flattens nested unions (not intersections) and keeps the first of each repeat, by structure', () => {
    const both: TsType = { kind: 'intersection', members: [ref('A'), ref('B')] };
    expect(union([STRING, { kind: 'union', members: [NULL, STRING] }, both, { ...both }, array(STRING), array(STRING)])).toEqual({
      kind: 'union',
      members: [STRING, NULL, both, array(STRING)],
    });
  });

  it('tells literals apart by value and by type: 1 and "1" are two members, a reference and a keyword of one name too', () => {
    expect(union([lit(1), lit('1'), lit(1), lit(true), lit('true'), ref('string'), STRING])).toEqual({
      kind: 'union',
      members: [lit(1), lit('1'), lit(true), lit('true'), ref('string'), STRING],
    });
  });

  it('is unknown when any member is, drops never, and is never when nothing is left', () => {
    expect(union([STRING, UNKNOWN, NUMBER])).toBe(UNKNOWN);
    expect(union([STRING, { kind: 'union', members: [NULL, UNKNOWN] }])).toBe(UNKNOWN);
    expect(union([NEVER, STRING, NEVER])).toEqual(STRING);
    expect(union([NEVER, NEVER])).toBe(NEVER);
    expect(union([])).toBe(NEVER);
    expect(union([STRING, STRING])).toEqual(STRING);
  });
});

describe('intersection', () => {
  it('is its one member alone', () => {
    expect(intersection([UNKNOWN])).toBe(UNKNOWN);
    expect(intersection([NEVER])).toBe(NEVER);
  });

  it('flattens nested intersections (not unions) and drops repeats', () => {
    const either: TsType = { kind: 'union', members: [ref('A'), ref('B')] };
    expect(intersection([ref('A'), { kind: 'intersection', members: [ref('B'), ref('A')] }, either, { ...either }])).toEqual({
      kind: 'intersection',
      members: [ref('A'), ref('B'), either],
    });
  });

  it('is never when any member is, drops unknown, and is unknown when nothing is left', () => {
    expect(intersection([ref('A'), NEVER])).toBe(NEVER);
    expect(intersection([UNKNOWN, ref('A'), UNKNOWN])).toEqual(ref('A'));
    expect(intersection([UNKNOWN, UNKNOWN])).toBe(UNKNOWN);
    expect(intersection([])).toBe(UNKNOWN);
  });
});
