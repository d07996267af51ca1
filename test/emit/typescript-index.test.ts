import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitTypesIndex, typescriptEmitter } from '../../src/emit/typescript.js';
import type { Catalog } from '../../src/model/types.js';
import { typeCheck } from './typescript/compile.js';

describe('the types index over all catalogs', () => {
  it('the committed generated/index.ts and every catalog module compile under strict options', () => {
    const index = path.resolve('generated/index.ts');
    const diagnostics = typeCheck([index], new Map());
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('is what the types emitter writes at the output root, as index.ts, for the catalogs it is given', () => {
    const catalogs = ['shop', 'wink'].map((id) => ({ id }) as Catalog);
    const files = typescriptEmitter.emitIndex!(catalogs, {});
    expect(files.map((file) => file.path)).toEqual(['index.ts']);
    expect(files[0]!.contents.split('\n').filter((line) => line.startsWith('export '))).toEqual([
      "export * as shop from './shop/types.js';",
      "export * as wink from './wink/types.js';",
    ]);
  });

  it('names each catalog namespace as a valid, distinct identifier', () => {
    const catalogs = ['my-shop', 'my_shop', '9lives'].map((id) => ({ id }) as Catalog);
    expect(emitTypesIndex(catalogs).contents).toContain(
      ["export * as myShop from './my-shop/types.js';", "export * as myShop2 from './my_shop/types.js';", "export * as _9lives from './9lives/types.js';"].join(
        '\n',
      ),
    );
  });

  it('compiles when catalog ids are reserved words of an ES module', () => {
    const ids = ['await', 'yield', 'let', 'static', 'implements', 'package', 'interface', 'enum', 'class', 'arguments', 'eval', 'await-now'];
    const folder = mkdtempSync(path.join(tmpdir(), 'hookcat-index-'));
    const index = emitTypesIndex(ids.map((id) => ({ id }) as Catalog)).contents;
    writeFileSync(path.join(folder, 'index.ts'), index);
    for (const id of ids) {
      mkdirSync(path.join(folder, id));
      writeFileSync(path.join(folder, id, 'types.ts'), 'export type Marker = 1;\n');
    }
    const diagnostics = typeCheck([path.join(folder, 'index.ts')], new Map());
    rmSync(folder, { recursive: true });
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    expect(index).toContain("export * as await_ from './await/types.js';");
  });
});
