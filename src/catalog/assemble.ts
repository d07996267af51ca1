/** Gathers the valid files of a catalog into one `CatalogSource`, in file order. */
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from './positions.js';
import type { SourceFile } from './source-file.js';
import type { CatalogSource, Located, NamedLocated, RawCategory, RawEnvelope, RawEvent, RawMetadata, RawSubscriptions } from './source.js';

interface FileData {
  catalog?: RawMetadata;
  envelope?: RawEnvelope;
  subscriptions?: RawSubscriptions;
  categories?: RawCategory[];
  schemas?: Record<string, unknown>;
  events?: RawEvent[];
}

type Single = 'catalog' | 'envelope' | 'subscriptions';

/** `files` passed the format check; `complete` says whether every file of the catalog did. */
export function assembleCatalog(folder: string, files: readonly SourceFile[], complete: boolean): { source: CatalogSource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const singles: { [K in Single]?: Located<unknown> } = {};
  const categories: Located<RawCategory>[] = [];
  const schemas: NamedLocated<unknown>[] = [];
  const events: Located<RawEvent>[] = [];
  for (const file of files) {
    const data = (file.data ?? {}) as FileData;
    for (const key of ['catalog', 'envelope', 'subscriptions'] as const) {
      if (data[key] === undefined) continue;
      const first = singles[key];
      if (first !== undefined) {
        diagnostics.push(
          diagnosticAt(
            file,
            [key],
            'HC204',
            'error',
            `\`${key}\` is declared again (first in ${first.file.displayPath})`,
            `keep one \`${key}\` block per catalog`,
            'key',
          ),
        );
      } else singles[key] = { value: data[key], file, path: [key] };
    }
    (data.categories ?? []).forEach((value, i) => categories.push({ value, file, path: ['categories', i] }));
    for (const [name, value] of Object.entries(data.schemas ?? {})) schemas.push({ name, value, file, path: ['schemas', name] });
    (data.events ?? []).forEach((value, i) => events.push({ value, file, path: ['events', i] }));
  }
  const source: CatalogSource = {
    folder,
    files,
    metadata: singles.catalog as Located<RawMetadata> | undefined,
    envelope: singles.envelope as Located<RawEnvelope> | undefined,
    subscriptions: singles.subscriptions as Located<RawSubscriptions> | undefined,
    categories,
    schemas,
    events,
    complete,
  };
  return { source, diagnostics };
}
