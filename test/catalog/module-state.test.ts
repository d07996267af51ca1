/**
 * The loader, the checks and the model keep nothing in module state (issue 11): what a run
 * caches lives in its run context. At module level there is no `let` or `var`, and a `Map` or
 * `Set` made at import is a constant table, typed `ReadonlyMap`/`ReadonlySet` so that the
 * compiler refuses any write to it; there is no module-level `WeakMap` at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const AREAS = ['src/catalog', 'src/model', 'src/fingerprint.ts', 'src/diagnostics.ts', 'src/load.ts', 'src/run-context.ts'];

function sources(entry: string): string[] {
  if (entry.endsWith('.ts')) return [entry];
  return readdirSync(entry, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(entry, e.name)) : e.name.endsWith('.ts') ? [path.join(entry, e.name)] : [],
  );
}

/** Module-level statements that hold state: `let`/`var`, or a collection not typed read-only. */
function moduleState(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        /^(export )?(let|var) /.test(line) ||
        (/^(export )?const \w+(: [^=]+)? = new (Map|Set|WeakMap|WeakSet)\b/.test(line) && !/^(export )?const \w+: Readonly(Map|Set)</.test(line)),
    );
}

describe('module state', () => {
  const files = AREAS.flatMap(sources);

  it('covers the loader, the checks and the model', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('has no mutable module-level state', () => {
    const found = files.flatMap((file) => moduleState(readFileSync(file, 'utf8')).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });

  it('would find it', () => {
    expect(moduleState('let cache;\nconst seen = new Map<string, number>();\nconst ok: ReadonlySet<string> = new Set([]);\n  let inner = 1;')).toEqual([
      'let cache;',
      'const seen = new Map<string, number>();',
    ]);
  });
});
