/**
 * The pages are canonical markdown as written: remark (remark-gfm, remark-frontmatter, with the
 * settings of `src/emit/markdown/canonical.ts`) prints every page back byte for byte — every
 * page of the seed catalogs, of the key-style and subscription fixtures, of every generating
 * hostile-corpus case, of the hand-built hostile
 * catalog, and of random catalogs and message files (fast-check, fixed seed). So no page needs
 * to be parsed again at run time.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadCatalogs } from '../../../src/load.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { escapeText } from '../../../src/emit/markdown/canonical.js';
import type { Catalog } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { readCases } from '../../hostile/support/expectation.js';
import { makeProject, removeProject, type Project } from '../../hostile/support/project.js';
import { printedByRemark } from './canonical-print.js';
import { hostileCatalog } from './hostile-catalog.js';
import { allNodes, parseMarkdown, plain } from './mdast.js';
import { catalogWithTexts } from './random-texts.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

const SEED = 42;

let templates: TemplateSet;
const projects: Project[] = [];

beforeAll(async () => {
  templates = await loadTemplates();
});

afterAll(async () => {
  await Promise.all(projects.map(removeProject));
});

/** Pages of `catalog` that remark would print differently, with the first differing line. */
function notCanonical(catalog: Catalog, set: TemplateSet = templates): string[] {
  const problems: string[] = [];
  for (const file of markdownEmitter.emit(catalog, { templates: set, descriptions })) {
    const printed = printedByRemark(file.contents);
    if (printed === file.contents) continue;
    const ours = file.contents.split('\n');
    const theirs = printed.split('\n');
    const line = ours.findIndex((text, i) => text !== theirs[i]);
    problems.push(`${file.path}:${line + 1}: ${JSON.stringify(ours[line])} is printed ${JSON.stringify(theirs[line])}`);
  }
  return problems;
}

describe('canonical pages', () => {
  it('every page of the seed catalogs', async () => {
    const { catalogs } = await loadCatalogs(['catalog']);
    expect(catalogs.length).toBeGreaterThanOrEqual(3);
    for (const catalog of catalogs) expect(notCanonical(catalog), catalog.id).toEqual([]);
  });

  it('every page of the hand-built hostile catalog and of the rich fixture', async () => {
    expect(notCanonical(hostileCatalog())).toEqual([]);
    const rich = await loadCatalog('test/fixtures/rich/catalog');
    expect(notCanonical(rich.catalog!)).toEqual([]);
  });

  it('every page of the key-style and subscription fixtures (keys with / and :, path parameters, wildcards, secrets)', async () => {
    const folders = ['keys', 'subscriptions'].flatMap((kind) => readdirSync(`test/fixtures/${kind}`).map((name) => `test/fixtures/${kind}/${name}/catalog`));
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const folder of folders) {
      const { catalog } = await loadCatalog(folder);
      expect(notCanonical(catalog!), folder).toEqual([]);
    }
  });

  it('every page of the delivery shapes, provider and locales fixtures (every catalog of them that loads)', async () => {
    const folders = [
      ...readdirSync('test/fixtures/shapes').map((name) => `test/fixtures/shapes/${name}/catalog`),
      ...readdirSync('test/fixtures/providers').map((name) => `test/fixtures/providers/${name}/catalog`),
      'test/fixtures/locales/catalog',
    ];
    const catalogs = (await Promise.all(folders.map(async (folder) => (await loadCatalog(folder)).catalog))).filter((c) => c !== undefined);
    expect(catalogs.length).toBeGreaterThanOrEqual(8);
    for (const catalog of catalogs) expect(notCanonical(catalog), catalog.id).toEqual([]);
  });

  it('every page of every generating case of the hostile corpus', async () => {
    const cases = (await readCases(path.resolve('test/fixtures/hostile'))).filter((c) => c.expect.generates === true);
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const hostile of cases) {
      const project = await makeProject(hostile.dir, hostile.expect.setup);
      projects.push(project);
      const { catalog } = await loadCatalog(project.catalogDir);
      if (catalog === undefined) throw new Error(`${hostile.name} did not load`);
      expect(notCanonical(catalog), hostile.name).toEqual([]);
    }
  }, 120_000);

  it('every page of random catalogs, with random text in every text field', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 40, maxLength: 40 }), (strings) => {
        expect(notCanonical(catalogWithTexts(strings))).toEqual([]);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('every page with random message files (messages are never normalized)', () => {
    const ids = [
      'total',
      'deprecated',
      'translationMissing',
      'variant',
      'payloadSchema',
      'replacedBy',
      'sinceVersion',
      'eventsIntro',
      'key',
      'yes',
      'noFields',
    ];
    fc.assert(
      fc.property(fc.array(texts, { minLength: ids.length, maxLength: ids.length }), (strings) => {
        const en = { ...templates.messages['en']! };
        ids.forEach((id, i) => {
          // Keep the message's slots, with random text around them.
          const slots = (en[id]!.match(/\{[A-Za-z]+\}/g) ?? []).join(' ');
          en[id] = `${strings[i]} ${slots} ${strings[(i + 1) % ids.length]}`;
        });
        const set: TemplateSet = { ...templates, messages: { ...templates.messages, en } };
        expect(notCanonical(hostileCatalog(), set)).toEqual([]);
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});

/** Pieces of text that mean something to CommonMark, GFM, VitePress's markdown-it or Vue. */
const PIECES = [
  ...'aZ09 .,;:!?\'"()[]{}<>#*_`~|\\/@&%$^+=-\u00e9\u0142\u2014\u00a0\u2060'.split(''),
  'www.',
  'WWW.x',
  'http://',
  'https://x.y',
  'mailto:a@b.co',
  'xmpp:a@b.co',
  'a@b.co',
  '{{',
  '1.',
  '1)',
  '12) ',
  ':::',
  '//',
  '- ',
  '-- ',
  '&amp;',
  '&#123;',
  '<b>',
  '`x`',
  '**',
  '__',
  ' _',
  '\n',
  '\n\n',
  '  \n',
  '\t',
  '[^1]',
  '![x](y)',
  '<!--',
  '{.cls}',
  ':rocket:',
];
const texts = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 14 }).map((pieces) => pieces.join(''));

/** Phrasing positions in the templates, each a page around one escaped text. */
const POSITIONS: ReadonlyArray<readonly [string, (escaped: string) => string]> = [
  ['paragraph', (e) => `${e}\n`],
  ['heading', (e) => `## ${e}\n`],
  ['table cell', (e) => `| a | b |\n| - | - |\n| ${e} | x |\n`],
  ['link text', (e) => `[${e}](./x.md)\n`],
  ['block quote', (e) => `> ${e}\n`],
  ['list item', (e) => `- ${e}\n`],
  ['strong', (e) => `a **${e}** b\n`],
  ['emphasis', (e) => `a _${e}_ b\n`],
  ['after code', (e) => `\`x\`${e}\n`],
];

describe('escapeText', () => {
  it('is printed back as written in every phrasing position, and read as the same text', () => {
    const line = texts
      .map((t) =>
        t
          .replace(/[\n\t]/g, ' ')
          .replace(/ {2,}/g, ' ')
          .trim(),
      )
      .filter((t) => t !== '' && !/^[*_]|[*_]$/.test(t));
    fc.assert(
      fc.property(line, fc.constantFrom(...POSITIONS), (text, [position, wrap]) => {
        const page = wrap(escapeText(text));
        expect(printedByRemark(page), position).toBe(page);
        const root = parseMarkdown(page);
        expect(allNodes(root).filter((n) => n.type === 'html' || n.type === 'link').length, position).toBe(position === 'link text' ? 1 : 0);
        expect(plain(root).replace(/\u2060/g, '')).toContain(text.replace(/\u2060/g, ''));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('keeps line breaks, indentation and hard breaks of multi-line text as text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const page = `${escapeText(text.replace(/\n{2,}/g, '\n'))}\n`;
        if (text.trim() === '' || /^\s|\s$/.test(text)) return;
        expect(printedByRemark(page)).toBe(page);
        expect(allNodes(parseMarkdown(page)).filter((n) => n.type !== 'root' && n.type !== 'paragraph' && n.type !== 'text')).toEqual([]);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
