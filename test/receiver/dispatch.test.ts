import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimeFiles } from '../../src/emit/runtime.js';
import { typescriptEmitter } from '../../src/emit/typescript.js';
import { formatDiagnostics, typeCheck } from '../emit/typescript/compile.js';
import { ordersCatalog } from './orders-catalog.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const receiverFile = path.join(here, 'dispatch.ts');
const generated = new Map(
  [...typescriptEmitter.emit(ordersCatalog, {}), ...runtimeFiles(ordersCatalog)].map((f) => [path.join(here, 'generated', f.path), f.contents]),
);

/** Diagnostics of `receiver` (default: the file on disk) with the generated types and runtime. */
function checkReceiver(receiver?: string) {
  const files = new Map(generated);
  if (receiver !== undefined) files.set(receiverFile, receiver);
  return typeCheck([receiverFile], files);
}

describe('typed dispatch with the generated runtime', () => {
  it('uses the committed runtime of the orders catalog, which is up to date', async () => {
    for (const file of runtimeFiles(ordersCatalog)) await expect(file.contents).toMatchFileSnapshot(`./generated/${file.path}`);
  });

  it('compiles under strict options: a generic dispatch, createHandler, parse; every @ts-expect-error line is an error', () => {
    expect(formatDiagnostics(checkReceiver())).toEqual([]);
  });

  it('fails exactly on the expected lines once the directives are removed, the union form with TS2345', () => {
    const source = readFileSync(receiverFile, 'utf8');
    const expected = source.split('\n').flatMap((line, i) => (line.includes('// @ts-expect-error') ? [i + 2] : []));
    expect(expected.length).toBe(4);
    const diagnostics = checkReceiver(source.replaceAll('// @ts-expect-error', '// expected error:'));
    const lines = new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    expect([...lines].sort((a, b) => a - b)).toEqual(expected);
    expect(diagnostics.find((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1 === expected[0])?.code).toBe(2345);
  });
});
