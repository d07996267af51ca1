/**
 * `hookcat diff` as CI runs it: across two commits of a temporary git repository (read from
 * git's objects, the repository's worktrees, index and files untouched), between folders, and
 * with `--fail-on`. The markdown output is read back with remark (GFM tables).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/history/diff/', import.meta.url));
const pair = (rule: string, side: 'before' | 'after') => path.join(FIXTURES, rule, side);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hookcat-diff-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** A repository whose `catalog/` folder is the `before` side in the first commit and the `after` side in the second. */
function repositoryOf(rule: string): string {
  const repo = mkdtempSync(path.join(scratch, 'repo-'));
  git(repo, 'init', '-q', '-b', 'main');
  cpSync(pair(rule, 'before'), path.join(repo, 'catalog'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'before');
  rmSync(path.join(repo, 'catalog'), { recursive: true });
  cpSync(pair(rule, 'after'), path.join(repo, 'catalog'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'after');
  return repo;
}

describe('hookcat diff across two commits of a git repository', () => {
  it('reports a removed payload field between HEAD~1 and HEAD, and fails on it', async () => {
    const repo = repositoryOf('payload.property.removed');
    const state = [git(repo, 'status', '--porcelain'), git(repo, 'worktree', 'list', '--porcelain'), git(repo, 'rev-parse', 'HEAD')];
    const run = await runCli('diff', '--catalogs', path.join(repo, 'catalog'), '--from', 'HEAD~1', '--to', 'HEAD', '--fail-on', 'breaking', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { from: string; to: string; changes: { rule: string; subject: string; path: string }[] };
    expect(report.from).toBe('HEAD~1:catalog');
    expect(report.to).toBe('HEAD:catalog');
    expect(report.changes.map((c) => [c.rule, c.subject, c.path])).toEqual([['payload.property.removed', 'order.created', '/properties/note']]);
    expect([git(repo, 'status', '--porcelain'), git(repo, 'worktree', 'list', '--porcelain'), git(repo, 'rev-parse', 'HEAD')]).toEqual(state);
  });

  it('compares the last commit with the working tree by default', async () => {
    const repo = repositoryOf('payload.property.removed');
    const catalog = path.join(repo, 'catalog', 'hist', 'catalog.yaml');
    const document = parseDocument(readFileSync(catalog, 'utf8'));
    document.setIn(['events', 0, 'payload', 'properties', 'coupon'], document.createNode({ type: 'string' }));
    writeFileSync(catalog, document.toString());
    const run = await runCli('diff', '--catalogs', path.join(repo, 'catalog'), '--fail-on', 'breaking');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('safe  payload.property.optional-added  hist  order.created  /properties/coupon  optional field `coupon` was added');
    expect(run.stdout).toContain(`(from HEAD:catalog to ${path.join(repo, 'catalog')})`);
  });

  it('treats a folder missing at a commit as no catalogs: every catalog is added', async () => {
    const repo = repositoryOf('event.added');
    writeFileSync(path.join(repo, 'README'), 'x');
    git(repo, 'add', 'README');
    git(repo, 'commit', '-q', '-m', 'unrelated');
    const run = await runCli('diff', '--catalogs', path.join(repo, 'catalog'), '--from', 'HEAD', '--to', 'HEAD', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).changes).toEqual([]);
    const empty = mkdtempSync(path.join(scratch, 'repo-'));
    git(empty, 'init', '-q');
    cpSync(pair('event.added', 'after'), path.join(empty, 'catalog'), { recursive: true });
    writeFileSync(path.join(empty, 'README'), 'x');
    git(empty, 'add', 'README');
    git(empty, 'commit', '-q', '-m', 'no catalogs yet');
    const added = await runCli('diff', '--catalogs', path.join(empty, 'catalog'));
    expect(added.stdout.split('\n')[0]).toBe('safe  catalog.added  hist  catalog  -  catalog `hist` was added');
  });

  it('refuses a ref that names no commit, and a folder outside any repository, in one line (exit 2)', async () => {
    const repo = repositoryOf('event.added');
    const badRef = await runCli('diff', '--catalogs', path.join(repo, 'catalog'), '--from', 'no-such-branch');
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/^hookcat: diff: no-such-branch is neither a folder nor a commit of the repository at .+\n$/);
    const outside = mkdtempSync(path.join(scratch, 'plain-'));
    const noRepo = await runCli('diff', '--catalogs', outside);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(noRepo.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('hookcat diff --fail-on', () => {
  it('exits 1 when a payload field is removed, and 0 when an optional field is added', async () => {
    const removed = await runCli(
      'diff',
      '--from',
      pair('payload.property.removed', 'before'),
      '--to',
      pair('payload.property.removed', 'after'),
      '--fail-on',
      'breaking',
    );
    expect(removed.code).toBe(1);
    expect(removed.stdout).toMatch(/^breaking {2}payload\.property\.removed {2}hist {2}order\.created {2}\/properties\/note {2}/);
    const added = await runCli(
      'diff',
      '--from',
      pair('payload.property.optional-added', 'before'),
      '--to',
      pair('payload.property.optional-added', 'after'),
      '--fail-on',
      'breaking',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^safe {2}payload\.property\.optional-added /);
  });

  it('potentially-breaking also fails on an added enum value; without --fail-on nothing fails', async () => {
    const args = ['diff', '--from', pair('payload.enum.value-added', 'before'), '--to', pair('payload.enum.value-added', 'after')];
    expect((await runCli(...args, '--fail-on', 'potentially-breaking')).code).toBe(1);
    expect((await runCli(...args, '--fail-on', 'breaking')).code).toBe(0);
    expect((await runCli(...args)).code).toBe(0);
  });

  it('refuses unknown levels and formats (exit 2, one line)', async () => {
    const args = ['diff', '--from', pair('event.added', 'before'), '--to', pair('event.added', 'after')];
    for (const extra of [
      ['--fail-on', 'safe'],
      ['--format', 'yaml'],
    ]) {
      const run = await runCli(...args, ...extra);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    }
  });

  it('prints the errors of a side that does not load, and exits 1', async () => {
    const broken = mkdtempSync(path.join(scratch, 'broken-'));
    cpSync(pair('event.added', 'after'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'hist', 'catalog.yaml'), 'catalog: [\n');
    const run = await runCli('diff', '--from', pair('event.added', 'before'), '--to', broken);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/catalog\.yaml:\d+:\d+ {2}error {2}HC101 /);
    expect(run.stderr).toContain('has errors; nothing compared');
  });
});

describe('hookcat diff --format markdown', () => {
  it('is a GFM table with one row a change, and the names as code', async () => {
    const run = await runCli('diff', '--from', pair('payload.property.removed', 'before'), '--to', pair('event.added', 'after'), '--format', 'markdown');
    expect(run.code).toBe(0);
    const tree = remark().use(remarkGfm).parse(run.stdout);
    const table = tree.children.find((n) => n.type === 'table');
    expect(table?.type).toBe('table');
    const rows = table?.type === 'table' ? table.children : [];
    const text = await runCli('diff', '--from', pair('payload.property.removed', 'before'), '--to', pair('event.added', 'after'));
    expect(rows.length - 1).toBe(text.stdout.trim().split('\n').length - 1);
    const firstCells = rows[1]?.children.map((cell) => cell.children.map((c) => (c.type === 'inlineCode' || c.type === 'text' ? c.value : '')).join(''));
    expect(firstCells?.slice(0, 2)).toEqual(text.stdout.split('\n')[0]?.split('  ').slice(0, 2));
  });
});
