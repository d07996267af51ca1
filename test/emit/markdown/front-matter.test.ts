/**
 * A page's front matter on its own: one line per value, double-quoted, the characters HTML
 * reads as markup written as look-alikes (VitePress puts `title` and `description` into the
 * page's `<head>` unescaped), the Open Graph tags, and the optional keys.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type FrontMatter, frontMatter, frontMatterText } from '../../../src/emit/markdown/front-matter.js';

const base: FrontMatter = {
  title: 'Orders',
  description: 'What an order is.',
  catalog: 'shop',
  catalogVersion: '2022-11-28',
  locale: 'en',
  page: 'overview',
  order: 1,
  messagesLocale: undefined,
  fallbacks: [],
  extra: {},
};

/** The YAML between the `---` lines, read back. */
function read(text: string): Record<string, unknown> {
  expect(text).toMatch(/^---\n[\s\S]*\n---\n$/);
  return parseYaml(text.slice(4, -4)) as Record<string, unknown>;
}

describe('frontMatterText', () => {
  it('writes <, >, " and an & that could start a character reference as look-alikes, on one line', () => {
    expect(frontMatterText('say "hi" to <b>\nAT&T &amp; &#60; & done')).toBe('say \u201Dhi\u201D to \u2039b\u203A AT\uFF06T \uFF06amp; \uFF06#60; & done');
    expect(frontMatterText("plain 'text' & more")).toBe("plain 'text' & more");
  });
});

describe('frontMatter', () => {
  it('writes the keys in a fixed order, every string double-quoted, the stamp and the sidebar order', () => {
    const text = frontMatter(base);
    expect(text).toBe(
      [
        '---',
        'title: "Orders"',
        'description: "What an order is."',
        'head: [ [ "meta", { property: "og:title", content: "Orders" } ], [ "meta", { property: "og:description", content: "What an order is." } ] ]',
        'generated_by: "hookcat"',
        'catalog: "shop"',
        'catalog_version: "2022-11-28"',
        'locale: "en"',
        'page: "overview"',
        'order: 1',
        'sidebar_position: 1',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('writes look-alikes in every text value, the Open Graph tags included', () => {
    const fm = read(
      frontMatter({
        ...base,
        title: 'A "quoted" <title>',
        description: 'Fish & chips &amp; <peas>',
        catalog: 'c<1>',
        catalogVersion: '1"',
        locale: 'e&n',
        messagesLocale: '<en>',
        fallbacks: ['events/a"b/title'],
        extra: { event: 'a<b>', deprecated: true, count: 2 },
      }),
    );
    const title = 'A \u201Dquoted\u201D \u2039title\u203A';
    const description = 'Fish & chips \uFF06amp; \u2039peas\u203A';
    expect(fm).toEqual({
      title,
      description,
      head: [
        ['meta', { property: 'og:title', content: title }],
        ['meta', { property: 'og:description', content: description }],
      ],
      generated_by: 'hookcat',
      catalog: 'c\u20391\u203A',
      catalog_version: '1\u201D',
      locale: 'e\uFF06n',
      page: 'overview',
      order: 1,
      sidebar_position: 1,
      event: 'a\u2039b\u203A',
      deprecated: true,
      count: 2,
      messages_locale: '\u2039en\u203A',
      fallbacks: ['events/a\u201Db/title'],
    });
  });

  it('leaves out the og:description tag of an empty description, and the optional keys when there is nothing to say', () => {
    const fm = read(frontMatter({ ...base, description: ' \n ' }));
    expect(fm['description']).toBe('');
    expect(fm['head']).toEqual([['meta', { property: 'og:title', content: 'Orders' }]]);
    expect(Object.keys(fm)).not.toContain('messages_locale');
    expect(Object.keys(fm)).not.toContain('fallbacks');
  });

  it('writes an extra key named like an object property as a key of its own', () => {
    const text = frontMatter({ ...base, extra: JSON.parse('{"__proto__": "x", "constructor": "y"}') });
    expect(text).toContain('\nsidebar_position: 1\n__proto__: "x"\nconstructor: "y"\n---\n');
  });
});
