/** Texts in other locales: only real translations, and two maps of them merged. */
import { describe, expect, it } from 'vitest';
import { mergeTranslations } from '../../../src/emit/json-schema/translations.js';
import { catalogDoc, emitted, writtenCatalog } from './written-catalog.js';

describe('the translations of a catalog’s texts', () => {
  it('leave out an empty text', async () => {
    const loaded = await writtenCatalog(catalogDoc());
    // The loader refuses an empty text (HC203): a model built by hand may have one.
    const description = { en: { text: 'A shop.', fallback: false }, et: { text: '', fallback: false } };
    const catalog = { ...loaded, description };
    expect(emitted(catalog).get('translations.json')!['et']['bundle.schema.json']['']).toEqual({ title: 'Pood' });
  });
});

describe('two translation maps merged', () => {
  it('take the second map when the first is not one', () => {
    expect(mergeTranslations('odd', { et: { title: 'B' } })).toEqual({ et: { title: 'B' } });
    expect(mergeTranslations(undefined, 'odd')).toBe('odd');
  });
});
