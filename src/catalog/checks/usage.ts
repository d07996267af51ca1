/** Declared categories and subgroups hold events (an empty one is likely a leftover). */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';

export const checkUsage: Check = (source) => {
  if (!source.complete) return [];
  const diagnostics: Diagnostic[] = [];
  const used = new Set(source.events.map((e) => `${e.value.category}/${e.value.group ?? ''}`));
  const usedCategories = new Set(source.events.map((e) => e.value.category));
  for (const category of source.categories) {
    const c = category.value;
    if (!usedCategories.has(c.id)) {
      diagnostics.push(
        diagnosticAt(category.file, [...category.path, 'id'], 'HC314', 'warning', `category \`${c.id}\` has no events`, 'add events to it or remove it'),
      );
      continue;
    }
    (c.groups ?? []).forEach((g, i) => {
      if (!used.has(`${c.id}/${g.id}`))
        diagnostics.push(
          diagnosticAt(
            category.file,
            [...category.path, 'groups', i, 'id'],
            'HC314',
            'warning',
            `subgroup \`${g.id}\` of \`${c.id}\` has no events`,
            'add events to it or remove it',
          ),
        );
    });
  }
  return diagnostics;
};
