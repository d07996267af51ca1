/**
 * The front matter description of a page: a description in markdown without its markup when the
 * run prints descriptions, the text as written (on one line) when it has no description format.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, Localized } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { frontMatterOf, parseMarkdown } from './mdast.js';

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const both = (text: string): Localized => ({ en: { text, fallback: false }, et: { text, fallback: false } });

function descriptionOf(description: string, withFormat: boolean): unknown {
  const base = hostileCatalog();
  const catalog: Catalog = { ...base, events: [{ ...base.events[0]!, description: both(description) }] };
  const files = markdownEmitter.emit(catalog, withFormat ? { templates, descriptions: createDescriptionFormat() } : { templates });
  return frontMatterOf(parseMarkdown(files.find((f) => f.path === 'hostile/en/events/thing.made.md')!.contents))['description'];
}

describe('the description in the front matter', () => {
  it('is a markdown description without its markup when the run has a description format', () => {
    expect(descriptionOf('**Bold** and `code`,\nthen more.', true)).toBe('Bold and code, then more.');
    expect(descriptionOf('Plain words,\nthen more.', true)).toBe('Plain words, then more.');
  });

  it('is the text as written, on one line, when the run has none', () => {
    expect(descriptionOf('**Bold** and `code`,\nthen more.', false)).toBe('**Bold** and `code`, then more.');
    expect(descriptionOf('Plain words,\nthen more.', false)).toBe('Plain words, then more.');
  });
});
