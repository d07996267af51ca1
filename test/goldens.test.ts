/**
 * Goldens are never written silently: with the project's vitest config, a test whose golden
 * file is missing fails (and writes nothing) unless the run asks for updates (`npm run
 * test:update`), whether or not CI is set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Inside the project, so the test file finds vitest in node_modules.
mkdirSync('.scratch', { recursive: true });
const root = mkdtempSync(path.resolve('.scratch/goldens-'));
mkdirSync(path.join(root, 'test'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function runVitest(...flags: string[]): { status: number | null; golden: boolean } {
  writeFileSync(
    path.join(root, 'test', 'golden.test.ts'),
    "import { expect, it } from 'vitest';\nit('matches', async () => { await expect('text').toMatchFileSnapshot('./golden.txt'); });\n",
  );
  const { CI: _ci, ...env } = process.env;
  const vitest = path.resolve('node_modules/vitest/vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', '--root', root, '--config', path.resolve('vitest.config.ts'), ...flags], {
    env: { ...env, FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, golden: existsSync(path.join(root, 'test', 'golden.txt')) };
}

describe('goldens', () => {
  it('a missing golden fails a plain run, and is not written', () => {
    expect(runVitest()).toEqual({ status: 1, golden: false });
  });

  it('is written only when updates are asked for', () => {
    expect(runVitest('--update')).toEqual({ status: 0, golden: true });
  });
});
