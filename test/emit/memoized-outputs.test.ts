/**
 * The runtime and the pages through an output memo: the same files as without one, nothing made
 * again for the same catalog, and, after an edit, exactly what the edit touches made again (the
 * rest found in the memo) with the files of a run without a memo.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/emit/emitter.js';
import { markdownEmitter } from '../../src/emit/markdown.js';
import { type OutputMemo, OutputMemory } from '../../src/output-memo.js';
import { runtimeFiles } from '../../src/emit/runtime.js';
import type { Catalog, EventType, JsonSchema, TemplateSet } from '../../src/index.js';
import { loadTemplateSet } from '../../src/generate.js';
import { seedCatalog } from './runtime/runtime-at.js';

/** A memo over `memory` that counts the texts it had to make. */
function counted(memory: OutputMemory): OutputMemo & { made: number } {
  const memo = {
    made: 0,
    text: (key: string, make: () => string) =>
      memory.text(key, () => {
        memo.made++;
        return make();
      }),
  };
  return memo;
}

/** `catalog` with its event `key` changed by `change`. */
function withEvent(catalog: Catalog, key: string, change: (event: EventType) => EventType): Catalog {
  expect(catalog.events.some((event) => event.key === key)).toBe(true);
  return { ...catalog, events: catalog.events.map((event) => (event.key === key ? change(event) : event)) };
}

const withProperty = (payload: JsonSchema, name: string, schema: JsonSchema): JsonSchema => ({
  ...payload,
  properties: { ...(payload['properties'] as object), [name]: schema },
});

let shop: Catalog;
let templates: TemplateSet;
let key: string;
beforeAll(async () => {
  shop = await seedCatalog('shop');
  templates = await loadTemplateSet({});
  key = shop.events.find((event) => event.payload['properties'] !== undefined)!.key;
});

describe('the runtime through an output memo', () => {
  it('writes what it writes without one, and compiles nothing again for the same schemas', () => {
    const memory = new OutputMemory();
    const first = counted(memory);
    expect(runtimeFiles(shop, first)).toEqual(runtimeFiles(shop));
    expect(first.made).toBe(1);
    memory.finishRun();
    const again = counted(memory);
    expect(runtimeFiles(structuredClone(shop), again)).toEqual(runtimeFiles(shop));
    expect(again.made).toBe(0);
  });

  it('compiles nothing again when only texts changed (the code carries none)', () => {
    const memory = new OutputMemory();
    runtimeFiles(shop, memory);
    memory.finishRun();
    const edited = withEvent(shop, key, (event) => ({
      ...event,
      title: { ...event.title, en: { text: 'Edited', fallback: false } },
      payload: { ...event.payload, description: 'Edited description.' },
    }));
    const again = counted(memory);
    expect(runtimeFiles(edited, again)).toEqual(runtimeFiles(edited));
    expect(again.made).toBe(0);
  });

  it('compiles again when a payload changed, and writes what a run without a memo writes', () => {
    const memory = new OutputMemory();
    runtimeFiles(shop, memory);
    memory.finishRun();
    const edited = withEvent(shop, key, (event) => ({ ...event, payload: withProperty(event.payload, 'added_field', { type: 'integer' }) }));
    const again = counted(memory);
    const files = runtimeFiles(edited, again);
    expect(again.made).toBe(1);
    expect(files).toEqual(runtimeFiles(edited));
    expect(files).not.toEqual(runtimeFiles(shop));
  });

  it('compiles again when a shared schema changed', () => {
    const memory = new OutputMemory();
    runtimeFiles(shop, memory);
    memory.finishRun();
    const [first, ...rest] = shop.schemas;
    expect(first).toBeDefined();
    const edited: Catalog = { ...shop, schemas: [{ ...first!, schema: withProperty(first!.schema, 'added_field', { type: 'integer' }) }, ...rest] };
    const again = counted(memory);
    expect(runtimeFiles(edited, again)).toEqual(runtimeFiles(edited));
    expect(again.made).toBe(1);
  });
});

describe('the pages through an output memo', () => {
  const pages = (catalog: Catalog, memo?: OutputMemo): readonly OutputFile[] => markdownEmitter.emit(catalog, { templates, memo });

  it('are the pages made without one, and none is rendered again for the same catalog', () => {
    const memory = new OutputMemory();
    const first = counted(memory);
    const files = pages(shop, first);
    expect(files).toEqual(pages(shop));
    expect(first.made).toBe(files.length);
    memory.finishRun();
    const again = counted(memory);
    expect(pages(structuredClone(shop), again)).toEqual(files);
    expect(again.made).toBe(0);
  });

  it('render again the pages an edited title shows on, and only those', () => {
    const memory = new OutputMemory();
    const before = pages(shop, memory);
    memory.finishRun();
    const edited = withEvent(shop, key, (event) => ({ ...event, title: { ...event.title, [shop.sourceLocale]: { text: 'A new title', fallback: false } } }));
    const again = counted(memory);
    const after = pages(edited, again);
    expect(after).toEqual(pages(edited));
    const changed = after.filter((file, index) => file.contents !== before[index]?.contents).map((file) => file.path);
    expect(changed.length).toBeGreaterThan(0);
    expect(again.made).toBe(changed.length);
  });

  it('render every page again when the pages are normalized (templates of the user) or descriptions printed as markdown', async () => {
    const { createDescriptionFormat } = await import('../../src/emit/description/format.js');
    const marked = withEvent(shop, key, (event) => ({
      ...event,
      description: { ...event.description, [shop.sourceLocale]: { text: 'Paid *in full*, see `total`.', fallback: false } },
    }));
    const memory = new OutputMemory();
    markdownEmitter.emit(marked, { templates, memo: memory });
    memory.finishRun();
    const variants = [
      { templates: { ...templates, normalize: (page: string) => `${page}<!-- normalized -->\n` } },
      { templates, descriptions: createDescriptionFormat() },
    ];
    for (const options of variants) {
      const again = counted(memory);
      const files = markdownEmitter.emit(marked, { ...options, memo: again });
      expect(files).toEqual(markdownEmitter.emit(marked, options));
      expect(again.made).toBe(files.length);
    }
  });

  it('render every page again with other templates', () => {
    const memory = new OutputMemory();
    pages(shop, memory);
    memory.finishRun();
    const other: TemplateSet = { ...templates, pages: { ...templates.pages, event: `${templates.pages['event']}\nExtra line.\n` } };
    const again = counted(memory);
    const files = markdownEmitter.emit(shop, { templates: other, memo: again });
    expect(files).toEqual(markdownEmitter.emit(shop, { templates: other }));
    expect(again.made).toBe(files.length);
  });
});
