/** A cleanly parsed file as a record (the cache of parsed files) and back: the same data, line
 * starts, top-level positions and document; no record where JSON would not give the data back. */
import { describe, expect, it } from 'vitest';
import { parseCatalogFile, parsedFileRecord, restoreParsedFile } from '../../src/catalog/parse.js';

const TEXT = `\ufeff# A comment first, so that the document starts further in.
metadata:
  id: shop
  title: { en: Shop }
events:
  - key: order.created
    payload:
      type: object
  - key: order.paid   # a comment
    "__proto__": kept as a name
    text: "lone \\ud800 surrogate"
list: [1, 2.5, 1e300, -3]
scalar: at the top
`;

describe('the record of a parsed file', () => {
  it('restores the file parseCatalogFile gave', () => {
    const parsed = parseCatalogFile(TEXT, 'shown/events.yaml', 'events.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const record = parsedFileRecord(parsed.file);
    expect(record).toBeDefined();
    const restored = restoreParsedFile(record!, TEXT, 'shown/events.yaml', 'events.yaml')!;
    expect(restored).toBeDefined();
    expect(restored.displayPath).toBe('shown/events.yaml');
    expect(restored.relativePath).toBe('events.yaml');
    expect(restored.text).toBe(parsed.file.text);
    expect(restored.data).toEqual(parsed.file.data);
    expect(Object.hasOwn((restored.data as { events: object[] }).events[1]!, '__proto__')).toBe(true);
    expect(restored.lines.lineStarts).toEqual(parsed.file.lines.lineStarts);
    for (let offset = 0; offset < TEXT.length; offset += 7) expect(restored.lines.linePos(offset)).toEqual(parsed.file.lines.linePos(offset));
    expect(restored.top!.offset([], 'value')).toBeGreaterThan(0);
    const paths = [[], ['scalar'], ['metadata'], ['metadata', 'title'], ['events'], ['events', 0], ['events', 1], ['list', 3], ['missing'], ['events', 5]];
    for (const target of ['value', 'key'] as const) {
      for (const path of paths) expect(restored.top!.offset(path, target), `${target} ${path.join('.')}`).toBe(parsed.file.top!.offset(path, target));
    }
    expect(restored.document()?.toJS()).toEqual(parsed.file.document()?.toJS());
  });

  it('keeps the text of a file without a byte order mark', () => {
    const text = 'x: 1\n';
    const record = parsedFileRecord(parseCatalogFile(text, 'f.yaml', 'f.yaml').file)!;
    expect(restoreParsedFile(record, text, 'f.yaml', 'f.yaml')?.text).toBe(text);
  });

  it('restores a file whose top level is a list', () => {
    const text = '# list\n- a: 1\n- b: [2]\n';
    const parsed = parseCatalogFile(text, 'f.yaml', 'f.yaml');
    const restored = restoreParsedFile(parsedFileRecord(parsed.file)!, text, 'f.yaml', 'f.yaml')!;
    expect(restored.data).toEqual(parsed.file.data);
    for (const path of [[], [0], [1, 'b']]) expect(restored.top!.offset(path, 'value')).toBe(parsed.file.top!.offset(path, 'value'));
    expect(restored.top!.offset([], 'value')).toBe(7);
  });

  it.each([
    ['-0', 'a: -0\n'],
    ['an alias', 'a: &shared { x: 1 }\nb: *shared\n'],
  ])('is not made for data with %s', (_name, text) => {
    const parsed = parseCatalogFile(text, 'f.yaml', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsedFileRecord(parsed.file)).toBeUndefined();
  });

  it.each([
    ['NaN', 'a: .nan\n'],
    ['an infinity', 'a: -.inf\n'],
  ])('is not made for data with %s, which the parser refuses (HC106)', (_name, text) => {
    const parsed = parseCatalogFile(text, 'f.yaml', 'f.yaml');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['HC106']);
    expect(parsedFileRecord(parsed.file)).toBeUndefined();
  });

  it.each([
    ['a date', new Date(0)],
    ['a map', new Map([['a', 1]])],
    ['an object of a class', new (class Point {})()],
    ['undefined', undefined],
    ['a bigint', 1n],
    ['a symbol', Symbol('s')],
    ['a function', () => 1],
    ['a value left out of a list', [1, undefined]],
    ['one list at two places', ((shared) => ({ a: shared, b: [shared] }))([1])],
  ])('is not made for data JSON cannot give back: %s', (_name, data) => {
    const { file } = parseCatalogFile('a: 1\n', 'f.yaml', 'f.yaml');
    expect(parsedFileRecord({ ...file, data })).toBeUndefined();
  });

  it('is made for every kind of plain JSON value, objects without a prototype too', () => {
    const { file } = parseCatalogFile('a: 1\n', 'f.yaml', 'f.yaml');
    const bare = Object.assign(Object.create(null) as object, { x: 1 });
    const data = { text: 's', yes: true, no: false, nothing: null, number: 1.5, zero: 0, list: [[], {}], bare };
    const record = parsedFileRecord({ ...file, data });
    expect(JSON.parse(record!).data).toEqual({ ...data, bare: { x: 1 } });
  });

  it('is not made for a file that did not parse cleanly', () => {
    const parsed = parseCatalogFile('a: [1, 2\n', 'f.yaml', 'f.yaml');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsedFileRecord(parsed.file)).toBeUndefined();
  });

  it('that is damaged restores nothing', () => {
    const record = parsedFileRecord(parseCatalogFile(TEXT, 'f.yaml', 'f.yaml').file)!;
    for (const damaged of [
      record.slice(0, 20),
      '{}',
      '{"data":1,"lineStarts":"x","top":{"root":0,"entries":null}}',
      '{"data":1,"lineStarts":[0,"5"],"top":{"root":0,"entries":null}}',
      '{"data":1,"lineStarts":[0],"top":{"root":0,"entries":7}}',
    ]) {
      expect(restoreParsedFile(damaged, TEXT, 'f.yaml', 'f.yaml'), damaged).toBeUndefined();
    }
  });
});
