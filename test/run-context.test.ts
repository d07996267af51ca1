/**
 * What a run context keeps: a context handed from run to run keeps the loader's memory (parsed
 * files, the checks' validators) for the next run; the context `generate()` makes for itself, which
 * no later run sees, keeps none, so a one-shot run does not hold it while it emits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../src/generate.js';
import { createOneRunContext, createRunContext, type LoaderMemory, type RunContext } from '../src/run-context.js';

const loads = vi.hoisted(() => ({ contexts: [] as RunContext[] }));

vi.mock('../src/load.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/load.js')>();
  return {
    ...actual,
    loadReadCatalogs: (...args: Parameters<typeof actual.loadReadCatalogs>) => {
      const context = args[1]?.context;
      if (context !== undefined) loads.contexts.push(context);
      return actual.loadReadCatalogs(...args);
    },
  };
});

const memory = (): LoaderMemory => ({}) as LoaderMemory;

afterEach(() => {
  loads.contexts.length = 0;
});

describe('run contexts', () => {
  it('keep the loader memory they made when handed from run to run', () => {
    const context = createRunContext();
    const make = vi.fn(memory);
    const first = context.loader(make);
    expect(context.loader(make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('keep none for one run', () => {
    const context = createOneRunContext();
    const make = vi.fn(memory);
    expect(context.loader(make)).not.toBe(context.loader(make));
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('generate() keeps no loader memory when handed no context, and keeps it in a context it is handed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'hookcat-run-context-'));
    try {
      const run = (context?: RunContext) =>
        generate({ catalogs: path.resolve('catalog'), out: path.join(root, 'out'), projectRoot: root, only: ['types'], check: true, context });
      await run();
      const own = loads.contexts.at(-1);
      expect(own).toBeDefined();
      const make = vi.fn(memory);
      own?.loader(make);
      expect(make).toHaveBeenCalledTimes(1);

      const handed = createRunContext();
      await run(handed);
      expect(loads.contexts.at(-1)).toBe(handed);
      const again = vi.fn(memory);
      handed.loader(again);
      expect(again).not.toHaveBeenCalled();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
