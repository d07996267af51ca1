/**
 * `__proto__` keys renamed to a stand-in for the example check: every such key of example data,
 * and in schemas also the names in `required` and `dependentRequired`; nothing else. Input is
 * JSON text, since only JSON.parse (like the YAML loader) makes `__proto__` an own key.
 */
import { describe, expect, it } from 'vitest';
import { dataWithStandIns, PROTO_STAND_IN, schemaWithStandIns, withoutStandIns } from '../../../src/catalog/checks/proto-stand-in.js';

/** The stand-in as JSON.stringify writes it inside a string. */
const STAND_IN_JSON = JSON.stringify(PROTO_STAND_IN).slice(1, -1);

/** `rename` applied to JSON text, as JSON text with the stand-in written `<stand-in>`. */
function renamed(rename: (value: unknown) => unknown, json: string): string {
  return JSON.stringify(rename(JSON.parse(json))).replaceAll(STAND_IN_JSON, '<stand-in>');
}

const data = (json: string): string => renamed(dataWithStandIns, json);
const schema = (json: string): string => renamed(schemaWithStandIns, json);

/** `levels` objects `{"a": ...}` (or arrays) around `inner`, as JSON text. */
function nested(levels: number, inner: string, arrays = false): string {
  return arrays ? `${'['.repeat(levels)}${inner}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}${inner}${'}'.repeat(levels)}`;
}

describe('example data', () => {
  it('renames every __proto__ key, keeping the order of keys and the other keys', () => {
    expect(data('{"__proto__":1,"a":2}')).toBe('{"<stand-in>":1,"a":2}');
    expect(data('{"a":1,"__proto__":{"b":2},"c":3}')).toBe('{"a":1,"<stand-in>":{"b":2},"c":3}');
    expect(data('{"a":{"__proto__":"x"},"b":[{"__proto__":null}]}')).toBe('{"a":{"<stand-in>":"x"},"b":[{"<stand-in>":null}]}');
  });

  it('keeps lists as lists, with every item in its place', () => {
    const list = data('[{"__proto__":1},"x",{"b":2},{"__proto__":3}]');
    expect(list).toBe('[{"<stand-in>":1},"x",{"b":2},{"<stand-in>":3}]');
    expect(Array.isArray(dataWithStandIns(JSON.parse('[{"__proto__":1}]')))).toBe(true);
  });

  it('renames keys only, never a text that reads __proto__', () => {
    expect(data('{"a":"__proto__","b":["__proto__"]}')).toBe('{"a":"__proto__","b":["__proto__"]}');
  });

  it('gives the data itself when it holds no __proto__ key, and leaves the input unchanged', () => {
    const value = JSON.parse('{"a":[1,{"b":null}],"c":"__proto__"}');
    expect(dataWithStandIns(value)).toBe(value);
    for (const scalar of [null, 1, 'x', true]) expect(dataWithStandIns(scalar)).toBe(scalar);
    const list = JSON.parse('[1,{"__proto__":2},3]');
    dataWithStandIns(list);
    expect(JSON.stringify(list)).toBe('[1,{"__proto__":2},3]');
  });

  it('shares the parts that need no renaming', () => {
    const value = JSON.parse('{"a":{"b":1},"__proto__":2,"c":[3]}');
    const copy = dataWithStandIns(value) as Record<string, unknown>;
    expect(copy).not.toBe(value);
    expect(copy['a']).toBe(value.a);
    expect(copy['c']).toBe(value.c);
    expect(Object.keys(copy)).toEqual(['a', PROTO_STAND_IN, 'c']);
  });

  it.each([false, true])('renames down to depth 256 and no deeper (arrays: %s)', (arrays) => {
    expect(data(nested(256, '{"__proto__":1}', arrays))).toBe(nested(256, '{"<stand-in>":1}', arrays));
    expect(data(nested(257, '{"__proto__":1}', arrays))).toBe(nested(257, '{"__proto__":1}', arrays));
  });
});

describe('schemas', () => {
  it('renames __proto__ property names at any place', () => {
    expect(schema('{"properties":{"__proto__":{"type":"string"},"a":{}}}')).toBe('{"properties":{"<stand-in>":{"type":"string"},"a":{}}}');
    expect(schema('{"items":[{"properties":{"__proto__":{}}}]}')).toBe('{"items":[{"properties":{"<stand-in>":{}}}]}');
  });

  it('renames the name in required lists, in their places', () => {
    expect(schema('{"required":["a","__proto__","b","__proto__"]}')).toBe('{"required":["a","<stand-in>","b","<stand-in>"]}');
    expect(schema('{"properties":{"a":{"required":["__proto__"]}}}')).toBe('{"properties":{"a":{"required":["<stand-in>"]}}}');
  });

  it('renames dependentRequired names and lists', () => {
    expect(schema('{"dependentRequired":{"__proto__":["a"],"a":["b","__proto__"]}}')).toBe('{"dependentRequired":{"<stand-in>":["a"],"a":["b","<stand-in>"]}}');
  });

  it('leaves texts alone under any other keyword', () => {
    const same = '{"enum":["__proto__"],"const":"__proto__","examples":[["__proto__"]],"title":"__proto__","default":{"x":["__proto__"]}}';
    expect(schema(same)).toBe(same);
  });

  it('takes required and dependentRequired of another shape as they are', () => {
    for (const same of [
      '{"required":true}',
      '{"required":"__proto__"}',
      '{"dependentRequired":null}',
      '{"dependentRequired":["__proto__"]}',
      '{"dependentRequired":{"a":"__proto__"}}',
    ]) {
      expect(schema(same)).toBe(same);
    }
  });

  it('gives the schema itself when it holds no __proto__', () => {
    const value = JSON.parse('{"required":["a"],"dependentRequired":{"a":["b"]},"properties":{"a":{"enum":["__proto__"]}}}');
    expect(schemaWithStandIns(value)).toBe(value);
    expect(schemaWithStandIns(true)).toBe(true);
  });

  it.each([false, true])('renames down to depth 256 and no deeper (arrays: %s)', (arrays) => {
    expect(schema(nested(256, '{"__proto__":1}', arrays))).toBe(nested(256, '{"<stand-in>":1}', arrays));
    expect(schema(nested(257, '{"__proto__":1}', arrays))).toBe(nested(257, '{"__proto__":1}', arrays));
  });
});

describe('messages', () => {
  it('name __proto__ again wherever the stand-in stands', () => {
    expect(withoutStandIns(`must have required property '${PROTO_STAND_IN}' at /${PROTO_STAND_IN}/x`)).toBe(
      "must have required property '__proto__' at /__proto__/x",
    );
    expect(withoutStandIns('no stand-in')).toBe('no stand-in');
  });
});
