/** `emitOpenApi` (src/emit/openapi.ts): one document written twice, YAML first, then JSON. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../../src/emit/openapi.js';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { catalogDoc, writtenCatalog } from '../json-schema/written-catalog.js';

describe('emitOpenApi', () => {
  it('writes the catalog’s document as openapi.yaml, then openapi.json', async () => {
    const catalog = await writtenCatalog(catalogDoc());
    const files = emitOpenApi(catalog);
    expect(files.map((file) => file.path)).toEqual(['shop/openapi.yaml', 'shop/openapi.json']);
    const [yaml, json] = files.map((file) => file.contents) as [string, string];
    expect(json).toBe(`${JSON.stringify(openApiDocument(catalog), null, 2)}\n`);
    expect(parse(yaml)).toEqual(JSON.parse(json));
  });
});
