/** Parsing one catalog file: YAML constructs a catalog cannot use, aliases, documents, BOM. */
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../src/catalog/parse.js';

function parse(text: string) {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  return { data: file.data, found: diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`) };
}

describe('YAML a catalog cannot use (HC106)', () => {
  it.each([
    ['a custom tag', 'a: !markdown text\n', ['HC106 1:14']],
    ['a binary value', 'a: !!binary aGVsbG8=\n', ['HC106 1:13']],
    ['a set', 'a: !!set {x, y}\n', ['HC106 1:10']],
    ['an ordered map', 'a: !!omap [x: 1]\n', ['HC106 1:11']],
    ['an explicit timestamp', 'a: !!timestamp 2001-12-14\n', ['HC106 1:16']],
    ['a YAML 1.1 date', '%YAML 1.1\n---\na: 2001-12-14\n', ['HC106 3:4']],
    ['a value that does not fit its tag', 'a: !!int abc\n', ['HC106 1:10']],
    ['a list as a key', '? [a, b]\n: 1\n', ['HC106 1:3']],
    ['a mapping as a key', 'x:\n  {a: 1}: 2\n', ['HC106 2:3']],
  ])('reports %s', (_, text, found) => {
    expect(parse(text)).toEqual({ data: undefined, found });
  });

  it('names the tag as it is written', () => {
    const { diagnostics } = parseCatalogFile('a: !!binary aGVsbG8=\n', 'f.yaml', 'f.yaml');
    expect(diagnostics[0]?.message).toContain('`!!binary`');
  });

  it('accepts the core tags and plain YAML', () => {
    expect(parse("a: !!str 1\nb: !!int '2'\nc: ! 3\nd: !!map {x: !!null ''}\ne: !!seq [!!bool true, !!float 1.5, !!int 0x10]\n")).toEqual({
      data: { a: '1', b: 2, c: '3', d: { x: null }, e: [true, 1.5, 16] },
      found: [],
    });
  });
});

describe('aliases', () => {
  it('expands a few', () => {
    expect(parse('a: &x [1, 2]\nb: *x\nc: *x\n')).toEqual({ data: { a: [1, 2], b: [1, 2], c: [1, 2] }, found: [] });
  });

  it('allows 100 expansions, the documented limit, and refuses the 101st (HC103)', () => {
    // yaml counts the anchored value itself as the first expansion: 1 + 99 aliases = 100.
    const uses = (aliases: number): string => `a: &x 1\nb: [${Array.from({ length: aliases }, () => '*x').join(', ')}]\n`;
    const allowed = parse(uses(99));
    expect(allowed.found).toEqual([]);
    expect((allowed.data as { b: number[] }).b).toEqual(Array.from({ length: 99 }, () => 1));
    expect(parse(uses(100))).toEqual({ data: undefined, found: ['HC103 1:1'] });
  });

  it('stops an exponential expansion (HC103)', () => {
    const levels = ['a: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
    // 10^12 nodes if expanded: without the limit this never returns (the test's timeout ends it).
    expect(parse(`${levels.join('\n')}\n`)).toEqual({ data: undefined, found: ['HC103 1:1'] });
  });
});

describe('merge keys (`<<`, YAML 1.1)', () => {
  it('merges a mapping, an alias of one, or a list of them; keys written beside the merge win', () => {
    const text = [
      'base: &base {type: string, minLength: 1}',
      'extra: &extra {format: email, minLength: 3}',
      'one: {<<: *base, description: Name}',
      'both: {<<: [*base, *extra], minLength: 5}',
      'before: {minLength: 9, <<: *base}',
      'inline: {<<: {type: integer}}',
    ].join('\n');
    expect(parse(`${text}\n`)).toEqual({
      data: {
        base: { type: 'string', minLength: 1 },
        extra: { format: 'email', minLength: 3 },
        one: { type: 'string', minLength: 1, description: 'Name' },
        both: { type: 'string', minLength: 5, format: 'email' },
        before: { minLength: 9, type: 'string' },
        inline: { type: 'integer' },
      },
      found: [],
    });
  });

  it('never keeps `<<` as a property; a quoted `<<` is ordinary text', () => {
    const { data } = parse("a: &a {x: 1}\nb: {<<: *a}\nc: {'<<': *a}\n");
    expect(Object.keys((data as Record<string, object>)['b']!)).toEqual(['x']);
    expect((data as Record<string, object>)['c']).toEqual({ '<<': { x: 1 } });
  });

  it('refuses a merge of something that is not a mapping, at its value (HC106)', () => {
    expect(parse('a: &s [1, 2]\nb:\n  <<: *s\nc: {<<: text}\nd: {<<: [*s]}\n').found).toEqual(['HC106 3:7', 'HC106 4:9', 'HC106 5:9']);
  });

  it('reports two merge keys in one mapping (HC102)', () => {
    expect(parse('a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n').found).toEqual(['HC102 5:3']);
  });

  it('counts every merge of an alias as an alias expansion (HC103)', () => {
    const levels = ['l0: &l0 {a: 1, b: 2}'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} {${['a', 'b', 'c', 'd'].map((k) => `${k}: {<<: *l${i - 1}}`).join(', ')}}`);
    expect(parse(`${levels.join('\n')}\n`).found).toEqual(['HC103 1:1']);
  });
});

describe('documents and encoding', () => {
  it('reads one document, after a byte order mark', () => {
    expect(parse('\ufeffa: 1\n')).toEqual({ data: { a: 1 }, found: [] });
  });

  it('reports a second document (HC101)', () => {
    expect(parse('a: 1\n---\nb: 2\n').found).toEqual(['HC101 2:1']);
  });

  it('reports a duplicate key at the second one (HC102)', () => {
    expect(parse('a: 1\nb: 2\na: 3\n').found).toEqual(['HC102 3:1']);
  });

  it('gives no data and no diagnostic for an empty file', () => {
    expect(parse('# nothing but a comment\n')).toEqual({ data: undefined, found: [] });
  });
});

describe('diagnostics in full', () => {
  const diagnostic = (code: string, line: number, column: number, message: string, hint: string) => ({
    code,
    severity: 'error',
    file: 'shown.yaml',
    line,
    column,
    message,
    hint,
  });
  const diagnosticsOf = (text: string) => parseCatalogFile(text, 'shown.yaml', 'f.yaml').diagnostics;

  it('reports a syntax error with the first line of the parser message', () => {
    expect(diagnosticsOf('a: 1\nb: c: d\n')).toEqual([
      diagnostic('HC101', 2, 4, 'YAML syntax error: Nested mappings are not allowed in compact mappings', 'fix the YAML syntax at this position'),
    ]);
  });

  it('reports several documents once, at the second', () => {
    expect(diagnosticsOf('a: 1\n---\nb: 2\n---\nc: 3\n')).toEqual([
      diagnostic('HC101', 2, 1, 'a catalog file holds one YAML document, this file has several', 'split the documents into separate files'),
    ]);
  });

  it('reports every repeated key, after the syntax errors', () => {
    expect(diagnosticsOf('a: 1\na: 2\nb: [\n')).toEqual([
      expect.objectContaining({ code: 'HC101', line: 4, column: 1 }),
      diagnostic('HC102', 2, 1, 'this key appears twice in the same mapping', 'remove or rename one of the two entries'),
    ]);
  });

  it('reports an alias bomb at the start of the file', () => {
    const text = `a: &x 1\nb: [${Array.from({ length: 100 }, () => '*x').join(', ')}]\n`;
    expect(diagnosticsOf(text)).toEqual([
      diagnostic(
        'HC103',
        1,
        1,
        'YAML aliases expand to too many nodes (more than 100 expansions allowed)',
        'write the repeated data out, or use a shared schema with $ref',
      ),
    ]);
  });

  it('reports nesting too deep for the parser at the bracket past the limit, before parsing', () => {
    const { file, diagnostics } = parseCatalogFile(`a: 1\nb: ${'['.repeat(65)}\n`, 'shown.yaml', 'f.yaml');
    expect(diagnostics).toEqual([
      { ...diagnostic('HC104', 2, 68, 'nesting deeper than 64 levels', 'flatten the structure or move parts into shared schemas'), data: { nesting: 'text' } },
    ]);
    expect(file).toMatchObject({ displayPath: 'shown.yaml', relativePath: 'f.yaml', data: undefined, top: undefined });
    expect(file.document()).toBeUndefined();
    expect(file.lines.lineStarts).toEqual([0]);
  });

  it('reports deep indentation at the start of its line, the first line too', () => {
    expect(diagnosticsOf(`a:\n${' '.repeat(257)}b: 1\n`)).toEqual([expect.objectContaining({ code: 'HC104', line: 2, column: 1 })]);
    expect(diagnosticsOf(`${' '.repeat(257)}b: 1\n`)).toEqual([expect.objectContaining({ code: 'HC104', line: 1, column: 1 })]);
    expect(diagnosticsOf(`a:\n# c\n${' '.repeat(257)}b: 1\n`)).toEqual([expect.objectContaining({ code: 'HC104', line: 3, column: 1 })]);
  });
});

describe('the parsed file', () => {
  it('keeps the text without its byte order mark, and points into it', () => {
    const { file } = parseCatalogFile('\ufeffa: 1\nb: 2\n', 'shown.yaml', 'f.yaml');
    expect(file).toMatchObject({ displayPath: 'shown.yaml', relativePath: 'f.yaml', text: 'a: 1\nb: 2\n', data: { a: 1, b: 2 } });
    expect(file.lines.lineStarts).toEqual([0, 5, 10]);
    expect(file.top?.offset(['b'], 'value')).toBe(8);
  });

  it('parses the text again for its document once, on the first call', () => {
    const { file } = parseCatalogFile('a: [1, 2]\n', 'f.yaml', 'f.yaml');
    const document = file.document();
    expect(document?.toJS()).toEqual({ a: [1, 2] });
    expect(file.document()).toBe(document);
  });

  it('keeps the document of a file with a problem, so positions can point into it', () => {
    const { file } = parseCatalogFile('a: 1\na: [x, !foo y]\n', 'f.yaml', 'f.yaml');
    expect(file.data).toBeUndefined();
    expect(file.top).toBeUndefined();
    expect(file.document()?.toJS()).toEqual({ a: ['x', 'y'] });
  });

  it('keeps the text of a file whose first character is not a byte order mark', () => {
    expect(parseCatalogFile('x: 1\n', 'f.yaml', 'f.yaml').file.text).toBe('x: 1\n');
  });
});
