/**
 * Translation coverage of one catalog: for each locale besides the source locale, how many
 * texts are translated, which are missing (with their positions) and which are stale (the
 * source text changed after the translation was made, by the lock file).
 */
import type { CatalogText } from './catalog-texts.js';
import { textHash, type TranslationLock } from './lock.js';

export type TextState = 'current' | 'stale' | 'missing' | 'unrecorded';

export interface TextStatus {
  readonly text: CatalogText;
  readonly state: TextState;
}

export interface LocaleCoverage {
  readonly locale: string;
  /** Texts with a source-locale text. */
  readonly total: number;
  /** Texts written in this locale (current, stale or unrecorded). */
  readonly translated: number;
  readonly missing: readonly CatalogText[];
  readonly stale: readonly CatalogText[];
  /** Translated texts the lock file does not know: they cannot be checked for staleness. */
  readonly unrecorded: readonly CatalogText[];
}

/** The state of one text in one locale. */
export function textState(text: CatalogText, locale: string, lock: TranslationLock): TextState {
  const translation = text.written[locale];
  if (translation === undefined) return 'missing';
  const entry = lock.get(text.id)?.get(locale);
  if (entry === undefined || text.source === undefined) return 'unrecorded';
  if (entry.source === textHash(text.source)) return 'current';
  // The translation was edited after the source changed: it was made from the new source.
  return entry.translation === textHash(translation) ? 'stale' : 'current';
}

/** Coverage of `locale` over the texts that have a source text. */
export function localeCoverage(texts: readonly CatalogText[], locale: string, lock: TranslationLock): LocaleCoverage {
  const withSource = texts.filter((t) => t.source !== undefined);
  const states = withSource.map((text) => ({ text, state: textState(text, locale, lock) }));
  const of = (state: TextState) => states.filter((s) => s.state === state).map((s) => s.text);
  return {
    locale,
    total: withSource.length,
    translated: states.filter((s) => s.state !== 'missing').length,
    missing: of('missing'),
    stale: of('stale'),
    unrecorded: of('unrecorded'),
  };
}
