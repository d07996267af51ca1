/**
 * The runtime of hostile catalogs (odd names, `__proto__` keys and fields, reserved words,
 * recursive schemas, hostile texts): it type-checks strictly and parses every example.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { typescriptEmitter } from '../../src/emit/typescript.js';
import { formatDiagnostics, typeCheck } from './typescript/compile.js';
import { runtimeOf } from './runtime/runtime-at.js';

const CASES = [
  'catalog-id-reserved-word',
  'hostile-enum-values',
  'hostile-property-names',
  'hostile-texts-everywhere',
  'name-collisions',
  'proto-envelope-fields',
  'proto-event-keys',
  'proto-schema-names',
  'recursive-cycle',
  'reserved-names',
  'unicode-astral-nfd',
];

describe.each(CASES)('the runtime of hostile case %s', (name) => {
  it('type-checks strictly and parses every example back to its delivery', async () => {
    const { catalog, diagnostics } = await loadCatalog(`test/fixtures/hostile/${name}/catalog`);
    expect(catalog, diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const files = new Map([...typescriptEmitter.emit(catalog!, {}), ...runtimeFiles(catalog!)].map((f) => [path.join('/virtual', f.path), f.contents]));
    expect(formatDiagnostics(typeCheck([`/virtual/${catalog!.id}/runtime.ts`], files))).toEqual([]);
    const runtime = await runtimeOf(catalog!);
    for (const event of catalog!.events) {
      for (const example of event.examples) {
        const body = deliveryBody(catalog!, event, example);
        expect(runtime.parse(JSON.stringify(body)), `${event.key} ${example.name}`).toEqual(body);
      }
    }
  });
});

describe('dispatch by an event type named like a member of every object', () => {
  it('hands an event `constructor` without a handler to the fallback, not to Object', async () => {
    const { catalog } = await loadCatalog('test/fixtures/hostile/proto-event-keys/catalog');
    const runtime = await runtimeOf(catalog!);
    const handle = runtime.createHandler({}, { fallback: (event) => `fallback ${event.type}` });
    const event = runtime.parse(JSON.stringify({ type: 'constructor', data: {} }));
    expect(await handle(event)).toBe('fallback constructor');
  });

  it('still calls handlers a class or a prototype gives, and an own handler named like a member of every object', async () => {
    const { catalog } = await loadCatalog('test/fixtures/hostile/proto-event-keys/catalog');
    const runtime = await runtimeOf(catalog!);
    const key = catalog!.events.find((event) => event.key !== 'constructor')!.key;
    const event = runtime.parse(JSON.stringify({ type: key, data: {} }));
    const fallback = { fallback: () => 'fallback' };
    class Handlers {
      [name: string]: unknown;
    }
    Object.defineProperty(Handlers.prototype, key, { value: () => 'from the class' });
    expect(await runtime.createHandler(new Handlers() as never, fallback)(event)).toBe('from the class');
    expect(await runtime.createHandler(Object.create({ [key]: () => 'inherited' }), fallback)(event)).toBe('inherited');
    const own = runtime.parse(JSON.stringify({ type: 'constructor', data: {} }));
    expect(await runtime.createHandler({ constructor: () => 'own constructor' } as never, fallback)(own)).toBe('own constructor');
  });
});
