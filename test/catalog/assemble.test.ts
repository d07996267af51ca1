/** The files of a catalog gathered into one source, in file order; a second metadata, envelope or subscriptions block is HC204. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import type { SourceFile } from '../../src/catalog/source-file.js';

function file(name: string, text: string): SourceFile {
  const { file, diagnostics } = parseCatalogFile(text, name, name);
  expect(diagnostics).toEqual([]);
  return file;
}

const CATALOG = `catalog: { id: shop, version: '1', locales: [en], sourceLocale: en, title: Shop }
envelope: { shape: bare }
categories:
  - { id: orders, title: Orders, description: Orders. }
schemas:
  Money: { type: integer }
events:
  - { key: order.created, category: orders, title: Created, description: Created., payload: {} }
`;

const MORE = `categories:
  - { id: refunds, title: Refunds, description: Refunds. }
  - { id: carts, title: Carts, description: Carts. }
schemas:
  Cart: { type: object }
  Line: { type: object }
events:
  - { key: refund.created, category: refunds, title: Created, description: Created., payload: {} }
  - { key: cart.created, category: carts, title: Created, description: Created., payload: {} }
`;

describe('assembleCatalog', () => {
  it('gathers every file in order, each piece with its file and path', () => {
    const first = file('catalog.yaml', CATALOG);
    const second = file('more.yaml', MORE);
    const { source, diagnostics } = assembleCatalog('shop-folder', [first, second], true);
    expect(diagnostics).toEqual([]);
    expect(source.folder).toBe('shop-folder');
    expect(source.files).toEqual([first, second]);
    expect(source.complete).toBe(true);
    expect(source.metadata).toEqual({ value: (first.data as { catalog: unknown }).catalog, file: first, path: ['catalog'] });
    expect(source.envelope).toEqual({ value: { shape: 'bare' }, file: first, path: ['envelope'] });
    expect(source.subscriptions).toBeUndefined();
    expect(source.categories.map((c) => [c.value.id, c.file.displayPath, c.path])).toEqual([
      ['orders', 'catalog.yaml', ['categories', 0]],
      ['refunds', 'more.yaml', ['categories', 0]],
      ['carts', 'more.yaml', ['categories', 1]],
    ]);
    expect(source.schemas.map((s) => [s.name, s.value, s.file.displayPath, s.path])).toEqual([
      ['Money', { type: 'integer' }, 'catalog.yaml', ['schemas', 'Money']],
      ['Cart', { type: 'object' }, 'more.yaml', ['schemas', 'Cart']],
      ['Line', { type: 'object' }, 'more.yaml', ['schemas', 'Line']],
    ]);
    expect(source.events.map((e) => [e.value.key, e.file.displayPath, e.path])).toEqual([
      ['order.created', 'catalog.yaml', ['events', 0]],
      ['refund.created', 'more.yaml', ['events', 0]],
      ['cart.created', 'more.yaml', ['events', 1]],
    ]);
  });

  it('says whether every file of the catalog passed, and takes an empty file', () => {
    const { source, diagnostics } = assembleCatalog('f', [file('empty.yaml', '')], false);
    expect(diagnostics).toEqual([]);
    expect(source.complete).toBe(false);
    expect([source.metadata, source.envelope, source.subscriptions]).toEqual([undefined, undefined, undefined]);
    expect([source.categories, source.schemas, source.events]).toEqual([[], [], []]);
  });

  it('keeps the first of each single block and reports the others at their key (HC204)', () => {
    const subscriptions = 'subscriptions: { path: /hooks, title: Hooks, description: Hooks. }\n';
    const first = file('catalog.yaml', `${CATALOG}${subscriptions}`);
    const again = file('again.yaml', `categories: []\n${subscriptions}envelope: { shape: batch }\ncatalog: { id: other }\n`);
    const { source, diagnostics } = assembleCatalog('f', [first, again], true);
    expect(diagnostics).toEqual([
      {
        code: 'HC204',
        severity: 'error',
        file: 'again.yaml',
        line: 4,
        column: 1,
        message: '`catalog` is declared again (first in catalog.yaml)',
        hint: 'keep one `catalog` block per catalog',
      },
      {
        code: 'HC204',
        severity: 'error',
        file: 'again.yaml',
        line: 3,
        column: 1,
        message: '`envelope` is declared again (first in catalog.yaml)',
        hint: 'keep one `envelope` block per catalog',
      },
      {
        code: 'HC204',
        severity: 'error',
        file: 'again.yaml',
        line: 2,
        column: 1,
        message: '`subscriptions` is declared again (first in catalog.yaml)',
        hint: 'keep one `subscriptions` block per catalog',
      },
    ]);
    expect(source.metadata?.file).toBe(first);
    expect(source.envelope?.value).toEqual({ shape: 'bare' });
    expect(source.subscriptions?.file).toBe(first);
  });
});
