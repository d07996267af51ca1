/** Results kept between loads: by raw object and context, per event standing once, and content keys for data. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { contentKey, eventKeys, ObjectMemo } from '../../../src/catalog/checks/memo.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

describe('ObjectMemo', () => {
  it('gives a kept result back only for its object and its context', () => {
    const memo = new ObjectMemo<string>();
    const event = {};
    expect(memo.find(event, 'en')).toBeUndefined();
    expect(memo.keep(event, 'en', 'first')).toBe('first');
    expect(memo.find(event, 'en')).toBe('first');
    expect(memo.find(event, 'en,et')).toBeUndefined();
    expect(memo.find({}, 'en')).toBeUndefined();
    memo.keep(event, 'en,et', 'second');
    expect(memo.find(event, 'en,et')).toBe('second');
    expect(memo.find(event, 'en')).toBeUndefined();
  });

  it('keeps nothing without a key, and still gives the value back', () => {
    const memo = new ObjectMemo<number>();
    expect(memo.keep(undefined, '', 1)).toBe(1);
    expect(memo.find(undefined, '')).toBeUndefined();
  });

  it('makes a result once per object and context, and again when the context changes', () => {
    const memo = new ObjectMemo<{ readonly n: number }>();
    const event = {};
    let made = 0;
    const make = () => ({ n: ++made });
    const first = memo.get(event, 'a', make);
    expect(memo.get(event, 'a', make)).toBe(first);
    expect(made).toBe(1);
    expect(memo.get(event, 'b', make)).toEqual({ n: 2 });
    expect(memo.get(undefined, 'b', make)).toEqual({ n: 3 });
    expect(memo.get(undefined, 'b', make)).toEqual({ n: 4 });
  });
});

describe('eventKeys', () => {
  it('keys an event by itself, and gives no key to one a YAML alias repeats', () => {
    const text = [
      'events:',
      '  - &twice { key: a.twice, category: a, title: T, payload: {} }',
      '  - { key: a.once, category: a, title: T, payload: {} }',
      '  - *twice',
      '',
    ].join('\n');
    const { file, diagnostics } = parseCatalogFile(text, 'events.yaml', 'events.yaml');
    expect(diagnostics).toEqual([]);
    const { events } = assembleCatalog('memory', [file], true).source;
    const keyOf = eventKeys({ events } as Parameters<typeof eventKeys>[0]);
    expect(events.map((e) => keyOf(e.value) === e.value)).toEqual([false, true, false]);
    expect(events.map((e) => keyOf(e.value))).toEqual([undefined, events[1]?.value, undefined]);
  });
});

describe('contentKey', () => {
  /** Data nested `levels` lists deep around `inner`. */
  const nested = (levels: number, inner: unknown): unknown => {
    let value = inner;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };

  it('is a short text, equal for equal content', () => {
    const key = contentKey({ a: [1, 'x', null, true], b: { c: -0 } });
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(contentKey({ a: [1, 'x', null, true], b: { c: -0 } })).toBe(key);
  });

  it('tells apart values that print alike', () => {
    const scalars = [0, -0, '0', '-0', 1, '1', true, 'true', false, null, 'null', undefined, 'undefined', ''];
    const numbers = [Number.NaN, 'NaN', Number.POSITIVE_INFINITY, 'Infinity', Number.NEGATIVE_INFINITY];
    const lists = [[], [[]], [{}], [-0], [1, 2], [12], ['1,2'], ['1', '2'], '[1,2]', [null]];
    // A text that reads like items of a list: texts are quoted, so it cannot pass for them.
    const texts = [['a', 'b'], ['a,string:b'], ['a,"b"'], 'string:a'];
    const objects = [{}, { a: 1 }, { '"a"': 1 }, { 'a":1,"b': 2 }, { a: 1, b: 2 }, { a: [1] }, { a: '1' }];
    const values: unknown[] = [...scalars, ...numbers, ...lists, ...texts, ...objects];
    const keys = values.map((v) => contentKey(v));
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(values.length);
  });

  it('spells out data 256 levels deep, not deeper, and no list or object that holds deeper data', () => {
    expect(contentKey(nested(256, 'x'))).toBeDefined();
    expect(contentKey(nested(256, {}))).toBeDefined();
    expect(contentKey(nested(257, 'x'))).toBeUndefined();
    expect(contentKey(nested(257, []))).toBeUndefined();
    expect(contentKey([1, nested(256, 'x')])).toBeUndefined();
    expect(contentKey({ a: 1, deep: nested(256, {}) })).toBeUndefined();
    expect(contentKey(nested(300, 1))).toBeUndefined();
  });
});
