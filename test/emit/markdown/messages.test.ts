/**
 * The fixed words of a page: taken from the first message file along the page's chain that has
 * them, the ids taken from a later file listed in the front matter, an id no file has named with
 * the files looked in; and a template set that lacks a page template.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import { messageParts, pageMessages } from '../../../src/emit/markdown/messages.js';
import { compileTemplates } from '../../../src/emit/markdown/render.js';
import { loadTemplates } from '../../../src/templates.js';
import { hostileCatalog } from './hostile-catalog.js';
import { allNodes, frontMatterOf, parseMarkdown, plain } from './mdast.js';

let shipped: TemplateSet;
beforeAll(async () => {
  shipped = await loadTemplates();
});

/** The shipped templates with the Estonian file lacking `ids`. */
function withoutEstonian(...ids: string[]): TemplateSet {
  const et = Object.fromEntries(Object.entries(shipped.messages['et']!).filter(([id]) => !ids.includes(id)));
  return { ...shipped, messages: { ...shipped.messages, et } };
}

describe('pageMessages', () => {
  it('takes an id the first file lacks from the next file that has it, and lists it once, in first-use order', () => {
    const messages = pageMessages(withoutEstonian('yes', 'no'), ['et', 'en']);
    expect(messages.locale).toBe('et');
    expect(messages.text('no')).toBe('No');
    expect(messages.text('yes')).toBe('Yes');
    expect(messages.text('fieldsHeading')).toBe(shipped.messages['et']!['fieldsHeading']);
    expect(messages.text('no')).toBe('No');
    expect(messages.missing()).toEqual(['no', 'yes']);
  });

  it('names an id no file has, and the files it looked in', () => {
    expect(() => pageMessages(shipped, ['et', 'en']).text('noSuchMessage')).toThrow(
      'template message "noSuchMessage" is in no message file (looked in et, en)',
    );
    const none = pageMessages({ ...shipped, messages: {} }, ['et']);
    expect(none.locale).toBe('en');
    expect(() => none.text('yes')).toThrow('template message "yes" is in no message file (looked in none)');
  });

  it('splits a message into literal text and slots', () => {
    expect(messageParts('Replaced by {event}, since {version_1}. {not a slot} {1x}')).toEqual([
      { literal: 'Replaced by ' },
      { slot: 'event' },
      { literal: ', since ' },
      { slot: 'version_1' },
      { literal: '. {not a slot} {1x}' },
    ]);
  });
});

describe('messages on the pages', () => {
  it('writes a message the page locale lacks in English, and lists it in the front matter', () => {
    const templates = withoutEstonian('retriesHeading');
    const files = markdownEmitter.emit(hostileCatalog(), { templates, descriptions: createDescriptionFormat() });
    const index = parseMarkdown(files.find((f) => f.path === 'hostile/et/index.md')!.contents);
    expect(
      allNodes(index)
        .filter((n) => n.type === 'heading')
        .map(plain),
    ).toContain('Retries');
    const fm = frontMatterOf(index);
    expect(fm['messages_locale']).toBeUndefined();
    expect((fm['fallbacks'] as string[]).filter((label) => label.startsWith('messages/'))).toEqual(['messages/retriesHeading']);
    const english = frontMatterOf(parseMarkdown(files.find((f) => f.path === 'hostile/en/index.md')!.contents));
    expect((english['fallbacks'] as string[] | undefined) ?? []).not.toContain('messages/retriesHeading');
  });
});

describe('compileTemplates', () => {
  it('names a page template the set lacks', () => {
    const { schema: _, ...pages } = shipped.pages;
    expect(() => compileTemplates({ ...shipped, pages })).toThrow('page template "schema" is missing from the templates');
  });
});
