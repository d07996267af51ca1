/**
 * The committed output of the seed catalogs (`generated/`) is exactly what `generate` writes for
 * `catalog/` now: every file compared byte for byte (`force` skips the shortcut that trusts an
 * unchanged input fingerprint). `.ci/run` checks the same with `generate --check`; here it runs
 * in-process, so a change in any emitter that alters a seed page, schema or type fails a test,
 * mutation runs included.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { generate } from '../src/generate.js';

it('generated/ holds exactly the output of catalog/', async () => {
  const root = path.resolve('.');
  const result = await generate({ catalogs: path.join(root, 'catalog'), out: path.join(root, 'generated'), projectRoot: root, check: true, force: true });
  expect(result.changes).toEqual([]);
  expect(result.ok).toBe(true);
});
