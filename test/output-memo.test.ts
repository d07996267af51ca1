import { describe, expect, it } from 'vitest';
import { inputKey, memoized, NO_MEMO, OutputMemory } from '../src/output-memo.js';

describe('inputKey', () => {
  it('is the same for the same plain data, and differs when any of it differs', () => {
    const input = [{ a: 1, b: ['x', null, true] }, 'page'];
    expect(inputKey(input)).toBe(inputKey(structuredClone(input)));
    expect(inputKey(input)).toMatch(/^[\w-]{43}$/);
    expect(inputKey([{ a: 1, b: ['x', null, false] }, 'page'])).not.toBe(inputKey(input));
    expect(inputKey([{ b: ['x', null, true], a: 1 }, 'page'])).not.toBe(inputKey(input));
  });

  it('tells a property set to undefined from a missing one, and undefined from null', () => {
    expect(inputKey([{ a: undefined }])).not.toBe(inputKey([{}]));
    expect(inputKey([[undefined]])).not.toBe(inputKey([[null]]));
  });

  it('tells an own `__proto__` property from none', () => {
    const named = JSON.parse('{"__proto__": {"x": 1}}') as object;
    expect(inputKey([named])).not.toBe(inputKey([{}]));
  });

  it('is undefined for what is not plain data', () => {
    class Point {
      x = 1;
    }
    for (const value of [() => 1, new Map([[1, 2]]), new Set([1]), new Point(), new Date(0), Number.NaN, Number.POSITIVE_INFINITY, -0, 1n, Symbol('s')]) {
      expect(inputKey([{ value }]), String(typeof value)).toBeUndefined();
    }
    expect(inputKey([Object.create(null) as object])).toBeDefined();
  });

  it('lets an error other than a value that is not plain data through', () => {
    const broken = {
      get text(): string {
        throw new RangeError('broken getter');
      },
    };
    expect(() => inputKey([broken])).toThrow('broken getter');
  });

  it('names the constants it is given, and only those', () => {
    const links = { event: (key: string) => `./${key}.md` };
    const other = { event: (key: string) => `../${key}.md` };
    const constants = new Map<object, string>([
      [links, 'links'],
      [other, 'other'],
    ]);
    expect(inputKey([{ links }], constants)).toBeDefined();
    expect(inputKey([{ links }], constants)).not.toBe(inputKey([{ links: other }], constants));
    expect(inputKey([{ links: { event: links.event } }], constants)).toBeUndefined();
    expect(inputKey([{ links }])).toBeUndefined();
  });
});

describe('OutputMemory', () => {
  const counting = () => {
    let made = 0;
    return {
      make: (text: string) => () => {
        made++;
        return text;
      },
      made: () => made,
    };
  };

  it('makes a text once per key, within a run and in the next', () => {
    const memory = new OutputMemory();
    const count = counting();
    expect(memory.text('k', count.make('one'))).toBe('one');
    expect(memory.text('k', count.make('two'))).toBe('one');
    expect(memory.finishRun()).toBe(true);
    expect(memory.text('k', count.make('three'))).toBe('one');
    expect(count.made()).toBe(1);
    expect(memory.finishRun()).toBe(false);
  });

  it('keeps only what the last finished run used', () => {
    const memory = new OutputMemory();
    memory.text('a', () => 'A');
    memory.text('b', () => 'B');
    memory.finishRun();
    memory.text('a', () => 'not made');
    expect(memory.finishRun()).toBe(true);
    expect([...memory.entries()]).toEqual([['a', 'A']]);
    expect(memory.text('b', () => 'B again')).toBe('B again');
  });

  it('keeps no more characters than its budget in a run', () => {
    const memory = new OutputMemory(5);
    memory.text('a', () => 'abc');
    memory.text('b', () => 'de');
    memory.text('c', () => 'f');
    memory.finishRun();
    expect([...memory.entries()]).toEqual([
      ['a', 'abc'],
      ['b', 'de'],
    ]);
  });

  it('finds again what a run that did not finish kept, without counting it against the next run', () => {
    const memory = new OutputMemory(5);
    memory.text('a', () => 'abcd');
    memory.startRun();
    expect(memory.text('b', () => 'efgh')).toBe('efgh');
    expect(memory.text('a', () => 'made again')).toBe('abcd');
    expect(memory.finishRun()).toBe(true);
    expect([...memory.entries()]).toEqual([['b', 'efgh']]);
  });

  it('finds texts it was filled with, and keeps those the run uses', () => {
    const memory = new OutputMemory();
    memory.fill([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    expect(memory.text('a', () => 'made')).toBe('A');
    expect(memory.finishRun()).toBe(true);
    expect([...memory.entries()]).toEqual([['a', 'A']]);
  });
});

describe('memoized', () => {
  it('always makes the text with NO_MEMO or an input that is not plain data', () => {
    const memory = new OutputMemory();
    let made = 0;
    const make = () => String(++made);
    expect(memoized(NO_MEMO, ['x'], make)).toBe('1');
    expect(memoized(NO_MEMO, ['x'], make)).toBe('2');
    expect(memoized(memory, [() => 1], make)).toBe('3');
    expect(memoized(memory, [() => 1], make)).toBe('4');
    expect(memoized(memory, ['x'], make)).toBe('5');
    expect(memoized(memory, ['x'], make)).toBe('5');
  });
});
