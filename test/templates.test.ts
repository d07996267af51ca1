/** Loading the templates folder, overriding it, and the consistency of the message files. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownEmitter } from '../src/emit/markdown.js';
import { PAGE_TEMPLATES } from '../src/emit/markdown/render.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../src/templates.js';
import { UsageError } from '../src/usage-error.js';
import { hostileCatalog } from './emit/markdown/hostile-catalog.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hookcat-templates-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Message ids a template source uses: `t "id"` and the `operation_`/`operationTitle_` families. */
function usedMessageIds(source: string): string[] {
  return [...source.matchAll(/\bt "([A-Za-z0-9_]+)"/g)].map((m) => m[1]!);
}

describe('loadTemplates', () => {
  it('reads the default page templates, partials and messages for en, et, pl, fr, de, es and ja', async () => {
    const set = await loadTemplates();
    expect(Object.keys(set.pages).sort()).toEqual([...PAGE_TEMPLATES].sort());
    expect(Object.keys(set.partials)).toEqual(
      expect.arrayContaining([
        'field-table',
        'field-row',
        'event-table',
        'category-summary',
        'example',
        'deprecation-notice',
        'fallback-marker',
        'deprecated-marker',
      ]),
    );
    expect(Object.keys(set.messages).sort()).toEqual(['de', 'en', 'es', 'et', 'fr', 'ja', 'pl']);
    expect(path.resolve(DEFAULT_TEMPLATES_DIR)).toBe(path.resolve('templates'));
  });

  it('has the same message ids in every locale, none empty, and every id the templates use', async () => {
    const set = await loadTemplates();
    const ids = Object.keys(set.messages['en']!).sort();
    for (const [locale, messages] of Object.entries(set.messages)) {
      expect(Object.keys(messages).sort(), locale).toEqual(ids);
      for (const [id, text] of Object.entries(messages)) expect(text.trim(), `${locale} ${id}`).not.toBe('');
      // Placeholders match the English ones.
      for (const id of ids)
        expect(messages[id]!.match(/\{[A-Za-z]+\}/g)?.sort(), `${locale} ${id}`).toEqual(set.messages['en']![id]!.match(/\{[A-Za-z]+\}/g)?.sort());
    }
    const used = [...Object.values(set.pages), ...Object.values(set.partials)].flatMap(usedMessageIds);
    for (const name of ['list', 'create', 'get', 'update', 'delete', 'test']) used.push(`operation_${name}`, `operationTitle_${name}`);
    expect(used.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('lets a folder override one template and one message, keeping the other defaults', async () => {
    await mkdir(path.join(dir, 'partials'), { recursive: true });
    await mkdir(path.join(dir, 'messages'), { recursive: true });
    await writeFile(path.join(dir, 'partials', 'fallback-marker.hbs'), '**[{{t "translationMissing"}}]**\n');
    await writeFile(path.join(dir, 'messages', 'et.json'), JSON.stringify({ translationMissing: 'TÕLGIMATA' }));
    const set = await loadTemplates(dir);
    expect(set.partials['fallback-marker']).toBe('**[{{t "translationMissing"}}]**\n');
    expect(set.messages['et']!['translationMissing']).toBe('TÕLGIMATA');
    expect(set.messages['et']!['event']).toBe('Sündmus');
    const page = markdownEmitter.emit(hostileCatalog(), { templates: set }).find((f) => f.path === 'hostile/et/events/thing.made.md')!;
    expect(page.contents).toContain('**\\[TÕLGIMATA\\]**');
  });

  it('normalizes the pages of an overridden template with remark, and only those', async () => {
    await mkdir(path.join(dir, 'messages'), { recursive: true });
    await writeFile(path.join(dir, 'messages', 'en.json'), JSON.stringify({ total: 'All' }));
    expect((await loadTemplates(dir)).normalize).toBeUndefined();
    expect((await loadTemplates()).normalize).toBeUndefined();
    // A template written loosely: setext heading, `*` bullets, padded table, emphasis with `*`.
    await writeFile(path.join(dir, 'events.hbs'), '{{t "eventsPageTitle"}}\n===\n\n* one\n* *two*\n\n| a |   b |\n|---|---|\n| 1 | 2 |\n');
    const set = await loadTemplates(dir);
    expect(set.normalize).toBeTypeOf('function');
    const page = markdownEmitter.emit(hostileCatalog(), { templates: set }).find((f) => f.path === 'hostile/en/events.md')!;
    expect(page.contents.split('---\n')[2]).toBe('\n# Event reference\n\n- one\n- _two_\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
  });

  it('fails on a missing folder, a broken message file or an unknown message id; the mistakes of a user are usage errors (one line, exit 2)', async () => {
    await expect(loadTemplates(path.join(dir, 'nope'))).rejects.toThrow(/templates folder not found/);
    await expect(loadTemplates(path.join(dir, 'nope'))).rejects.toBeInstanceOf(UsageError);
    await mkdir(path.join(dir, 'messages'));
    await writeFile(path.join(dir, 'messages', 'et.json'), '{ "a": 1 }');
    await expect(loadTemplates(dir)).rejects.toThrow(/"a" is not a string/);
    await expect(loadTemplates(dir)).rejects.toBeInstanceOf(UsageError);
    await writeFile(path.join(dir, 'messages', 'et.json'), '{');
    await expect(loadTemplates(dir)).rejects.toThrow(/not valid JSON/);
    await expect(loadTemplates(dir)).rejects.toBeInstanceOf(UsageError);
    await rm(path.join(dir, 'messages'), { recursive: true });
    await writeFile(path.join(dir, 'event.hbs'), '# {{t "noSuchMessage"}}\n');
    const set = await loadTemplates(dir);
    expect(() => markdownEmitter.emit(hostileCatalog(), { templates: set })).toThrow(/noSuchMessage/);
  });

  it("reports a template of the user's own that cannot render (a syntax error, an unknown partial) as a usage error naming the page", async () => {
    for (const source of ['{{#each events}}\n', '{{> no-such-partial}}\n']) {
      await writeFile(path.join(dir, 'event.hbs'), source);
      const set = await loadTemplates(dir);
      const render = () => markdownEmitter.emit(hostileCatalog(), { templates: set });
      expect(render).toThrow(UsageError);
      expect(render).toThrow(/^the templates of --templates cannot render the event page: /);
    }
  });

  it('compiles templates strictly: a name the view lacks is an error', async () => {
    await writeFile(path.join(dir, 'overview.hbs'), '# {{text catalog.titel}}\n');
    const set = await loadTemplates(dir);
    expect(() => markdownEmitter.emit(hostileCatalog(), { templates: set })).toThrow(/titel/);
  });
});
