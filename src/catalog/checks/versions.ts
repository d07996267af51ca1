/** When the catalog declares `versions`, every `since`, `deprecated.since` and the catalog's own version name one of them, once. */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import type { Check } from './check.js';

export const checkVersions: Check = (source) => {
  const metadata = source.metadata;
  const versions = metadata?.value.versions;
  if (metadata === undefined || versions === undefined || versions.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const declared = new Set<string>();
  versions.forEach((v, i) => {
    if (declared.has(v.version)) {
      diagnostics.push(
        diagnosticAt(
          metadata.file,
          [...metadata.path, 'versions', i, 'version'],
          'HC315',
          'warning',
          `version \`${v.version}\` is declared twice`,
          'keep one entry per version',
        ),
      );
    }
    declared.add(v.version);
  });
  const list = [...declared].join(', ');
  const check = (version: string | undefined, file: (typeof source.files)[number], path: (string | number)[], what: string): void => {
    if (version === undefined || declared.has(version)) return;
    diagnostics.push(
      diagnosticAt(
        file,
        path,
        'HC315',
        'warning',
        `${what} names version \`${version}\`, which \`catalog.versions\` does not declare (${list})`,
        `add \`${version}\` to \`catalog.versions\` with its date and notes, or name a declared version`,
      ),
    );
  };
  check(metadata.value.version, metadata.file, [...metadata.path, 'version'], 'the catalog');
  for (const { value: event, file, path } of source.events) {
    check(event.since, file, [...path, 'since'], `\`since\` of \`${event.key}\``);
    if (typeof event.deprecated === 'object') check(event.deprecated.since, file, [...path, 'deprecated', 'since'], `\`deprecated.since\` of \`${event.key}\``);
  }
  return diagnostics;
};
