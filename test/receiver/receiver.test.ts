import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typescriptEmitter } from '../../src/emit/typescript.js';
import { formatDiagnostics, typeCheck } from '../emit/typescript/compile.js';
import { ordersCatalog } from './orders-catalog.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const receiverFile = path.join(here, 'receiver.ts');
const generatedFile = path.join(here, 'generated/orders/types.ts');
const [generated] = typescriptEmitter.emit(ordersCatalog, {});
const contents = generated!.contents;

/** Type-checks `receiver` (default: the file on disk) against the freshly generated module. */
function checkReceiver(receiver?: string) {
  const files = new Map([[generatedFile, contents]]);
  if (receiver !== undefined) files.set(receiverFile, receiver);
  return typeCheck([receiverFile], files);
}

describe('a receiver written against the generated types', () => {
  it('uses the committed generated module, which is up to date', async () => {
    expect(generated!.path).toBe('orders/types.ts');
    await expect(contents).toMatchFileSnapshot('./generated/orders/types.ts');
  });

  it('type-checks: narrowing works and every @ts-expect-error line is an error', () => {
    expect(formatDiagnostics(checkReceiver())).toEqual([]);
  });

  it('fails exactly on the expected lines once the directives are removed', () => {
    const source = readFileSync(receiverFile, 'utf8');
    const lines = source.split('\n');
    const expected = lines.flatMap((line, i) => (line.includes('// @ts-expect-error') ? [i + 2] : []));
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const withoutDirectives = source.replaceAll('// @ts-expect-error', '// expected error:');
    const errorLines = new Set(checkReceiver(withoutDirectives).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    expect([...errorLines].sort((a, b) => a - b)).toEqual(expected);
  });

  it('runs: events are told apart by type, unknown types are rejected', async () => {
    // Imported here so that a missing golden fails the snapshot test above, not the whole file.
    const { describeEvent, dispatch, handlers, parseDelivery } = await import('./receiver.js');
    const created = parseDelivery({
      type: 'order.created',
      id: 'd1',
      created: '2026-01-01T00:00:00Z',
      data: { orderId: 'o1', total: { amount: 1250, currency: 'EUR' }, lines: [{ sku: 'A', quantity: 2 }] },
    });
    expect(created && describeEvent(created)).toBe('order o1: 1 lines, 1250 EUR');
    expect(await dispatch(created!, handlers)).toBe('created o1 at 2026-01-01T00:00:00Z');
    const cancelled = parseDelivery({ type: 'order.cancelled', id: 'd2', created: '2026-01-02T00:00:00Z', data: { orderId: 'o1', reason: null } });
    expect(cancelled && describeEvent(cancelled)).toBe('order o1 cancelled: no reason given');
    expect(await dispatch(cancelled!, handlers)).toBeUndefined();
    expect(parseDelivery({ type: 'order.shipped', data: {} })).toBeUndefined();
    expect(parseDelivery('order.created')).toBeUndefined();
  });
});
