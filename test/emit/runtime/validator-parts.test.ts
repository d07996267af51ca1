/**
 * A catalog of more events than one validators file holds gets its validators in parts that
 * `validators.js` re-exports (ajv's standalone code overflowed the stack at 10,000 events); each
 * event's validator still checks its own event.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeFiles } from '../../../src/emit/runtime.js';
import { OutputMemory } from '../../../src/output-memo.js';
import { EVENTS_PER_PART } from '../../../src/emit/runtime/validators.js';
import type { Catalog, EventType, NamedSchema } from '../../../src/model/types.js';
import type { JsonObject } from '../../../src/emit/json-schema/json-object.js';
import { ordersCatalog } from '../../receiver/orders-catalog.js';

const EVENTS = 2 * EVENTS_PER_PART + 1;
const template = ordersCatalog.events[0]!;
/** Event `i` requires a field of its own, `field<i>`, an integer. */
const events: EventType[] = Array.from({ length: EVENTS }, (_, i) => ({
  ...template,
  key: `order.e${i}`,
  deliveredAs: { name: `order.e${i}`, action: undefined },
  payload: { type: 'object', required: [`field${i}`], properties: { [`field${i}`]: { type: 'integer' }, total: { $ref: '#/schemas/Money' } } },
}));
const catalog: Catalog = { ...ordersCatalog, id: 'many', events };

type Validate = (data: unknown) => boolean;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The runtime's files, made in the first test that asks (not while the tests are collected). */
let made: ReturnType<typeof runtimeFiles> | undefined;
const runtime = (): ReturnType<typeof runtimeFiles> => (made ??= runtimeFiles(catalog));

describe(`validators of ${EVENTS} events`, () => {
  it('are written in parts of at most EVENTS_PER_PART that validators.js re-exports', () => {
    const parts = runtime()
      .filter((f) => /runtime\/validators-\d+\.js$/.test(f.path))
      .map((f) => path.basename(f.path));
    expect(parts).toEqual(['validators-0.js', 'validators-1.js', 'validators-2.js']);
    const entry = runtime().find((f) => f.path === 'many/runtime/validators.js')!;
    expect(entry.contents.match(/^export \* from '\.\/validators-\d\.js';$/gm)).toHaveLength(3);
    expect(entry.contents.endsWith(".js';\n")).toBe(true);
    // Each part exports its own events only: Node leaves out a name two `export *` both give.
    const exported = runtime()
      .filter((f) => /runtime\/validators-\d+\.js$/.test(f.path))
      .map((f) => [...f.contents.matchAll(/^export const (v\d+)\b/gm)].map((m) => Number(m[1]!.slice(1))));
    expect(exported.map((names) => [names.length, Math.min(...names), Math.max(...names)])).toEqual([
      [EVENTS_PER_PART, 0, EVENTS_PER_PART - 1],
      [EVENTS_PER_PART, EVENTS_PER_PART, 2 * EVENTS_PER_PART - 1],
      [1, EVENTS - 1, EVENTS - 1],
    ]);
  });

  it('check each event against its own schema, in every part', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-validator-parts-'));
    folders.push(root);
    for (const file of runtime()) {
      await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
      await writeFile(path.join(root, file.path), file.contents);
    }
    const validators = (await import(path.join(root, 'many', 'runtime', 'validators.js'))) as Record<string, Validate>;
    const delivery = (i: number, data: unknown) => ({ type: `order.e${i}`, id: 'evt_1', created: '2026-12-06T10:00:00Z', data });
    for (const i of [0, EVENTS_PER_PART - 1, EVENTS_PER_PART, EVENTS - 1]) {
      const validate = validators[`v${i}`]!;
      expect(validate(delivery(i, { [`field${i}`]: 7, total: { amount: 1, currency: 'EUR' } })), `v${i}`).toBe(true);
      expect(validate(delivery(i, { [`field${i}`]: 'seven' })), `v${i} with a string`).toBe(false);
      expect(validate(delivery(i, { [`field${i + 1}`]: 7 })), `v${i} with another event's field`).toBe(false);
      expect(validate(delivery(i, { [`field${i}`]: 7, total: { amount: 1 } })), `v${i} with a shared schema broken`).toBe(false);
      expect(validate({ ...delivery(i, { [`field${i}`]: 7 }), type: 'order.other' }), `v${i} with another type`).toBe(false);
    }
  });
});

describe('validators of a whole number of parts', () => {
  const names = (count: number): string[] =>
    runtimeFiles({ ...catalog, id: 'exact', events: events.slice(0, count) })
      .map((f) => f.path.replace('exact/runtime/', ''))
      .filter((p) => p.startsWith('validators'));

  it(`are one file for ${EVENTS_PER_PART} events, and two parts for twice as many`, () => {
    expect(names(EVENTS_PER_PART)).toEqual(['validators.js', 'validators.d.ts']);
    expect(names(2 * EVENTS_PER_PART)).toEqual(['validators.js', 'validators-0.js', 'validators-1.js', 'validators.d.ts']);
  });
});

describe('validator parts through an output memo', () => {
  it('are the parts made without one, whether the memo can keep them all or none', () => {
    const files = runtime();
    const total = files.reduce((sum, file) => sum + file.contents.length, 0);
    for (const budget of [Math.floor(total / 3), 2 * total]) {
      const memory = new OutputMemory(budget);
      expect(runtimeFiles(catalog, memory), `budget ${budget}`).toEqual(files);
      memory.finishRun();
      expect(runtimeFiles(catalog, memory), `budget ${budget}, again`).toEqual(files);
    }
  });
});

describe('validator parts, each compiled by an ajv of its own', () => {
  it('are the same when only an earlier part changes, even when it compiles more functions', () => {
    const extra: NamedSchema = {
      name: 'Extra',
      title: undefined,
      description: undefined,
      schema: { type: 'object', required: ['note'], properties: { note: { type: 'string' } } },
    };
    const first = events[0]!;
    const properties = { ...(first.payload['properties'] as JsonObject), extra: { $ref: '#/schemas/Extra' } };
    const changed: Catalog = {
      ...catalog,
      schemas: [...catalog.schemas, extra],
      events: [{ ...first, payload: { ...first.payload, properties } }, ...events.slice(1)],
    };
    const parts = (files: ReturnType<typeof runtimeFiles>) => new Map(files.filter((f) => /validators-\d+\.js$/.test(f.path)).map((f) => [f.path, f.contents]));
    const before = parts(runtime());
    const after = parts(runtimeFiles(changed));
    expect(after.get('many/runtime/validators-0.js')).not.toEqual(before.get('many/runtime/validators-0.js'));
    expect(after.get('many/runtime/validators-0.js')).toContain('"#/properties/note/type"');
    expect(after.get('many/runtime/validators-1.js')).toEqual(before.get('many/runtime/validators-1.js'));
    expect(after.get('many/runtime/validators-2.js')).toEqual(before.get('many/runtime/validators-2.js'));
  });
});
