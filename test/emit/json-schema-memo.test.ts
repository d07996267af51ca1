import { describe, expect, it } from 'vitest';
import { emitJsonSchemas } from '../../src/emit/json-schema.js';
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
