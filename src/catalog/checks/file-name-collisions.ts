/**
 * HC340: two event keys, or two shared schema names, that would be written to one file. Keys
 * become file names by one mapping (`/` and `:` written as `~`, see `src/names/file-names.ts`),
 * and macOS and Windows ignore case: `orders/create` and `orders:create`, or `Order.Created` and
 * `order.created`, would overwrite each other's schemas and pages there.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { fileNameIdentity, keyFileName, schemaFileName } from '../../names/file-names.js';
import { diagnosticAt, positionOf, type Target } from '../positions.js';
import type { DataPath, SourceFile } from '../source-file.js';
import type { Check } from './check.js';

interface Named {
  readonly name: string;
  readonly file: SourceFile;
  readonly path: DataPath;
  readonly target: Target;
}

export const checkFileNameCollisions: Check = (source) => [
  ...collisions(
    source.events.map(({ value, file, path }) => ({ name: value.key, file, path: [...path, 'key'], target: 'value' })),
    keyFileName,
    'event key',
    'events/',
    "rename one of them: a key's file name keeps its case and writes `/` and `:` as `~`",
  ),
  ...collisions(
    source.schemas.map(({ name, file, path }) => ({ name, file, path, target: 'key' })),
    schemaFileName,
    'shared schema name',
    'schemas/',
    "rename one of them: a shared schema's file name is its name, case kept",
  ),
];

/** An error at each name whose file name another, different name already makes. */
function collisions(named: readonly Named[], fileNameOf: (name: string) => string, what: string, folder: string, hint: string): Diagnostic[] {
  const first = new Map<string, Named>();
  const diagnostics: Diagnostic[] = [];
  for (const item of named) {
    const identity = fileNameIdentity(fileNameOf(item.name));
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, item);
      continue;
    }
    // The same name twice is a duplicate (HC300, HC309), reported as such.
    if (earlier.name === item.name) continue;
    const { line, column } = positionOf(earlier.file, earlier.path, earlier.target);
    const mine = `${folder}${fileNameOf(item.name)}.md`;
    const theirs = `${folder}${fileNameOf(earlier.name)}.md`;
    const same =
      mine === theirs
        ? `the same files (\`${mine}\`...)`
        : `files whose names differ only in case (\`${mine}\`, \`${theirs}\`...), one file on macOS and Windows`;
    diagnostics.push(
      diagnosticAt(
        item.file,
        item.path,
        'HC340',
        'error',
        `the ${what} \`${item.name}\` and \`${earlier.name}\` (${earlier.file.displayPath}:${line}:${column}) are written to ${same}`,
        hint,
        item.target,
      ),
    );
  }
  return diagnostics;
}
