/** The `catalog:` block: HC204 when it is missing, HC203 when the source locale is not a locale. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkMetadata } from '../../../src/catalog/checks/metadata.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

/** `file line:column code message` for checkMetadata on these files (relative path -> text), in this order. */
function checked(files: Record<string, string>): string[] {
  const parsed = Object.entries(files).map(([name, text]) => {
    const { file, diagnostics } = parseCatalogFile(text, name, name);
    expect(diagnostics).toEqual([]);
    return file;
  });
  return checkMetadata(assembleCatalog('memory', parsed, true).source, new CheckMemory()).map((d) => `${d.file} ${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('the catalog block', () => {
  it('is asked for in catalog.yaml, whichever file comes first', () => {
    const files = { 'events/a.yaml': 'events: []\n', 'catalog.yaml': 'categories: []\n' };
    const missing = 'HC204 the catalog has no `catalog:` block (id, version, locales, sourceLocale, title)';
    expect(checked(files)).toEqual([`catalog.yaml 1:1 ${missing}`]);
    expect(checked({ 'catalog.yaml': files['catalog.yaml'], 'events/a.yaml': files['events/a.yaml'] })).toEqual([`catalog.yaml 1:1 ${missing}`]);
  });

  it('names every locale when the source locale is not one of them', () => {
    const block = "catalog: { id: c, version: '1', locales: [en, de, et], sourceLocale: fr, title: C }\n";
    expect(checked({ 'catalog.yaml': block })).toEqual(["catalog.yaml 1:70 HC203 the source locale `fr` is not one of the catalog's locales (en, de, et)"]);
  });
});
