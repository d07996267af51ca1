/** The catalog block exists once and its source locale is one of its locales. */
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { CATALOG_FILE } from '../files.js';

export const checkMetadata: Check = (source) => {
  const metadata = source.metadata;
  if (metadata === undefined) {
    if (!source.complete) return [];
    const file = source.files.find((f) => f.relativePath === CATALOG_FILE) ?? source.files[0];
    if (file === undefined) return [];
    return [
      diagnosticAt(
        file,
        [],
        'HC204',
        'error',
        'the catalog has no `catalog:` block (id, version, locales, sourceLocale, title)',
        `add a \`catalog:\` block to ${CATALOG_FILE}`,
      ),
    ];
  }
  const { locales, sourceLocale } = metadata.value;
  if (!locales.includes(sourceLocale)) {
    return [
      diagnosticAt(
        metadata.file,
        [...metadata.path, 'sourceLocale'],
        'HC203',
        'error',
        `the source locale \`${sourceLocale}\` is not one of the catalog's locales (${locales.join(', ')})`,
        `add \`${sourceLocale}\` to \`locales\` or choose one of them`,
      ),
    ];
  }
  return [];
};
