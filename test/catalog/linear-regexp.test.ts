/** Catalog patterns on RE2: named backreferences refused wherever they stand, each pattern compiled
 * once per run, and the engine ajv takes (checked through a default ajv). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileLinear, LinearPatterns, linearRegExp } from '../../src/catalog/linear-regexp.js';

const NAMED = 'error parsing regexp: named backreference: `\\k<`';

describe('compileLinear', () => {
  it.each([
    ['at the start', '\\k<a>(?<a>x)'],
    ['after a group', '(?<a>x)\\k<a>'],
    ['after an escaped backslash', '(?<a>x)\\\\\\k<a>'],
    ['after two escaped backslashes', '(?<a>x)\\\\\\\\\\k<a>'],
  ])('refuses a named backreference %s', (_, pattern) => {
    expect(compileLinear(pattern)).toEqual({ refused: NAMED });
  });

  it('reads an escaped backslash before the letters k<, and \\k< inside other text, as no backreference', () => {
    expect(compileLinear('^\\\\k<a>$')).not.toHaveProperty('refused');
    expect(compileLinear('x\\\\\\\\k<')).not.toHaveProperty('refused');
  });
});

describe('LinearPatterns', () => {
  it('compiles a pattern once, and a refusal once', () => {
    const patterns = new LinearPatterns();
    expect(patterns.compile('^[a-z]+$')).toBe(patterns.compile('^[a-z]+$'));
    expect(patterns.compile('(a)\\1')).toBe(patterns.compile('(a)\\1'));
    expect(patterns.compile('^[a-z]+$')).not.toBe(new LinearPatterns().compile('^[a-z]+$'));
  });

  it('gives ajv an engine that matches as the pattern says and names a pattern it cannot run', () => {
    const engine = linearRegExp();
    expect(engine.code).toBe('linearRegExp');
    const ajv = new Ajv2020({ code: { regExp: engine } });
    const validate = ajv.compile({ type: 'string', pattern: '^(a+)+$' });
    expect([validate('aaa'), validate(`${'a'.repeat(40)}!`)]).toEqual([true, false]);
    expect(() => ajv.compile({ type: 'string', pattern: '(?<=a)b' })).toThrow(/^the pattern "\(\?<=a\)b" cannot run in linear time: /);
  });
});
