/**
 * The catalog's locale tags are well-formed BCP 47 tags in their canonical form (as
 * `Intl.getCanonicalLocales` gives it), so each locale has one spelling: in text maps, folder
 * names and the language menu. The format check has already refused what is not shaped like a
 * tag (paths, markup, wrong case); this finds what only `Intl` knows (`iw` is `he`, `eng` is
 * `en`, a variant written twice). The fallback locale is one of the catalog's locales.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { canonicalLocale } from '../../locale/tags.js';
import { diagnosticAt } from '../positions.js';
import type { DataPath } from '../source-file.js';
import type { Check } from './check.js';

export const checkLocales: Check = (source) => {
  const metadata = source.metadata;
  if (metadata === undefined) return [];
  const { locales, sourceLocale, fallbackLocale } = metadata.value;
  const at = (path: DataPath) => [...metadata.path, ...path];
  const diagnostics: Diagnostic[] = [];
  const tags: [string, DataPath][] = [...locales.map((tag, i): [string, DataPath] => [tag, ['locales', i]]), [sourceLocale, ['sourceLocale']]];
  if (fallbackLocale !== undefined) tags.push([fallbackLocale, ['fallbackLocale']]);
  for (const [tag, path] of tags) {
    const canonical = canonicalLocale(tag);
    if (canonical === tag) continue;
    diagnostics.push(
      diagnosticAt(
        metadata.file,
        at(path),
        'HC350',
        'error',
        canonical === undefined
          ? `\`${tag}\` is not a well-formed BCP 47 language tag`
          : `\`${tag}\` is not the canonical form of its language tag, which is \`${canonical}\``,
        canonical === undefined ? 'write a tag such as `en`, `pt-BR`, `es-419` or `zh-Hant-TW`' : `write \`${canonical}\``,
      ),
    );
  }
  if (fallbackLocale !== undefined && !locales.includes(fallbackLocale)) {
    diagnostics.push(
      diagnosticAt(
        metadata.file,
        at(['fallbackLocale']),
        'HC203',
        'error',
        `the fallback locale \`${fallbackLocale}\` is not one of the catalog's locales (${locales.join(', ')})`,
        `add \`${fallbackLocale}\` to \`locales\` or choose one of them`,
      ),
    );
  }
  return diagnostics;
};
