/** Where the schema files say they live: their `$id`s under the catalog's docs URL. */
import { describe, expect, it } from 'vitest';
import { catalogDoc, emitted, writtenCatalog } from './written-catalog.js';

describe('the $id of a schema file', () => {
  it('joins the docs URL without its trailing slashes, the version and the file', async () => {
    const loaded = await writtenCatalog(catalogDoc());
    // The loader strips the slashes itself: a model built by hand keeps them.
    const catalog = { ...loaded, docsUrl: 'https://docs.example.com/shop//' };
    expect(emitted(catalog).get('bundle.schema.json')!['$id']).toBe('https://docs.example.com/shop/1.0/schemas/bundle.schema.json');
  });
});
