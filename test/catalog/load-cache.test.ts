/**
 * Loading again after an edit: unchanged files are neither parsed nor checked again (their data
 * and their events are the very same objects), the edited file is, and what is reported about it
 * is exact; the stage timings are reported.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunContext } from '../../src/run-context.js';
import { loadCatalog, type LoadStage } from '../../src/load.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'hookcat-cache-'));
  await cp('catalog/shop', folder, { recursive: true });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const eventsOf = (file: string, loaded: Awaited<ReturnType<typeof loadCatalog>>) => (loaded.catalog?.events ?? []).filter((e) => e.source.file === file);

describe('loading again with a file cache', () => {
  it('reuses unchanged files and their events, rebuilds the edited one', async () => {
    const cache = createRunContext();
    const first = await loadCatalog(folder, { context: cache });
    const again = await loadCatalog(folder, { context: cache });
    expect(again.catalog?.events).toEqual(first.catalog?.events);
    again.catalog?.events.forEach((event, i) => expect(event).toBe(first.catalog?.events[i]));

    const edited = path.join(folder, 'events', 'refunds.yaml');
    const text = await readFile(edited, 'utf8');
    await writeFile(edited, text.replace(/title:\n(\s+)en: ([^\n]+)/, 'title:\n$1en: Edited $2'));
    const third = await loadCatalog(folder, { context: cache });
    expect(third.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [firstRefund] = eventsOf('events/refunds.yaml', first);
    const [thirdRefund] = eventsOf('events/refunds.yaml', third);
    expect(thirdRefund).not.toBe(firstRefund);
    expect(thirdRefund?.title['en']?.text).toMatch(/^Edited /);
    for (const event of eventsOf('events/orders.yaml', third)) expect(first.catalog?.events).toContain(event);
    await writeFile(edited, text);
  });

  it('reports an error in an edited file exactly where a fresh load does', async () => {
    const cache = createRunContext();
    await loadCatalog(folder, { context: cache });
    const edited = path.join(folder, 'events', 'orders.yaml');
    const text = await readFile(edited, 'utf8');
    await writeFile(edited, text.replace('category: orders', 'category: no-such-category'));
    try {
      const cached = await loadCatalog(folder, { context: cache });
      const fresh = await loadCatalog(folder, { context: createRunContext() });
      expect(cached.diagnostics.some((d) => d.code === 'HC301')).toBe(true);
      expect(cached.diagnostics).toEqual(fresh.diagnostics);
    } finally {
      await writeFile(edited, text);
    }
  });

  it('reports the time of each stage, and parses nothing when nothing changed', async () => {
    const cache = createRunContext();
    const stages = async (): Promise<Map<LoadStage, number>> => {
      const seen = new Map<LoadStage, number>();
      await loadCatalog(folder, { context: cache, timings: (stage, ms) => seen.set(stage, ms) });
      return seen;
    };
    const first = await stages();
    expect([...first.keys()]).toEqual(['read', 'parse', 'format', 'checks', 'model']);
    for (const ms of first.values()) expect(ms).toBeGreaterThanOrEqual(0);
    const second = await stages();
    expect(second.has('parse')).toBe(false);
    expect(second.has('checks')).toBe(true);
  });
});
