import { describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../src/emit/openapi.js';
import type { Catalog } from '../../src/model/types.js';
import { allTestCatalogs } from './json-schema-catalogs.js';
import { catalogVariants } from './json-schema-variants.js';

const catalogs = await allTestCatalogs();

/** The same catalog with new objects everywhere: nothing kept from an earlier emit applies. */
const fresh = (catalog: Catalog): Catalog => structuredClone(catalog);

describe.each(catalogs)('OpenAPI of $name, emitted again in the same process', ({ catalog }) => {
  const first = emitOpenApi(catalog);

  it('are the same files', () => {
    expect(emitOpenApi(catalog)).toEqual(first);
  });

  it.each(catalogVariants(catalog))('follow a change: $name', ({ catalog: changed }) => {
    expect(emitOpenApi(changed)).toEqual(emitOpenApi(fresh(changed)));
    expect(emitOpenApi(catalog)).toEqual(first);
  });
});
