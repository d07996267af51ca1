/** Events name a declared category and subgroup: the hints list every id the catalog declares. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkReferences } from '../../../src/catalog/checks/references.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

const CATEGORIES = `categories:
  - { id: orders, groups: [{ id: lines }, { id: refunds }] }
  - { id: customers }
`;

/** `code line:column message (hint)` for each finding of checkReferences on these events. */
function checked(events: string): string[] {
  const { file, diagnostics } = parseCatalogFile(`${CATEGORIES}events:\n${events}`, 'f.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  return checkReferences(assembleCatalog('memory', [file], true).source, new CheckMemory()).map(
    (d) => `${d.code} ${d.line}:${d.column} ${d.message} (${d.hint})`,
  );
}

describe('the ids a hint offers', () => {
  it('lists every declared category for an undeclared one', () => {
    expect(checked('  - { key: shop.opened, category: shops }\n')).toEqual([
      'HC301 5:35 event `shop.opened` names the category `shops`, which the catalog does not declare (use one of: orders, customers, or declare it under `categories:`)',
    ]);
  });

  it('lists every subgroup of the category, for an undeclared subgroup and for none', () => {
    expect(checked('  - { key: order.line.added, category: orders, group: items }\n  - { key: order.created, category: orders }\n')).toEqual([
      'HC302 5:55 event `order.line.added` names the subgroup `items`, which category `orders` does not declare (use one of: lines, refunds)',
      'HC302 6:5 event `order.created` has no subgroup, but category `orders` is divided into subgroups (add `group:` with one of: lines, refunds)',
    ]);
  });
});
