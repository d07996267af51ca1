/** HC106 for a lone UTF-16 surrogate, written as an escape, in any text or key of any file. */
import { LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkUnicodeText } from '../../../src/catalog/checks/unicode-text.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { SourceFile } from '../../../src/catalog/source-file.js';
import { type Diagnostic, sortDiagnostics } from '../../../src/diagnostics.js';

const MESSAGE = 'this text holds half of a UTF-16 surrogate pair (an escape such as `\\uD800`), which no UTF-8 file can hold';
const HINT = 'write the character itself, or escape both halves of the pair';

function parsed(name: string, lines: readonly string[]): SourceFile {
  const { file, diagnostics } = parseCatalogFile(`${lines.join('\n')}\n`, name, name);
  expect(diagnostics).toEqual([]);
  return file;
}

function check(...files: SourceFile[]): Diagnostic[] {
  return sortDiagnostics(checkUnicodeText(assembleCatalog('memory', files, true).source, new CheckMemory()));
}

/** `file:line:column` of each finding, after checking that it is a whole HC106. */
function places(diagnostics: readonly Diagnostic[]): string[] {
  for (const d of diagnostics)
    expect(d).toEqual({ code: 'HC106', severity: 'error', file: d.file, line: d.line, column: d.column, message: MESSAGE, hint: HINT });
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`);
}

describe('lone surrogates (HC106)', () => {
  it('accepts whole pairs, other escapes and values of every kind', () => {
    const file = parsed('ok.yaml', [
      'pair: "\\uD83D\\uDE00"',
      'path: "C:\\\\temp\\tx"',
      'nothing: null',
      'count: 3',
      'flag: true',
      'list: [a, null, {b: "\\u00e9"}]',
    ]);
    expect(check(file)).toEqual([]);
  });

  it.each([
    ['a high half alone', '"\\uD800"'],
    ['a high half at the end', '"x\\uDBFF"'],
    ['a low half alone', '"\\uDC00"'],
    ['a low half at the start', '"\\uDFFFx"'],
    ['a pair written the wrong way round', '"\\uDC00\\uD800"'],
  ])('reports %s once, at the text', (_, text) => {
    expect(places(check(parsed('f.yaml', [`title: ${text}`])))).toEqual(['f.yaml:1:8']);
  });

  it('points at a key that holds one, not at its value', () => {
    expect(places(check(parsed('f.yaml', ['ok: 1', '"a\\uD800": fine'])))).toEqual(['f.yaml:2:1']);
  });

  it('finds them deep in lists and mappings', () => {
    const file = parsed('f.yaml', ['events:', '  - key: a', '    tags: [x, "\\uD800"]', '  - nested:', '      - {"\\uDC00": 1}']);
    expect(places(check(file))).toEqual(['f.yaml:3:15', 'f.yaml:5:10']);
  });

  it('reports each text and each key on its own, in every file', () => {
    const first = parsed('a.yaml', ['one: "\\uD800"', '"\\uD800": "\\uDC00"']);
    const second = parsed('b.yaml', ['two: "\\uDC00"']);
    expect(places(check(first, second))).toEqual(['a.yaml:1:6', 'a.yaml:2:1', 'a.yaml:2:11', 'b.yaml:1:6']);
  });

  // The loader decodes strict UTF-8, so only an escape makes a lone half: a file without a
  // backslash is not walked, whatever its data holds.
  it('does not walk a file whose text has no backslash', () => {
    const file: SourceFile = { ...parsed('f.yaml', ['a: b']), data: { a: '\uD800' }, lines: new LineCounter() };
    expect(check(file)).toEqual([]);
  });
});
