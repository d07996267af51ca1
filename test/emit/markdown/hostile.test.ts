/**
 * Hostile catalog text (`|`, `<script>`, backticks, `*`, `_`, `[`, `{{x}}`, newlines,
 * U+2028, HTML comments) is escaped for each place: read back with remark, every table keeps
 * its cells, no HTML node exists, and the text a reader sees is the catalog's text (for a
 * description, written in markdown: its visible text, see test/hostile/support/description-text.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { printedByRemark } from './canonical-print.js';
import { loadTemplates } from '../../../src/templates.js';
import { HOSTILE, HOSTILE_LINE, hostileCatalog } from './hostile-catalog.js';
import { allNodes, frontMatterOf, parseMarkdown, plain, tableCells, tables, withoutCodeBlocks } from './mdast.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import { visibleText } from '../../hostile/support/description-text.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

let files: readonly OutputFile[];
const page = (path: string): string => {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no page ${path}; pages: ${files.map((f) => f.path).join(', ')}`);
  return file.contents;
};

beforeAll(async () => {
  files = markdownEmitter.emit(hostileCatalog(), { templates: await loadTemplates(), descriptions });
});

describe('hostile catalog text in markdown pages', () => {
  it('emits the expected pages', () => {
    expect(files.map((f) => f.path)).toEqual(
      ['en', 'et'].flatMap((l) => [
        `hostile/${l}/index.md`,
        `hostile/${l}/events.md`,
        `hostile/${l}/subscriptions.md`,
        `hostile/${l}/changelog.md`,
        `hostile/${l}/events/thing.made.md`,
        `hostile/${l}/events/thing.gone.md`,
      ]),
    );
  });

  it('never yields an HTML node, and every table row has the header cell count', () => {
    for (const file of files) {
      const root = parseMarkdown(file.contents);
      expect(
        allNodes(root).filter((n) => n.type === 'html'),
        file.path,
      ).toEqual([]);
      for (const table of tables(root)) {
        const width = table.children[0]!.children.length;
        for (const row of table.children) expect(row.children.length, file.path).toBe(width);
      }
    }
  });

  it('keeps the text of an event table row in its three cells', () => {
    const root = parseMarkdown(page('hostile/et/events.md'));
    const rows = tables(root).flatMap(tableCells);
    const made = rows.find((cells) => cells[1] === 'thing.made');
    // A description is markdown: a reader sees its text without the markup of the subset.
    expect(made).toEqual([`Title ${HOSTILE_LINE} (tõlge puudub)`, 'thing.made', visibleText(`ET ${HOSTILE}`)]);
    const gone = rows.find((cells) => cells[1] === 'thing.gone');
    expect(gone?.[0]).toBe(`Title ${HOSTILE_LINE} (tõlge puudub) (Aegunud)`);
  });

  it('keeps field names and enum values in the field table cells', () => {
    const root = parseMarkdown(page('hostile/en/events/thing.made.md'));
    const rows = tables(root).flatMap(tableCells);
    expect(rows.find((r) => r[0] === 'a|b')).toEqual(['a|b', 'string', 'Yes', visibleText(HOSTILE)]);
    expect(rows.find((r) => r[0] === 'tick`name')).toEqual(['tick`name', 'string enum: ["{{x}}","a|b","`"]', 'No', '—']);
    expect(rows.find((r) => r[0] === '{{y}}')).toEqual(['{{y}}', 'integer', 'No', '—']);
  });

  it('keeps headings, paragraphs and the deprecation notice as text', () => {
    const root = parseMarkdown(page('hostile/en/events/thing.gone.md'));
    const headings = allNodes(root)
      .filter((n) => n.type === 'heading')
      .map(plain);
    expect(headings[0]).toBe(`Title ${HOSTILE_LINE}`);
    const paragraphs = allNodes(root)
      .filter((n) => n.type === 'paragraph')
      .map(plain);
    expect(paragraphs).toContain(HOSTILE_LINE);
    const notice = allNodes(root).find((n) => n.type === 'blockquote');
    expect(notice === undefined ? '' : plain(notice)).toContain(HOSTILE_LINE);
  });

  it('writes examples as fenced JSON that parses back to the delivery, whatever the payload holds', () => {
    const root = parseMarkdown(page('hostile/en/events/thing.made.md'));
    const code = allNodes(root).find((n) => n.type === 'code');
    expect(code?.type === 'code' ? code.lang : undefined).toBe('json');
    const body = JSON.parse(code?.type === 'code' ? code.value : 'null');
    expect(body).toEqual({ type: 'thing.made', id: expect.any(String), data: { text: '```\n{{x}}\u2028</script>' } });
    expect(code?.type === 'code' ? code.value : '').not.toContain('\u2028');
  });

  it('leaves no `{{` for Vue to interpolate outside code blocks, and none in inline code', () => {
    for (const file of files) {
      const root = parseMarkdown(file.contents);
      const body = withoutCodeBlocks(file.contents, root).replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(body, file.path).not.toContain('{{');
      for (const node of allNodes(root)) if (node.type === 'inlineCode') expect(node.value, file.path).not.toContain('{{');
    }
  });

  it('quotes front matter as YAML, one line, with look-alikes for what HTML reads as markup', () => {
    const fm = frontMatterOf(parseMarkdown(page('hostile/et/events/thing.made.md')));
    const lookalikes = (text: string) =>
      text
        .replace(/</g, '\u2039')
        .replace(/>/g, '\u203A')
        .replace(/"/g, '\u201D')
        .replace(/&(?=[#A-Za-z0-9])/g, '\uFF06');
    expect(fm['title']).toBe(lookalikes(`Title ${HOSTILE_LINE}`));
    expect(fm['description']).toBe(lookalikes(visibleText(`ET ${HOSTILE}`)));
    for (const file of files) {
      const head = file.contents.split(/\n---\n/)[0]!;
      // Every value is double-quoted, and none holds what HTML would read as markup.
      for (const line of head.split('\n').slice(1)) expect(line, file.path).toMatch(/^(?:[a-z_]+: (?:"[^<>]*"|\d+|true|\[[^<>]*\])|[a-z_]+:| {2}- "[^<>]*")$/);
      expect(head, file.path).not.toMatch(/&[#A-Za-z0-9]/);
    }
    expect(fm['fallbacks']).toEqual([
      'events/thing.made/title',
      'categories/things/title',
      'categories/things/groups/odd/title',
      'events/thing.made/examples/example-1',
    ]);
  });

  it('is a fixed point of remark: a second pass changes no byte', () => {
    for (const file of files) expect(printedByRemark(file.contents), file.path).toBe(file.contents);
  });

  it('never evaluates catalog text as a handlebars template', () => {
    expect(HOSTILE).toContain('{{x}}');
    for (const file of files) expect(file.contents).not.toContain('[object Object]');
    expect(page('hostile/en/index.md')).toContain('&#x7B;&#x7B;x}}');
  });
});
