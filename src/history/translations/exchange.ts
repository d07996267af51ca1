/**
 * Texts for translators, independent of the file format: one unit per text, with its id, its
 * position in the catalog, the source text and the translation (when there is a current one).
 */
import type { CatalogTexts, CatalogText } from './catalog-texts.js';
import { textState, type TextState } from './coverage.js';
import type { TranslationLock } from './lock.js';

export interface ExchangeUnit {
  readonly id: string;
  readonly source: string;
  /** The translation; undefined when there is none, or (in formats without a fuzzy mark) when it is stale. */
  readonly target: string | undefined;
  /** The translation there was, when it is stale. */
  readonly previous: string | undefined;
  readonly state: TextState;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Data path in the file, as a JSON Pointer. */
  readonly pointer: string;
}

export interface ExchangeDocument {
  readonly catalog: string;
  readonly sourceLocale: string;
  readonly targetLocale: string;
  readonly units: readonly ExchangeUnit[];
}

export type ExchangeFormat = 'po' | 'xliff';
export const EXCHANGE_FORMATS: readonly ExchangeFormat[] = ['po', 'xliff'];

function pointerOf(text: CatalogText): string {
  return text.path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Every text of the catalog with a source text, for translation into `locale`. */
export function exchangeDocument(texts: CatalogTexts, locale: string, lock: TranslationLock): ExchangeDocument {
  const units = texts.texts
    .filter((t): t is CatalogText & { source: string } => t.source !== undefined)
    .map((t): ExchangeUnit => {
      const state = textState(t, locale, lock);
      return {
        id: t.id,
        source: t.source,
        target: t.written[locale],
        previous: state === 'stale' ? t.written[locale] : undefined,
        state,
        file: t.file,
        line: t.line,
        column: t.column,
        pointer: pointerOf(t),
      };
    });
  return { catalog: texts.catalog.id, sourceLocale: texts.catalog.sourceLocale, targetLocale: locale, units };
}

/** A unit read back from a translator's file: what it says, not where it was. */
export interface ImportedUnit {
  readonly id: string;
  /** The source text the translator saw. */
  readonly source: string;
  readonly target: string;
  /** Marked as needing review (gettext's `fuzzy`): not imported. */
  readonly fuzzy: boolean;
}

export interface ImportedDocument {
  readonly catalog: string;
  readonly targetLocale: string;
  readonly units: readonly ImportedUnit[];
  /** Ids of translations whose text holds markup hookcat does not read (XLIFF inline elements but `<cp>`). */
  readonly unreadable?: readonly string[];
}
