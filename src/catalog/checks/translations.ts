/** Every declared locale has its text; text in an undeclared locale is reported. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { writtenLocales } from '../localized-text.js';
import type { LocatedText } from './texts-in-catalog.js';
import { eventTexts, headTexts, tailTexts } from './texts-in-catalog.js';
import { eventKeys } from './memo.js';
import { fallbackChain } from '../../locale/tags.js';

export const checkTranslations: Check = (source, memory) => {
  const metadata = source.metadata?.value;
  if (metadata === undefined) return [];
  const { locales, sourceLocale, fallbackLocale } = metadata;
  // checkMetadata reports an undeclared source locale; every text would repeat it here.
  if (!locales.includes(sourceLocale)) return [];
  const severity = metadata.missingTranslation === 'error' ? 'error' : 'warning';
  const chains = new Map(locales.map((locale) => [locale, fallbackChain(locale, fallbackLocale, sourceLocale)]));
  const problems = (texts: readonly LocatedText[]): Diagnostic[] => translationProblems(texts, chains, sourceLocale, severity);
  const context = JSON.stringify([locales, sourceLocale, fallbackLocale, severity]);
  /** Per event: what this check found in its texts, by the catalog's locale settings. */
  const checked = memory.memo<readonly Diagnostic[]>('translations');
  const eventKey = eventKeys(source);
  const diagnostics = problems(headTexts(source));
  for (const event of source.events) diagnostics.push(...checked.get(eventKey(event.value), context, () => problems(eventTexts(event))));
  diagnostics.push(...problems(tailTexts(source)));
  return diagnostics;
};

function translationProblems(
  texts: readonly LocatedText[],
  chains: ReadonlyMap<string, readonly string[]>,
  sourceLocale: string,
  severity: 'error' | 'warning',
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const locales = [...chains.keys()];
  for (const text of texts) {
    const written = writtenLocales(text.value, sourceLocale);
    const missing = locales.filter((l) => !written.includes(l));
    const needed = text.required ? missing : missing.filter((l) => l === sourceLocale);
    if (needed.length > 0) {
      const action = severity === 'error' ? 'the catalog requires every translation' : usedInstead(needed, chains, written);
      diagnostics.push(
        diagnosticAt(
          text.file,
          text.path,
          'HC305',
          severity,
          `${text.label} has no ${needed.join(', ')} text; ${action}`,
          `add ${needed.map((l) => `\`${l}:\``).join(' and ')}`,
        ),
      );
    }
    for (const locale of written.filter((l) => !locales.includes(l))) {
      diagnostics.push(
        diagnosticAt(
          text.file,
          [...text.path, locale],
          'HC311',
          'warning',
          `${text.label} has text in \`${locale}\`, which is not one of the catalog's locales (${locales.join(', ')})`,
          `add \`${locale}\` to \`catalog.locales\` or remove this text`,
          'key',
        ),
      );
    }
  }
  return diagnostics;
}

/** `the en text is used instead`, or, when missing locales fall back to different texts along
 * their chains, `es-419 takes the es text, ko the en text`. */
function usedInstead(missing: readonly string[], chains: ReadonlyMap<string, readonly string[]>, written: readonly string[]): string {
  const used = missing.map((locale) => chains.get(locale)?.find((l) => written.includes(l)) ?? written[0]);
  if (new Set(used).size === 1) return `the ${used[0]} text is used instead`;
  return missing.map((locale, i) => (i === 0 ? `${locale} takes the ${used[i]} text` : `${locale} the ${used[i]} text`)).join(', ');
}
