/**
 * The changelog page: one per locale of every catalog that knows of versions, newest version
 * first, each with its date, its notes in the page's locale, the events it added and
 * deprecated, and the changes attached to it; read back with remark (headings, tables, links).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Heading, Link, Root, Table } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { compareVersionsNewestFirst, knownVersions } from '../../../src/emit/markdown/changelog-page.js';
import type { Catalog } from '../../../src/model/types.js';
import { hostileCatalog } from './hostile-catalog.js';
import { loadTemplates } from '../../../src/templates.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

let templates: TemplateSet;
let shop: Catalog;
beforeAll(async () => {
  templates = await loadTemplates();
  shop = (await loadCatalog('catalog/shop')).catalog!;
});

function tree(markdown: string): Root {
  return remark().use(remarkGfm).use(remarkFrontmatter).parse(markdown);
}

function textOf(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  return n.value ?? (n.children ?? []).map(textOf).join('');
}

/** Sections by level-2 heading: heading text -> the nodes below it. */
function sections(root: Root): Map<string, Root['children']> {
  const result = new Map<string, Root['children']>();
  let current: Root['children'] | undefined;
  for (const node of root.children) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      current = [];
      result.set(textOf(node), current);
    } else current?.push(node);
  }
  return result;
}

function links(nodes: readonly unknown[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: string; children?: unknown[] };
    if (n.type === 'link') found.push((node as Link).url);
    for (const child of n.children ?? []) walk(child);
  };
  nodes.forEach(walk);
  return found;
}

describe('the changelog page of the shop catalog', () => {
  it('exists in every locale, titled in that locale, with the declared versions newest first', () => {
    for (const locale of shop.locales) {
      const file = `generated/shop/${locale}/changelog.md`;
      expect(existsSync(file), file).toBe(true);
      const page = readFileSync(file, 'utf8');
      const front = parse(page.split('---\n')[1]!) as { title: string; locale: string; page: string };
      expect(front).toMatchObject({ title: templates.messages[locale]!['changelogPageTitle'], locale, page: 'changelog' });
      const versionTitle = (v: string) => templates.messages[locale]!['catalogVersion']!.replace('{version}', v);
      expect([...sections(tree(page)).keys()]).toEqual(['2.0', '1.2', '1.0'].map(versionTitle));
    }
  });

  it('lists under each version the events that name it in since and deprecated.since, linked to their pages', () => {
    for (const locale of shop.locales) {
      const page = readFileSync(`generated/shop/${locale}/changelog.md`, 'utf8');
      const byVersion = sections(tree(page));
      for (const version of knownVersions(shop)) {
        const heading = templates.messages[locale]!['catalogVersion']!.replace('{version}', version);
        const nodes = byVersion.get(heading) ?? [];
        const expected = [
          ...shop.events.filter((e) => e.since === version).map((e) => `./events/${e.key}.md`),
          ...shop.events
            .filter((e) => e.deprecated?.since === version)
            .flatMap((e) => [`./events/${e.key}.md`, ...(e.deprecated?.replacement ? [`./events/${e.deprecated.replacement}.md`] : [])]),
        ];
        expect(links(nodes)).toEqual(expected);
        for (const link of expected) expect(existsSync(path.join('generated/shop', locale, link))).toBe(true);
        const notes = shop.versions?.find((v) => v.version === version)?.notes?.[locale]?.text;
        expect(nodes.some((n) => n.type === 'paragraph' && textOf(n) === notes)).toBe(true);
      }
    }
  });
});

describe('a changelog with attached changes', () => {
  it('shows a table of the changes in the page locale, the event linked', async () => {
    const { catalog, diagnostics } = await loadCatalog('test/fixtures/history/changelog/catalog');
    expect(diagnostics).toEqual([]);
    const files = markdownEmitter.emit(catalog!, { templates, descriptions });
    const et = files.find((f) => f.path === 'changes/et/changelog.md')!.contents;
    const latest = sections(tree(et)).get('Versioon 1.1')!;
    const tables = latest.filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(3);
    const changes = tables[2]!;
    expect(changes.children.map((row) => row.children.map(textOf))).toEqual([
      ['Mõju', 'Reegel', 'Muutunud osa', 'Asukoht'],
      ['Ühildumatu', 'payload.property.removed', 'order.created', '/properties/note'],
      ['Ohutu', 'header.added', 'headers', '/X-Attempt'],
    ]);
    expect(links([changes])).toEqual(['./events/order.created.md']);
    expect(latest.filter((n) => n.type === 'paragraph').map(textOf)).toEqual(['Välja antud 2025-06-01.', 'Tellimused said välja ja kaotasid ühe.']);
    // In English the note holds a `|`: it stays text, not a table.
    const en = files.find((f) => f.path === 'changes/en/changelog.md')!.contents;
    const notes = sections(tree(en))
      .get('Version 1.1')!
      .filter((n) => n.type === 'paragraph')
      .map(textOf);
    expect(notes).toEqual(['Released on 2025-06-01.', 'Orders grew a field | and lost one.']);
  });

  it('is not made for a catalog that knows of no version', async () => {
    const { catalog } = await loadCatalog('catalog/wink');
    expect(knownVersions(catalog!)).toEqual([]);
    expect(markdownEmitter.emit(catalog!, { templates, descriptions }).some((f) => f.path.endsWith('/changelog.md'))).toBe(false);
  });
});

describe('compareVersionsNewestFirst', () => {
  it('orders numerically, a pre-release before its release', () => {
    expect(['1.2', '1.10', '2.0-rc.1', '1', '2.0', '1.2.1'].sort(compareVersionsNewestFirst)).toEqual(['2.0', '2.0-rc.1', '1.10', '1.2.1', '1.2', '1']);
  });

  it('orders pre-releases as semver does: numeric identifiers as numbers and below the others, a longer list above its start', () => {
    // semver.org's example, shuffled: 1.0.0-alpha < alpha.1 < alpha.beta < beta < beta.2 < beta.11 < rc.1 < 1.0.0.
    const versions = ['2.0-rc.2', '2.0', '2.0-alpha', '2.0-rc.10', '2.0-alpha.beta', '2.0-beta', '2.0-alpha.1', '2.0-beta.11', '2.0-beta.2', '2.0-rc.9', '1.9'];
    expect(versions.sort(compareVersionsNewestFirst)).toEqual([
      '2.0',
      '2.0-rc.10',
      '2.0-rc.9',
      '2.0-rc.2',
      '2.0-beta.11',
      '2.0-beta.2',
      '2.0-beta',
      '2.0-alpha.beta',
      '2.0-alpha.1',
      '2.0-alpha',
      '1.9',
    ]);
    expect(compareVersionsNewestFirst('1.0-rc.1', '1.0-rc.1')).toBe(0);
  });

  it('orders dated versions (as GitHub and Stripe name theirs) by the date, with or without leading zeros, then by what follows it', () => {
    const versions = ['2022-11-28', '2023-01-05', '2022-9-1', '2022-12-01', '2022-11-28.2', '2022-10-1', '2024-09-30.acacia', '2024-9-30.basil'];
    expect(versions.sort(compareVersionsNewestFirst)).toEqual([
      '2024-9-30.basil',
      '2024-09-30.acacia',
      '2023-01-05',
      '2022-12-01',
      '2022-11-28.2',
      '2022-11-28',
      '2022-10-1',
      '2022-9-1',
    ]);
  });

  it('compares numbers of any length exactly, past what a double holds', () => {
    expect(['1.0-rc.99999999999999999999', '1.0-rc.100000000000000000000'].sort(compareVersionsNewestFirst)).toEqual([
      '1.0-rc.100000000000000000000',
      '1.0-rc.99999999999999999999',
    ]);
    const long = '9'.repeat(400);
    expect([`${long}0`, `1${long}`, long].sort(compareVersionsNewestFirst)).toEqual([`${long}0`, `1${long}`, long]);
    expect(compareVersionsNewestFirst(`${long}.1`, `${long}.2`)).toBeGreaterThan(0);
    expect(['1.02', '1.1', '1.010'].sort(compareVersionsNewestFirst)).toEqual(['1.010', '1.02', '1.1']);
  });
});

describe('a changelog of versions the events name', () => {
  it('lists versions named only by since or deprecated.since, and a deprecation without a replacement', () => {
    const base = hostileCatalog();
    const [made, gone] = base.events;
    const catalog: Catalog = {
      ...base,
      events: [
        { ...made!, since: '1.0' },
        { ...gone!, since: undefined, deprecated: { since: '3.0', reason: undefined, replacement: undefined } },
      ],
    };
    expect(knownVersions(catalog)).toEqual(['1.0', '3.0']);
    const files = markdownEmitter.emit(catalog, { templates, descriptions });
    const byVersion = sections(tree(files.find((f) => f.path === 'hostile/en/changelog.md')!.contents));
    expect([...byVersion.keys()]).toEqual(['Version 3.0', 'Version 1.0']);
    expect(links(byVersion.get('Version 3.0')!)).toEqual(['./events/thing.gone.md']);
    expect(links(byVersion.get('Version 1.0')!)).toEqual(['./events/thing.made.md']);
    // The Estonian page lists the texts that fell back: the catalog title (its description) and the event titles.
    const et = parse(files.find((f) => f.path === 'hostile/et/changelog.md')!.contents.split('---\n')[1]!) as { fallbacks: string[] };
    expect(et.fallbacks).toEqual(['events/thing.gone/title', 'events/thing.made/title', 'catalog/title']);
  });

  it('compares equal versions as equal', () => {
    expect(compareVersionsNewestFirst('1.0', '1.0')).toBe(0);
    expect(compareVersionsNewestFirst('1', '1.0.0')).toBe(0);
    expect(compareVersionsNewestFirst('2.0-rc.1', '2.0')).toBeGreaterThan(0);
    expect(compareVersionsNewestFirst('2.0', '2.0-rc.1')).toBeLessThan(0);
  });
});
