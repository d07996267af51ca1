/** Every event names an existing category and subgroup; deprecations name an existing replacement. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';

export const checkReferences: Check = (source) => {
  if (!source.complete) return [];
  const diagnostics: Diagnostic[] = [];
  const categories = new Map(source.categories.map((c) => [c.value.id, c.value]));
  const events = new Map(source.events.map((e) => [e.value.key, e.value]));
  for (const { value: event, file, path } of source.events) {
    const category = categories.get(event.category);
    if (category === undefined) {
      const known = [...categories.keys()].join(', ');
      diagnostics.push(
        diagnosticAt(
          file,
          [...path, 'category'],
          'HC301',
          'error',
          `event \`${event.key}\` names the category \`${event.category}\`, which the catalog does not declare`,
          known === '' ? 'declare it under `categories:`, where the catalog declares none yet' : `use one of: ${known}, or declare it under \`categories:\``,
        ),
      );
    } else {
      const groups = (category.groups ?? []).map((g) => g.id);
      if (event.group !== undefined && !groups.includes(event.group)) {
        const hint = groups.length > 0 ? `use one of: ${groups.join(', ')}` : `category \`${category.id}\` has no subgroups; remove \`group\` or declare it`;
        diagnostics.push(
          diagnosticAt(
            file,
            [...path, 'group'],
            'HC302',
            'error',
            `event \`${event.key}\` names the subgroup \`${event.group}\`, which category \`${category.id}\` does not declare`,
            hint,
          ),
        );
      } else if (event.group === undefined && groups.length > 0) {
        diagnostics.push(
          diagnosticAt(
            file,
            path,
            'HC302',
            'error',
            `event \`${event.key}\` has no subgroup, but category \`${category.id}\` is divided into subgroups`,
            `add \`group:\` with one of: ${groups.join(', ')}`,
          ),
        );
      }
    }
    const deprecation = typeof event.deprecated === 'object' ? event.deprecated : undefined;
    const replacement = deprecation?.replacement;
    if (replacement === undefined) continue;
    const at = [...path, 'deprecated', 'replacement'];
    const target = events.get(replacement);
    if (target === undefined) {
      diagnostics.push(
        diagnosticAt(
          file,
          at,
          'HC307',
          'error',
          `\`${event.key}\` is replaced by \`${replacement}\`, which is not an event of this catalog`,
          'name an existing event key, or remove `replacement`',
        ),
      );
    } else if (replacement === event.key || (target.deprecated !== undefined && target.deprecated !== false)) {
      const why = replacement === event.key ? 'the event itself' : 'an event that is itself deprecated';
      diagnostics.push(
        diagnosticAt(file, at, 'HC312', 'error', `\`${event.key}\` is replaced by ${why} (\`${replacement}\`)`, 'name the current event that replaces it'),
      );
    }
  }
  return diagnostics;
};
