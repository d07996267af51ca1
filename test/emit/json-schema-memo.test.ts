import { describe, expect, it } from 'vitest';
import { emitJsonSchemas } from '../../src/emit/json-schema.js';
import { fingerprint } from '../../src/emit/json-schema/memo.js';
import type { Catalog } from '../../src/model/types.js';
import { allTestCatalogs } from './json-schema-catalogs.js';
import { catalogVariants } from './json-schema-variants.js';

const catalogs = await allTestCatalogs();

/** The same catalog with new objects everywhere: nothing kept from an earlier emit applies. */
const fresh = (catalog: Catalog): Catalog => structuredClone(catalog);

describe.each(catalogs)('JSON Schemas of $name, emitted again in the same process', ({ catalog }) => {
  const first = emitJsonSchemas(catalog);

  it('are the same files, per-event ones the very same strings', () => {
    const again = emitJsonSchemas(catalog);
    expect(again).toEqual(first);
    again.forEach((file, i) => {
      if (file.path.includes('/payloads/') || file.path.includes('/events/')) expect(Object.is(file.contents, first[i]!.contents)).toBe(true);
    });
  });

  it.each(catalogVariants(catalog))('follow a change: $name', ({ catalog: changed }) => {
    expect(emitJsonSchemas(changed)).toEqual(emitJsonSchemas(fresh(changed)));
    expect(emitJsonSchemas(catalog)).toEqual(first);
  });
});

describe('fingerprint', () => {
  it('is the same for equal content and tells apart what JSON does not', () => {
    const values = [
      null,
      Number.NaN,
      Infinity,
      -Infinity,
      undefined,
      [undefined],
      [null],
      { a: undefined },
      {},
      { a: null },
      '1',
      1,
      'null',
      ['sNaN'],
      ['nNaN'],
      ['u'],
      { b: 1, a: 2 },
      { a: 2, b: 1 },
    ];
    expect(new Set(values.map(fingerprint)).size).toBe(values.length);
    expect(fingerprint({ a: [1, 'x', { b: null }] })).toBe(fingerprint({ a: [1, 'x', { b: null }] }));
  });
});
