/**
 * A file `hookcat import` has just written is taken with the data it was written from: that must
 * be exactly what parsing its text gives (data, line starts, the places of the top two levels),
 * or nothing, so that the loader parses it. Held to `parseCatalogFile` on tricky data written by
 * the import's own writer, and on files the scan must refuse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import { type WrittenCatalogFile, writtenSourceFile } from '../../src/catalog/written-file.js';
import { yamlText } from '../../src/import/write-yaml.js';
import { yamlDocument, yamlValue, yamlKey } from './yaml-samples.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

/** Events and shared schemas of tricky data, as the import's files hold them. */
const catalogShaped = fc.oneof(
  fc.record({ events: fc.array(fc.dictionary(yamlKey, yamlValue, { minKeys: 1, maxKeys: 6 }), { minLength: 1, maxLength: 5 }) }),
  fc.record({ schemas: fc.dictionary(yamlKey, yamlValue, { minKeys: 1, maxKeys: 6 }) }),
);

/** The written file taken as written, compared with the file parsed; whether it was taken. */
function takenAsParsed(written: WrittenCatalogFile): boolean {
  const taken = writtenSourceFile(written, 'f.yaml', 'f.yaml');
  if (taken === undefined) return false;
  const { file, diagnostics } = parseCatalogFile(written.text, 'f.yaml', 'f.yaml');
  expect(diagnostics, written.text).toEqual([]);
  expect(taken.data, written.text).toStrictEqual(file.data);
  expect(taken.lines.lineStarts).toEqual(file.lines.lineStarts);
  expect(taken.top?.toData(), written.text).toEqual(file.top?.toData());
  expect(taken.text).toBe(file.text);
  return true;
}

const event = (key: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  key,
  category: 'orders',
  title: `Order ${key}`,
  description: 'First line.\n\nA second paragraph, long enough that the writer folds it over more than one line of text.',
  payload: { type: 'object', properties: { id: { type: 'string' }, total: { type: 'number', minimum: 0 } }, required: ['id'] },
  ...extra,
});

describe('a catalog file taken with the data it was written from', () => {
  it('is what parsing it gives, for files as the import writes them', () => {
    const files = [
      yamlText({ events: [event('order.created'), event('order.paid', { deprecated: true }), event("order's")] }, 'Orders.'),
      yamlText({ schemas: { Money: { type: 'object' }, 'installation-lite': { type: ['string', 'null'] }, "it's": { const: 1 }, '200': {} } }, 'x'),
      yamlText(
        {
          catalog: { id: 'shop', locales: ['en'], title: 'Shop', description: 'A shop that sells things, and sends webhooks when orders change.' },
          envelope: { shape: 'bare', typeHeader: 'X-Shop-Event', headers: [{ name: 'X-Shop-Delivery', description: 'The id of the delivery.' }] },
          categories: [{ id: 'orders', title: 'Orders' }],
        },
        'x',
      ),
      yamlText({ events: [], schemas: { Money: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } } } } }, 'x'),
      yamlText({ description: 'a long text '.repeat(20), events: [{ key: 'a' }] }, 'x'),
    ];
    for (const file of files) expect(takenAsParsed(file), file.text).toBe(true);
  });

  it('is what parsing it gives, or is not taken, for tricky data of every kind', () => {
    fc.assert(
      fc.property(yamlDocument, (data) => {
        takenAsParsed(yamlText(data, 'comment'));
      }),
      { numRuns: RUNS },
    );
  });

  it('is what parsing it gives for tricky data in the shape of catalog files, and is taken for most', () => {
    let taken = 0;
    fc.assert(
      fc.property(catalogShaped, (data) => {
        if (takenAsParsed(yamlText(data, 'comment'))) taken++;
      }),
      { numRuns: RUNS },
    );
    // The scan is not a parse that gives up: only -0 and `<<` keys, and the odd value written
    // on the line of a top-level key, send these to the parser.
    expect(taken).toBeGreaterThan(RUNS * 0.8);
  });

  it('leaves out an entry whose value is undefined, as the writer does', () => {
    const written = yamlText({ events: [{ key: 'a', title: undefined, payload: { type: 'object', description: undefined } }] }, 'x');
    expect(takenAsParsed(written)).toBe(true);
    expect(writtenSourceFile(written, 'f.yaml', 'f.yaml')?.data).toStrictEqual({ events: [{ key: 'a', payload: { type: 'object' } }] });
  });

  it.each([
    ['a `<<` key, which the loader reads as a merge', { events: [{ '<<': { key: 'a' } }] }],
    ['-0', { events: [{ key: 'a', minimum: -0 }] }],
    ['a lone surrogate in a value', { events: [{ key: 'a\uD800' }] }],
    ['a lone surrogate in a key', { events: [{ ['\uDC00b']: 1 }] }],
    ['U+FEFF starting a top-level key, which the parser drops', { '\uFEFFevents': [{ key: 'a' }, { key: 'b' }] }],
    ['a `__proto__` key', JSON.parse('{"events":[{"__proto__":{"a":1}}]}') as unknown],
    ['a value JSON has not', { events: [{ key: 'a', at: new Date(0) }] }],
    ['an undefined item', { events: [undefined] }],
    ['a non-empty flow collection on the top level', { events: [] as unknown[], tags: ['a', 'b'] }],
    ['the whole file in flow style', { events: [] }],
    ['data deeper than the format allows', { events: [nested(120)] }],
  ])('is not taken with %s: the file is parsed', (_why, data) => {
    let written: WrittenCatalogFile;
    try {
      written = yamlText(data, 'x');
    } catch {
      written = { text: 'events: []\n', data };
    }
    expect(writtenSourceFile(written, 'f.yaml', 'f.yaml')).toBeUndefined();
  });

  it('is not taken when the data is not what the text was written from', () => {
    const text = yamlText({ events: [event('a'), event('b')] }, 'x').text;
    const notTaken = (other: string, data: unknown): void => expect(writtenSourceFile({ text: other, data }, 'f.yaml', 'f.yaml'), other).toBeUndefined();
    notTaken(text, { events: [event('a')] });
    notTaken(text, { schemas: [event('a'), event('b')] });
    notTaken(text, { events: [event('a'), event('b')], more: 1 });
    notTaken(yamlText({ events: [event('a')], more: { a: 1, b: 2 } }, 'x').text, { events: [event('a')] });
    notTaken(text, ['a']);
    const schemas = yamlText({ schemas: { A: { type: 'object' }, B: { type: 'object', title: 'B' } } }, 'x').text;
    notTaken(schemas, { schemas: { A: { type: 'object' }, C: { type: 'object', title: 'B' } } });
    notTaken(schemas, { schemas: { A: { type: 'object' } } });
    notTaken(schemas, { schemas: { A: { type: 'object' }, B: { type: 'object', title: 'B' }, C: {} } });
  });

  it('is not taken with data that refers to itself, and does not throw', () => {
    const data: { events: unknown[] } = { events: [] };
    data.events.push(data);
    expect(writtenSourceFile({ text: 'events:\n  - events: []\n', data }, 'f.yaml', 'f.yaml')).toBeUndefined();
  });

  it('is not taken for flow nesting the parser refuses, even when the data is as deep as the format allows', () => {
    let data: unknown = 'x';
    for (let i = 0; i < 70; i++) data = [data];
    const text = `events:\n  - ${'['.repeat(69)}x${']'.repeat(69)}\n`;
    expect(parseCatalogFile(text, 'f.yaml', 'f.yaml').diagnostics.map((d) => d.code)).toEqual(['HC104']);
    expect(writtenSourceFile({ text, data: { events: [data] } }, 'f.yaml', 'f.yaml')).toBeUndefined();
  });

  it.each([
    ['a byte order mark', '\uFEFFevents: []\n', { events: [] }],
    ['an explicit key', '? events\n: []\n', { events: [] }],
    ['a flow mapping of entries', 'catalog: {id: a}\n', { catalog: { id: 'a' } }],
    ['a key with nothing under it', 'catalog:\nevents: []\n', { catalog: null, events: [] }],
    ['an item on the line after its dash', 'events:\n  -\n    key: a\n', { events: [{ key: 'a' }] }],
    ['a broken flow sequence', 'catalog:\n  tags: [\n    a, b\n  ]\n', { catalog: { tags: ['a', 'b'] } }],
    ['a sequence without indentation', 'events:\n- key: a\n', { events: [{ key: 'a' }] }],
    ['nesting the parser must refuse', `events: ${'['.repeat(80)}${']'.repeat(80)}\n`, { events: [] }],
    ['an item of only spaces after its dash', 'events:\n  - \n    key: a\n', { events: [{ key: 'a' }] }],
    ['a line indented by one space', 'catalog:\n id: a\n', { catalog: { id: 'a' } }],
    ['a key with nothing under it, last', 'events: []\ncatalog:\n', { events: [], catalog: null }],
    ['a space before the colon of a quoted key', '"events" : []\n', { events: [] }],
    ['a quoted key that does not close', "'events: []\n", { events: [] }],
    ['a double-quoted key that does not close', '"events: []\n', { events: [] }],
    ['a double-quoted key JSON cannot read', '"\\x41": []\n', { A: [] }],
    ['a key with no colon', 'events\n', { events: null }],
  ])('is not taken for a text written with %s', (_why, text, data) => {
    expect(writtenSourceFile({ text, data }, 'f.yaml', 'f.yaml')).toBeUndefined();
  });

  it('places the entries of a flow value and of a block value where the parser does', () => {
    const text = "# c\n\nschemas:\n  A: {type: object}\n  'B''s':\n    type: object\n  \"C\\tD\": [x]\nevents:\n  - {key: a}\n  - key: b\n    title: B\n";
    const data = { schemas: { A: { type: 'object' }, "B's": { type: 'object' }, 'C\tD': ['x'] }, events: [{ key: 'a' }, { key: 'b', title: 'B' }] };
    expect(takenAsParsed({ text, data })).toBe(true);
    expect(writtenSourceFile({ text, data }, 'f.yaml', 'f.yaml')?.top?.toData()).toEqual({
      root: 5,
      entries: [
        [
          'schemas',
          5,
          16,
          {
            names: [
              ['A', 16, 19],
              ["B's", 36, 48],
              ['C\tD', 63, 71],
            ],
          },
        ],
        [
          'events',
          75,
          85,
          {
            items: [
              [null, 87],
              [null, 100],
            ],
          },
        ],
      ],
    });
  });

  it('keeps quoted keys and the places of values written on the key line', () => {
    const text = "# c\n\n'it''s':\n  \"a\\tb\": 1\n  plain: [x]\nevents:\n  - {key: a}\n  - - 1\n";
    const data = { "it's": { 'a\tb': 1, plain: ['x'] }, events: [{ key: 'a' }, [1]] };
    expect(takenAsParsed({ text, data })).toBe(true);
  });
});

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
