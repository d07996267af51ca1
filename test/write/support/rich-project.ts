/** A project folder with the rich catalog, and the checks the file-system failure tests share. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type CliRun, STACK_LINE } from '../../support/cli-run.js';

/** A new temporary project folder holding `catalog/rich` (the rich fixture); output goes to `generated`. */
export async function richProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'hookcat-fs-'));
  await cp(path.resolve('test/fixtures/rich/catalog'), path.join(root, 'catalog', 'rich'), { recursive: true });
  return root;
}

/** Changes the catalog's version, so the next run rewrites every file (the version is in each one's header). */
export async function changeVersion(root: string): Promise<void> {
  const metadata = path.join(root, 'catalog', 'rich', 'catalog.yaml');
  await writeFile(metadata, (await readFile(metadata, 'utf8')).replace(/^(\s*)version: .*$/m, "$1version: '9.9'"));
}

/** One line, `hookcat: cannot <verb> <where>: <what to do> (<code>)`, exit code 2, no stack trace. */
export function expectOneLine(result: CliRun, code: string, where: string): void {
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error/);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const escaped = where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(lines[0]).toMatch(new RegExp(`^hookcat: cannot (write|read) ${escaped}: [^\\n]+; [^\\n]+ \\(${code}\\)$`));
  expect(result.code).toBe(2);
}
