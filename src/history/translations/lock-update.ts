/** `hookcat translations lock`: record what each translation was made from. */
import type { CatalogTexts } from './catalog-texts.js';
import { recordTranslation, textHash, type TranslationLock } from './lock.js';

/**
 * Updates `lock` for one catalog: a translation not recorded yet, or edited since it was
 * recorded, is recorded as made from the current source text; a stale one (its source changed,
 * it did not) stays stale unless `force`. Entries of texts or locales that are gone are dropped.
 * Returns how many entries were recorded.
 */
export function updateLock(texts: CatalogTexts, lock: TranslationLock, force: boolean): number {
  const { catalog } = texts;
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const kept: TranslationLock = new Map();
  let recorded = 0;
  for (const text of texts.texts) {
    if (text.source === undefined) continue;
    for (const locale of targets) {
      const translation = text.written[locale];
      if (translation === undefined) continue;
      const entry = lock.get(text.id)?.get(locale);
      if (entry !== undefined && !force && entry.translation === textHash(translation)) {
        if (!kept.has(text.id)) kept.set(text.id, new Map());
        kept.get(text.id)!.set(locale, entry);
        continue;
      }
      recordTranslation(kept, text.id, locale, text.source, translation);
      recorded++;
    }
  }
  lock.clear();
  for (const [id, entries] of kept) lock.set(id, entries);
  return recorded;
}
