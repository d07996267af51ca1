/** Every declared locale has its text; text in an undeclared locale is reported. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { writtenLocales } from '../localized-text.js';
import type { LocatedText } from './texts-in-catalog.js';
import { eventTexts, headTexts, tailTexts } from './texts-in-catalog.js';
import { eventKeys } from './memo.js';

export const checkTranslations: Check = (source, memory) => {
  const metadata = source.metadata?.value;
  if (metadata === undefined) return [];
  const { locales, sourceLocale } = metadata;
  // checkMetadata reports an undeclared source locale; every text would repeat it here.
  if (!locales.includes(sourceLocale)) return [];
  const severity = metadata.missingTranslation === 'error' ? 'error' : 'warning';
  const problems = (texts: readonly LocatedText[]): Diagnostic[] => translationProblems(texts, locales, sourceLocale, severity);
  const context = JSON.stringify([locales, sourceLocale, severity]);
  /** Per event: what this check found in its texts, by the catalog's locale settings. */
  const checked = memory.memo<readonly Diagnostic[]>('translations');
  const eventKey = eventKeys(source);
  const diagnostics = problems(headTexts(source));
  for (const event of source.events) diagnostics.push(...checked.get(eventKey(event.value), context, () => problems(eventTexts(event))));
  diagnostics.push(...problems(tailTexts(source)));
  return diagnostics;
};

function translationProblems(texts: readonly LocatedText[], locales: readonly string[], sourceLocale: string, severity: 'error' | 'warning'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const text of texts) {
    const written = writtenLocales(text.value, sourceLocale);
    const missing = locales.filter((l) => !written.includes(l));
    const needed = text.required ? missing : missing.filter((l) => l === sourceLocale);
    if (needed.length > 0) {
      const fallback = written.includes(sourceLocale) ? sourceLocale : written[0];
      const action = severity === 'error' ? 'the catalog requires every translation' : `the ${fallback} text is used instead`;
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
