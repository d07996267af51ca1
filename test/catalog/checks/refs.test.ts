/**
 * Each refused `$ref` is refused for its own reason: HC303 and HC304 cover several, and the
 * diagnostic's `data.ref` says which, so a test cannot pass on a ref refused for another one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkRefs, MAX_TEXT_LENGTH } from '../../../src/catalog/checks/refs.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import { loadCatalog } from '../../../src/load.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-refs-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Code and data of the HC303 and HC304 diagnostics of a catalog whose one payload property is
 * `{ $ref: ref }` (a ref that is no text is an invalid schema too, HC310). */
async function refusal(ref: unknown): Promise<unknown[]> {
  const folder = await mkdtemp(path.join(root, 'case-'));
  const catalog = {
    catalog: { id: 'refs', version: '1', locales: ['en'], sourceLocale: 'en', title: 'Refs' },
    categories: [{ id: 'things', title: 'Things', description: 'Things.' }],
    schemas: { Money: { type: 'integer' } },
    events: [
      { key: 'thing.created', category: 'things', title: 'Created', description: 'Created.', payload: { type: 'object', properties: { x: { $ref: ref } } } },
    ],
  };
  await writeFile(path.join(folder, 'catalog.yaml'), JSON.stringify(catalog));
  const { diagnostics } = await loadCatalog(folder);
  return diagnostics.filter((d) => d.code === 'HC303' || d.code === 'HC304').map((d) => [d.code, d.data]);
}

describe('a refused $ref says why', () => {
  it.each([
    ['https://example.com/money.json', 'HC304', 'remote'],
    ['file:///etc/passwd', 'HC304', 'remote'],
    ['urn:example:money', 'HC304', 'remote'],
    ['money.yaml#/Money', 'HC304', 'file'],
    ['/etc/passwd', 'HC304', 'file'],
    ['../money.yaml', 'HC304', 'file'],
    ['C:\\schemas\\money.json', 'HC304', 'file'],
    ['#/definitions/Money', 'HC303', 'not-shared'],
    ['#/schemas/Money/properties', 'HC303', 'not-shared'],
    ['#/schemas/Cash', 'HC303', 'unresolved'],
    [5, 'HC303', 'not-text'],
  ])('%j: %s %s', async (ref, code, kind) => {
    expect(await refusal(ref)).toEqual([[code, { ref: kind }]]);
  });

  it('accepts a shared schema', async () => {
    expect(await refusal('#/schemas/Money')).toEqual([]);
  });
});

describe("an OpenAPI discriminator's mapping", () => {
  /** Code, place and data of the HC303 diagnostics of a catalog whose payload maps `kind` values with `mapping`. */
  async function mappingRefusals(mapping: unknown): Promise<unknown[]> {
    const folder = await mkdtemp(path.join(root, 'mapping-'));
    const payload = { oneOf: [{ $ref: '#/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping } };
    const catalog = {
      catalog: { id: 'refs', version: '1', locales: ['en'], sourceLocale: 'en', title: 'Refs' },
      categories: [{ id: 'things', title: 'Things', description: 'Things.' }],
      schemas: { Cat: { type: 'object' }, Dog: { type: 'object' } },
      events: [{ key: 'thing.created', category: 'things', title: 'Created', description: 'Created.', payload }],
    };
    await writeFile(path.join(folder, 'catalog.yaml'), JSON.stringify(catalog, null, 1));
    const { diagnostics } = await loadCatalog(folder);
    return diagnostics.filter((d) => d.code === 'HC303').map((d) => [d.code, `${d.line}:${d.column}`, d.message, d.hint, d.data]);
  }

  it('names a shared schema that is not declared, as a $ref would', async () => {
    expect(await mappingRefusals({ cat: '#/schemas/Cat', kat: '#/schemas/Kat' })).toEqual([
      // At the value of the mapping's `kat`, as a $ref's diagnostic is at its value.
      ['HC303', '42:14', '`#/schemas/Kat` does not resolve: no shared schema `Kat`', 'declare it under `schemas:` (declared: Cat, Dog)', { ref: 'unresolved' }],
    ]);
  });

  it('leaves component references, bare names and values that are no text to the document', async () => {
    expect(await mappingRefusals({ a: '#/components/schemas/Cat', b: 'Cat', c: 5, d: '#/schemas/Cat/properties' })).toEqual([]);
    expect(await mappingRefusals('not a mapping')).toEqual([]);
  });
});

/** The diagnostics of checkRefs on one file, `code line:column message (hint)` each. */
function checked(text: string): string[] {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  return checkRefs(assembleCatalog('memory', [file], true).source, new CheckMemory()).map(
    (d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message} (${d.hint})`,
  );
}

/** One event whose payload has these properties (a flow mapping each), under shared schemas. */
const payload = (properties: Record<string, string>, schemas = 'schemas:\n  Money: { type: integer }\n  Cash: { type: number }\n'): string =>
  `${schemas}events:\n  - key: thing.created\n    payload:\n      type: object\n      properties:\n${Object.entries(properties)
    .map(([name, schema]) => `        ${name}: ${schema}\n`)
    .join('')}`;

describe('what a refused $ref tells', () => {
  it('names the shared schemas there are when a name does not resolve', () => {
    expect(checked(payload({ a: "{ $ref: '#/schemas/Coin' }" }))).toEqual([
      'HC303 error 9:20 `#/schemas/Coin` does not resolve: no shared schema `Coin` (declare it under `schemas:` (declared: Money, Cash))',
    ]);
  });

  it('reports the ref that does not resolve beside one that does, in one payload', () => {
    expect(checked(payload({ a: "{ $ref: '#/schemas/Money' }", b: "{ $ref: '#/schemas/Coin' }" }))).toEqual([
      'HC303 error 10:20 `#/schemas/Coin` does not resolve: no shared schema `Coin` (declare it under `schemas:` (declared: Money, Cash))',
    ]);
  });

  it('says what is wrong with a ref that is no text, or points inside a schema', () => {
    expect(checked(payload({ a: '{ $ref: 5 }', b: "{ $ref: '#/schemas/Money/type' }" }))).toEqual([
      "HC303 error 9:20 `$ref` must be a string (write `$ref: '#/schemas/Name'`)",
      'HC303 error 10:20 `#/schemas/Money/type` is not a reference to a shared schema (refer to shared schemas as `#/schemas/Name`)',
    ]);
  });

  it('takes a path with a colon after its first folder for a file, and a shared name with one for a name', () => {
    expect(checked(payload({ a: "{ $ref: 'schemas/v2:money.json' }", b: "{ $ref: '#/schemas/v2:Money' }" }))).toEqual([
      'HC304 error 9:20 `schemas/v2:money.json` refers to a file; catalog schemas refer only to shared schemas of the same catalog (move the schema under `schemas:` and refer to it as `#/schemas/Name`)',
      'HC303 error 10:20 `#/schemas/v2:Money` does not resolve: no shared schema `v2:Money` (declare it under `schemas:` (declared: Money, Cash))',
    ]);
  });
});

describe('other findings of the walk', () => {
  it('says that a `$schema` which is no text names no dialect', () => {
    expect(checked(payload({ a: '{ $schema: 7, type: string }' }))).toEqual([
      'HC360 warning 9:23 `$schema` names no text, not a JSON Schema dialect hookcat reads: the schema is read as draft 2020-12 (name draft-04, 06, 07, 2019-09 or 2020-12 (http://json-schema.org/draft-07/schema), or remove `$schema`)',
    ]);
  });

  it('takes a title or description that is null for no text (the meta-schema check refuses it)', () => {
    expect(checked(payload({ a: '{ type: string, title: null, description: null }' }))).toEqual([]);
  });

  it('counts each locale of a long text on its own: one at exactly the limit, or not text, is not too long', () => {
    const over = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const limit = 'y'.repeat(MAX_TEXT_LENGTH);
    const found = checked(payload({ a: `{ type: string, title: { en: ${over}, et: ${limit}, de: { length: 20000 } } }` }));
    expect(found).toEqual([
      `HC203 error 9:41 this text is ${MAX_TEXT_LENGTH + 1} characters long, more than ${MAX_TEXT_LENGTH} (shorten it to at most ${MAX_TEXT_LENGTH} characters)`,
    ]);
  });
});
