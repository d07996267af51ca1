/**
 * The checks keep per-event results between loads (by raw object, with what else they depend
 * on by content). After every kind of edit, a load through the cache must report exactly what
 * a fresh load reports (text, file, line, column, order) and build the same model: edits of an
 * events file, of the shared schemas other files refer to, of the locales, of the translation
 * policy, a file that fails the format check, and an event written twice through an alias.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunContext, type RunContext } from '../../src/run-context.js';
import { loadCatalog } from '../../src/load.js';

let folder: string;

const META = (extra: string) => `catalog:
  id: inc
  version: '1'
  locales: [en, et${extra.includes('fr') ? ', fr' : ''}]
  sourceLocale: en
${extra.includes('strict') ? '  missingTranslation: error\n' : ''}${extra.startsWith('annotations:') ? `  ${extra}\n` : ''}  title: { en: Inc, et: Inc }
categories:
  - { id: a, title: { en: A, et: A }, description: { en: A, et: A } }
  - { id: b, title: { en: B, et: B }, description: { en: B, et: B } }
`;

const MONEY = `schemas:
  Money:
    type: object
    required: [amount]
    properties:
      amount: { type: integer, minimum: 0 }
      currency: { type: string, pattern: '^[A-Z]{3}$' }
`;

const event = (key: string, category: string, body: string) => `  - key: ${key}
    category: ${category}
    title: { en: T ${key}, et: T }
    description: { en: D, et: D }
${body}`;

const A = `events:
${event(
  'a.order.created',
  'a',
  `    payload:
      type: object
      required: [total]
      properties:
        total: { $ref: '#/schemas/Money' }
        note: { type: string, nullable: true }
    examples:
      - payload: { total: { amount: 5, currency: EUR } }
`,
)}  - key: a.order.update-line
    category: a
    title: { en: Only english }
    description: { en: D, et: D }
    payload:
      type: object
      properties:
        when: { type: string, format: date-time, colour: red }
    examples:
      - payload: { when: 'not a date' }
${event(
  'a.order.paid',
  'a',
  `    payload: { $ref: '#/schemas/Money' }
    examples:
      - payload: { amount: 1 }
`,
)}`;

const B = (title: string) => `events:
${event(
  'b.refund.created',
  'b',
  `    payload:
      type: object
      properties:
        amount: { $ref: '#/schemas/Money' }
    examples:
      - payload: { amount: { amount: 2 } }
`,
).replace('T b.refund.created', title)}${event(
  'b.refund.failed',
  'b',
  `    payload: { type: object }
`,
)}`;

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'hookcat-incremental-'));
  await mkdir(path.join(folder, 'events'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Loads through `cache` and fresh, and expects the same diagnostics and model; returns them. */
async function same(cache: RunContext): Promise<string> {
  const cached = await loadCatalog(folder, { context: cache });
  const fresh = await loadCatalog(folder, { context: createRunContext() });
  expect(cached.diagnostics).toEqual(fresh.diagnostics);
  expect(JSON.stringify(cached.catalog)).toBe(JSON.stringify(fresh.catalog));
  return JSON.stringify(fresh.diagnostics);
}

describe('loading again after an edit', () => {
  it('reports what a fresh load reports, whatever changed', async () => {
    const cache = createRunContext();
    const base = { 'catalog.yaml': META('') + MONEY, 'events/a.yaml': A, 'events/b.yaml': B('T b') };
    await write(base);
    const first = await same(cache);
    expect(first).toContain('HC306'); // the failing example is found by ajv
    expect(first).toContain('HC305');
    expect(first).toContain('HC310');
    expect(await same(cache)).toBe(first);

    await write({ 'events/b.yaml': B('Edited') });
    await same(cache);
    // Shared schemas change under files that did not: their examples now fail, or their refs dangle.
    await write({ 'catalog.yaml': META('') + MONEY.replace('required: [amount]', 'required: [amount, currency]') });
    expect(await same(cache)).not.toBe(first);
    await write({ 'catalog.yaml': META('') });
    expect(await same(cache)).toContain('HC303');
    await write({ 'catalog.yaml': META('') + MONEY.replace('Money', 'Cash') + MONEY.replace('schemas:\n', '') });
    await same(cache);
    await write({ 'catalog.yaml': META('fr') + MONEY });
    await same(cache);
    await write({ 'catalog.yaml': META('fr strict') + MONEY });
    await same(cache);
    // The walk of an unchanged payload is kept with the annotations it was checked against:
    // `colour` declared, then two other names that would run together into the same text.
    await write({ 'catalog.yaml': META('annotations: [colour, x]') + MONEY });
    expect(await same(cache)).not.toContain('`colour`');
    await write({ 'catalog.yaml': META('annotations: [colou, rx]') + MONEY });
    expect(await same(cache)).toContain('`colour` is not a JSON Schema or OpenAPI keyword');
    await write({ 'events/b.yaml': B('T b').replace('category: b', 'category: [b]') });
    await same(cache);
    await write(base);
    expect(await same(cache)).toBe(first);
  });

  it('points at each place of an event written twice through an alias', async () => {
    const cache = createRunContext();
    await write({
      'catalog.yaml': META('') + MONEY,
      'events/a.yaml': `events:\n  - &twice\n    key: a.order.twice\n    category: a\n    title: { en: Only english }\n    description: D\n    payload: { type: object, properties: { x: { type: string, colour: red } } }\n  - *twice\n`,
      'events/b.yaml': B('T b'),
    });
    const first = await same(cache);
    const at = (code: string): string[] =>
      (JSON.parse(first) as { code: string; line: number; column: number }[]).filter((d) => d.code === code).map((d) => `${d.line}:${d.column}`);
    expect(at('HC300')).toEqual(['8:5']);
    // The same raw object stands at events[0] and events[1]: each place is reported where it is
    // (an unknown keyword once per name, at its first use).
    expect(at('HC310')).toEqual(['7:63']);
    expect(at('HC305')).toEqual(['5:12', '6:18', '8:5', '8:5']);
    expect(await same(cache)).toBe(first);
  });
});
