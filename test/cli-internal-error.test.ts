/**
 * A check that fails inside is reported as HC900 and makes `validate` and `generate` exit 2, as
 * the README's exit codes say of an internal error (not 1, which means the catalog has errors).
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Check } from '../src/catalog/checks/check.js';
import { CHECKS } from '../src/catalog/validate.js';
import { main } from '../src/cli.js';

const CATALOG = path.join(import.meta.dirname, 'fixtures/shapes/bare-actions/catalog');
const failing: Check = () => {
  throw new Error('a check that fails inside');
};

beforeEach(() => {
  (CHECKS as Check[]).push(failing);
});

afterEach(() => {
  (CHECKS as Check[]).splice(CHECKS.indexOf(failing), 1);
});

it('validate and generate exit 2 on HC900', async () => {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    expect(await main(['validate', CATALOG])).toBe(2);
    expect(await main(['generate', '--catalogs', CATALOG, '--out', '.scratch/never-written', '--check'])).toBe(2);
  } finally {
    spy.mockRestore();
  }
  expect(stderr).toMatch(/error {2}HC900 {2}internal error in failing: a check that fails inside/);
});
