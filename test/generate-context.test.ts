/**
 * A run context handed from run to run (watch mode, API callers), or a cache folder kept between
 * processes, never changes what a run writes: after random edits to a catalog (texts, payload
 * fields, shared schemas, events removed, files put back), `generate` with the reused context,
 * and `generate` with a fresh context and the cache folder, write exactly the files, and report
 * exactly the problems, of a fresh run. fast-check with a fixed seed, so a failure reproduces.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generate } from '../src/generate.js';
import { createRunContext } from '../src/run-context.js';
import { readTree, treeDifferences } from './hostile/support/tree.js';

const SEED = Number(process.env['HOOKCAT_PROPERTY_SEED'] ?? 42);
/** Three times the base count by default (six sequences of random edits). */
const RUNS = Number(process.env['HOOKCAT_PROPERTY_RUNS'] ?? 5);
const FILES = ['customers', 'orders', 'payments', 'refunds', 'shipments'].map((name) => `events/${name}.yaml`);

type Edit =
  | { kind: 'title'; file: number; event: number; text: string }
  | { kind: 'field'; file: number; event: number; name: string }
  | { kind: 'schema'; file: number; name: string }
  | { kind: 'remove'; file: number; event: number }
  | { kind: 'restore'; file: number };

const file = fc.nat({ max: FILES.length - 1 });
const event = fc.nat({ max: 6 });
const word = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), file, event, text: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('field' as const), file, event, name: word }),
  fc.record({ kind: fc.constant('schema' as const), file, name: word }),
  fc.record({ kind: fc.constant('remove' as const), file, event }),
  fc.record({ kind: fc.constant('restore' as const), file }),
);

/** `text` (an events file) with `change` made through the yaml Document API. */
function edited(text: string, original: string, change: Edit): string {
  if (change.kind === 'restore') return original;
  const document = parseDocument(text);
  const events = (document.toJS() as { events?: unknown[] }).events ?? [];
  const at = 'event' in change ? change.event % Math.max(events.length, 1) : 0;
  switch (change.kind) {
    case 'title':
      document.setIn(['events', at, 'title', 'en'], change.text);
      break;
    case 'field':
      if (document.hasIn(['events', at, 'payload', 'properties']))
        document.setIn(['events', at, 'payload', 'properties', `x_${change.name}`], { type: 'string' });
      break;
    case 'schema': {
      const names = Object.keys((document.toJS() as { schemas?: Record<string, unknown> }).schemas ?? {});
      const name = names[change.name.length % Math.max(names.length, 1)];
      if (name !== undefined && document.hasIn(['schemas', name, 'properties']))
        document.setIn(['schemas', name, 'properties', `x_${change.name}`], { type: 'integer' });
      break;
    }
    case 'remove':
      if (events.length > 1) document.deleteIn(['events', at]);
      break;
  }
  return document.toString();
}

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('a run context reused between runs', () => {
  it('writes what a fresh run writes, after any edits', async () => {
    const originals = await Promise.all(FILES.map((name) => readFile(path.join('catalog/shop', name), 'utf8')));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 2, maxLength: 4 }), async (edits) => {
        const root = await mkdtemp(path.join(tmpdir(), 'hookcat-context-'));
        roots.push(root);
        const catalogs = path.join(root, 'catalog');
        await cp('catalog/shop', path.join(catalogs, 'shop'), { recursive: true });
        const context = createRunContext();
        const reused = path.join(root, 'reused');
        await generate({ catalogs, out: reused, projectRoot: root, context });
        const cached = path.join(root, 'cached');
        const cache = path.join(root, 'cache');
        await generate({ catalogs, out: cached, projectRoot: root, cache });
        for (const [step, change] of edits.entries()) {
          const target = path.join(catalogs, 'shop', FILES[change.file]!);
          await writeFile(target, edited(await readFile(target, 'utf8'), originals[change.file]!, change));
          const again = await generate({ catalogs, out: reused, projectRoot: root, context });
          const fromCache = await generate({ catalogs, out: cached, projectRoot: root, cache });
          const fresh = await generate({ catalogs, out: path.join(root, `fresh-${step}`), projectRoot: root });
          runs++;
          const problems = (result: typeof fresh) =>
            result.diagnostics.map((d) => `${d.code} ${path.relative(root, d.file)}:${d.line}:${d.column} ${d.message} (${d.hint})`);
          expect(problems(again), JSON.stringify(edits.slice(0, step + 1))).toEqual(problems(fresh));
          expect(problems(fromCache)).toEqual(problems(fresh));
          expect(again.ok).toBe(fresh.ok);
          if (!fresh.ok) continue;
          const written = await readTree(path.join(root, `fresh-${step}`));
          expect(treeDifferences(await readTree(reused), written), JSON.stringify(edits.slice(0, step + 1))).toEqual([]);
          expect(treeDifferences(await readTree(cached), written), JSON.stringify(edits.slice(0, step + 1))).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 2 * RUNS, endOnFailure: true },
    );
    expect(runs).toBeGreaterThanOrEqual(4);
  }, 600_000);
});
