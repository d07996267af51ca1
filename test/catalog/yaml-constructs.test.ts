/** YAML a catalog cannot use, each reported as HC106 at its node with its own message and hint. */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCatalogFile, YAML_OPTIONS } from '../../src/catalog/parse.js';
import { isMergeKey } from '../../src/catalog/yaml-constructs.js';

/** The file's diagnostics as `code line:col message (hint)`. */
function reported(text: string): string[] {
  return parseCatalogFile(text, 'f.yaml', 'f.yaml').diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message} (${d.hint})`);
}

describe('keys that are not text', () => {
  it.each([
    ['a number', '1: a\n', "HC106 1:1 this key is a number, not text (quote it: '1')"],
    ['a number written with a fraction', 'x:\n  1.5: a\n', "HC106 2:3 this key is a number, not text (quote it: '1.5')"],
    ['true', 'true: a\n', "HC106 1:1 this key is true or false, not text (quote it: 'true')"],
    ['null', 'null: a\n', "HC106 1:1 this key is null, not text (quote it: 'null')"],
    ['null written as ~', '~: a\n', "HC106 1:1 this key is null, not text (quote it: '~')"],
  ])('reports %s, with the key as written in the hint', (_, text, found) => {
    expect(reported(text)).toEqual([found]);
  });

  it('reports a list or a mapping as a key', () => {
    expect(reported('? [a]\n: 1\nb:\n  {x: 1}: 2\n')).toEqual([
      'HC106 1:3 a key that is a mapping or a list cannot be used in a catalog (use a plain text key)',
      'HC106 4:3 a key that is a mapping or a list cannot be used in a catalog (use a plain text key)',
    ]);
  });

  it('accepts quoted keys and block scalar keys as text', () => {
    expect(parseCatalogFile('\'1\': a\n"true": b\n? |\n  x\n: c\n', 'f.yaml', 'f.yaml')).toMatchObject({
      diagnostics: [],
      file: { data: { '1': 'a', true: 'b', 'x\n': 'c' } },
    });
  });
});

describe('tags', () => {
  it('names a tag the catalog cannot use as it is written', () => {
    expect(reported('a: !x 1\nb: !<tag:example.com:x> 2\nc: !!binary aGVsbG8=\n')).toEqual([
      'HC106 1:7 the YAML tag `!x` cannot be used in a catalog (remove the tag and write plain text, numbers, lists or mappings)',
      'HC106 2:25 the YAML tag `tag:example.com:x` cannot be used in a catalog (remove the tag and write plain text, numbers, lists or mappings)',
      'HC106 3:13 the YAML tag `!!binary` cannot be used in a catalog (remove the tag and write plain text, numbers, lists or mappings)',
    ]);
  });

  it.each([
    ['!!int', 'a: !!int abc\n', 'HC106 1:10'],
    ['!!float', 'a: !!float abc\n', 'HC106 1:12'],
    ['!!bool', 'a: !!bool abc\n', 'HC106 1:11'],
    ['!!null', 'a: !!null abc\n', 'HC106 1:11'],
  ])('reports a value that is not a valid %s', (tag, text, at) => {
    expect(reported(text)).toEqual([`${at} this value is not a valid \`${tag}\` (fix the value or remove the tag)`]);
  });

  it.each([
    ['!!int', 'a: !!int [1]\n', 'HC106 1:10'],
    ['!!null', 'a: !!null [1]\n', 'HC106 1:11'],
    ['!!str', 'a: !!str {x: 1}\n', 'HC106 1:10'],
    ['!!map', 'a: !!map [1]\n', 'HC106 1:10'],
    ['!!map', 'a: !!map x\n', 'HC106 1:10'],
    ['!!seq', 'a: !!seq {x: 1}\n', 'HC106 1:10'],
    ['!!seq', 'a: !!seq x\n', 'HC106 1:10'],
  ])('reports a %s tag written on a node of another kind', (tag, text, at) => {
    expect(reported(text)).toEqual([`${at} this value is not a valid \`${tag}\` (fix the value or remove the tag)`]);
  });

  it('keeps values that fit their core tag', () => {
    const text = 'a: !!int 1\nb: !!float 1.5\nc: !!bool false\nd: !!null ~\ne: !!str\nf: !!map {x: !!seq [1]}\ng: ! [1]\n';
    expect(parseCatalogFile(text, 'f.yaml', 'f.yaml')).toMatchObject({
      diagnostics: [],
      file: { data: { a: 1, b: 1.5, c: false, d: null, e: '', f: { x: [1] }, g: [1] } },
    });
  });

  it('reports a YAML 1.1 date, which has no JSON form', () => {
    expect(reported('%YAML 1.1\n---\na: 2001-12-14\n')).toEqual(['HC106 3:4 this value has no JSON form (a date or binary data) (quote it to make it text)']);
  });
});

describe('numbers JSON cannot hold', () => {
  const hint = 'write a finite number, leave the entry out, or quote it to make it text';
  it('reports infinity, not-a-number and a literal past the largest double, each as written', () => {
    expect(reported('maximum: .inf\nminimum: -.Inf\nexamples: [.NaN, 1e400, !!float -.inf]\n')).toEqual([
      `HC106 1:10 \`.inf\` is infinity, which JSON cannot hold (it would be written as null) (${hint})`,
      `HC106 2:10 \`-.Inf\` is negative infinity, which JSON cannot hold (it would be written as null) (${hint})`,
      `HC106 3:12 \`.NaN\` is not a number, which JSON cannot hold (it would be written as null) (${hint})`,
      `HC106 3:18 \`1e400\` is too large for a number: it reads as infinity, which JSON cannot hold (it would be written as null) (${hint})`,
      `HC106 3:33 \`-.inf\` is negative infinity, which JSON cannot hold (it would be written as null) (${hint})`,
    ]);
  });

  it('keeps the largest double, numbers near zero, and quoted or plain text that names infinity', () => {
    expect(parseCatalogFile("a: 1.7976931348623157e308\nb: 1e-400\nc: '.inf'\nd: inf\n", 'f.yaml', 'f.yaml')).toMatchObject({
      diagnostics: [],
      file: { data: { a: Number.MAX_VALUE, b: 0, c: '.inf', d: 'inf' } },
    });
  });
});

describe('aliases and merges', () => {
  it('reports an alias inside the node it names, wherever it sits in it', () => {
    const endless = (at: string): string =>
      `HC106 ${at} the alias \`*x\` is inside the node it refers to, which makes endless data (write the data out instead of referring to its own anchor)`;
    expect(reported('a: &x [1, *x]\n')).toEqual([endless('1:11')]);
    expect(reported('a: &x {b: *x}\n')).toEqual([endless('1:11')]);
  });

  it('accepts an alias after the node it names, even right after it', () => {
    expect(parseCatalogFile('a: &x [1]\nb: *x\nc: &y {k: 1}\nd: [*y]\n', 'f.yaml', 'f.yaml')).toMatchObject({
      diagnostics: [],
      file: { data: { a: [1], b: [1], c: { k: 1 }, d: [{ k: 1 }] } },
    });
  });

  it('reports an alias that names no anchor before it, at the alias, merged or not', () => {
    const unknown = (at: string, name: string): string =>
      `HC106 ${at} the alias \`*${name}\` names no anchor written before it (write the anchor (\`&${name}\`) before the alias, or write the data out)`;
    expect(reported('a: &x 1\nb: *y\n')).toEqual([unknown('2:4', 'y')]);
    expect(reported('x: *a\ny: &a 1\n')).toEqual([unknown('1:4', 'a')]);
    expect(reported('a: {<<: *m}\n')).toEqual([unknown('1:9', 'm')]);
    expect(reported('a: &a {k: 1}\nb: {<<: [*a, *m]}\n')).toEqual([unknown('2:14', 'm')]);
  });

  it('refuses a merge of nothing at its value, and a list holding anything but mappings', () => {
    const merge = (at: string): string =>
      `HC106 ${at} a merge key \`<<\` takes a mapping, an alias of one, or a list of them (merge a mapping (\`<<: *base\`), or write the entries out)`;
    expect(reported('a: {<<: }\n')).toEqual([merge('1:9')]);
    expect(reported('a:\n  <<:\n  b: 1\n')).toEqual([merge('2:6')]);
    expect(reported('a:\n  ? <<\n')).toEqual([merge('2:5')]);
    expect(reported('a: &a {x: 1}\nb: {<<: [*a, text]}\n')).toEqual([merge('2:9')]);
    expect(reported('a: &a [1]\nb: {<<: *a}\n')).toEqual([merge('2:9')]);
  });

  it('merges an alias of a list of mappings', () => {
    expect(parseCatalogFile('l: &l [{x: 1}, {y: 2}]\nm: {<<: *l}\n', 'f.yaml', 'f.yaml')).toMatchObject({
      diagnostics: [],
      file: { data: { l: [{ x: 1 }, { y: 2 }], m: { x: 1, y: 2 } } },
    });
  });

  it('tells a merge key from a quoted `<<` and from other keys', () => {
    const pairs = (parseDocument("{<<: {}, '<<': 1, a: 2}", YAML_OPTIONS).contents as { items: { key: unknown }[] }).items;
    expect(pairs.map((pair) => isMergeKey(pair.key))).toEqual([true, false, false]);
    expect(isMergeKey(null)).toBe(false);
  });
});
