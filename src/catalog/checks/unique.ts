/** Names that must be unique: event keys across files, categories, subgroups, schemas, examples. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt, positionOf, type Target } from '../positions.js';
import type { DataPath, SourceFile } from '../source-file.js';

interface Seen {
  readonly file: SourceFile;
  readonly path: DataPath;
  /** A name written as a mapping key (shared schemas) is pointed at by its key. */
  readonly target?: Target;
}

function where(seen: Seen): string {
  const { line, column } = positionOf(seen.file, seen.path, seen.target);
  return `${seen.file.displayPath}:${line}:${column}`;
}

export const checkUnique: Check = (source) => {
  const diagnostics: Diagnostic[] = [];
  const once = (table: Map<string, Seen>, name: string, at: Seen, code: 'HC300' | 'HC309', what: string): void => {
    const first = table.get(name);
    if (first === undefined) table.set(name, at);
    else
      diagnostics.push(
        diagnosticAt(
          at.file,
          at.path,
          code,
          'error',
          `${what} \`${name}\` is declared twice (first at ${where(first)})`,
          `rename or remove one of them`,
          at.target,
        ),
      );
  };
  const events = new Map<string, Seen>();
  for (const event of source.events) {
    once(events, event.value.key, { file: event.file, path: [...event.path, 'key'] }, 'HC300', 'event key');
    const examples = event.value.examples ?? [];
    // Most events have one example: nothing to compare.
    if (examples.length < 2) continue;
    const names = new Map<string, Seen>();
    examples.forEach((example, i) => {
      if (example.name !== undefined) once(names, example.name, { file: event.file, path: [...event.path, 'examples', i, 'name'] }, 'HC309', 'example');
    });
  }
  const categories = new Map<string, Seen>();
  for (const category of source.categories) {
    once(categories, category.value.id, { file: category.file, path: [...category.path, 'id'] }, 'HC309', 'category');
    const groups = new Map<string, Seen>();
    (category.value.groups ?? []).forEach((group, i) =>
      once(groups, group.id, { file: category.file, path: [...category.path, 'groups', i, 'id'] }, 'HC309', 'subgroup'),
    );
  }
  const schemas = new Map<string, Seen>();
  for (const schema of source.schemas) once(schemas, schema.name, { file: schema.file, path: schema.path, target: 'key' }, 'HC309', 'shared schema');
  return diagnostics;
};
