/**
 * The CLI as a user meets it: exit codes, the `path:line:col  severity  CODE  message (hint)`
 * lines and their summary, JSON output, colours only on a terminal, no stack traces for mistakes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCliIn, STACK_LINE, type CliRun } from './support/cli-run.js';

const ERROR_FIXTURE = 'test/fixtures/errors/unknown-category/catalog';
const WARNING_FIXTURE = 'test/fixtures/errors/mixed-verb-forms/catalog';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;
const DIAGNOSTIC_LINE = /^[^\s:]+:\d+:\d+ {2}(error|warning) {2}HC\d{3} {2}\S.* \(\S.*\)$/;
const SUMMARY_LINE = /^\d+ errors?, \d+ warnings?$/;

type Run = CliRun;

/** Runs the CLI in this process, in the repository folder. */
function run(...argv: string[]): Promise<Run> {
  return runCliIn(process.cwd(), ...argv);
}

/** Runs with stderr pretending to be a terminal, and NO_COLOR set or not. */
async function runOnTerminal(noColor: boolean, ...argv: string[]): Promise<Run> {
  const wasTty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true, writable: true });
  if (noColor) vi.stubEnv('NO_COLOR', '1');
  try {
    return await run(...argv);
  } finally {
    if (wasTty) Object.defineProperty(process.stderr, 'isTTY', wasTty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  }
}

let savedNoColor: string | undefined;
beforeEach(() => {
  savedNoColor = process.env['NO_COLOR'];
  delete process.env['NO_COLOR'];
});
afterEach(() => {
  vi.unstubAllEnvs();
  if (savedNoColor !== undefined) process.env['NO_COLOR'] = savedNoColor;
  process.exitCode = undefined;
});

describe('hookcat validate', () => {
  it('exits 0 on the seed catalogs, printing warnings and the summary', async () => {
    const { code, stdout, stderr } = await run('validate', 'catalog');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(DIAGNOSTIC_LINE);
  });

  it('exits 0 with warnings only', async () => {
    const { code, stderr } = await run('validate', WARNING_FIXTURE);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^test\/fixtures\/errors\/mixed-verb-forms\/catalog\/catalog\.yaml:30:10 {2}warning {2}HC401 {2}`refund\.create` .+ \(.+\)$/m);
    expect(stderr.endsWith('0 errors, 1 warning\n')).toBe(true);
  });

  it('exits 1 on an error fixture, one line per problem, then the count', async () => {
    const { code, stdout, stderr } = await run('validate', ERROR_FIXTURE);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(DIAGNOSTIC_LINE);
    expect(lines[0]).toMatch(
      /^test\/fixtures\/errors\/unknown-category\/catalog\/catalog\.yaml:22:15 {2}error {2}HC301 {2}event `order\.shipped` names the category `shipping`.* \(use one of: orders.*\)$/,
    );
    expect(lines[1]).toMatch(SUMMARY_LINE);
    expect(lines[1]).toBe('1 error, 0 warnings');
  });

  it('reports every catalog given and sorts the lines', async () => {
    const { code, stderr } = await run('validate', WARNING_FIXTURE, ERROR_FIXTURE, 'test/fixtures/errors/wrong-type/catalog');
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split('  ')[2])).toEqual(['HC401', 'HC301', 'HC202', undefined]);
    expect(lines.slice(0, -1).map((l) => l.split(':')[0])).toEqual([...lines.slice(0, -1).map((l) => l.split(':')[0])].sort());
    expect(lines.at(-1)).toBe('2 errors, 1 warning');
  });

  it('writes valid JSON with --format json', async () => {
    const { code, stdout, stderr } = await run('validate', ERROR_FIXTURE, '--format', 'json');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as {
      diagnostics: { code: string; file: string; line: number; column: number; severity: string; message: string; hint: string }[];
      errors: number;
      warnings: number;
    };
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(0);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ code: 'HC301', file: `${ERROR_FIXTURE}/catalog.yaml`, line: 22, column: 15, severity: 'error' });
    expect(report.diagnostics[0]?.message).toContain('shipping');
    expect(report.diagnostics[0]?.hint).not.toBe('');
  });

  it('writes JSON with no diagnostics for a clean catalog', async () => {
    const { code, stdout } = await run('validate', 'test/fixtures/errors/missing-translation/catalog', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('reports a folder that does not exist as a problem, without a stack trace', async () => {
    const { code, stderr } = await run('validate', 'no/such/folder');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^no\/such\/folder:1:1 {2}error {2}HC105 {2}/m);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe('usage mistakes', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['validate', '--bogus'], /unknown option '--bogus'/],
    [['validate', '--format', 'xml'], /^hookcat: --format takes text or json, not xml$/m],
    [['generate', '--format'], /argument missing/],
  ])('exits 2 on %j with a message and no stack trace', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/internal error/i);
  });

  it('exits 0 on --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate/);
  });
});

describe('colours', () => {
  it('uses none when stderr is not a terminal', async () => {
    expect(process.stderr.isTTY).not.toBe(true);
    const { stderr } = await run('validate', ERROR_FIXTURE, WARNING_FIXTURE);
    expect(stderr).toMatch(/ {2}error {2}/);
    expect(stderr).not.toMatch(ANSI);
  });

  it('colours the severity on a terminal', async () => {
    const { stderr } = await runOnTerminal(false, 'validate', ERROR_FIXTURE, WARNING_FIXTURE);
    expect(stderr).toContain('\u001b[31merror\u001b[0m');
    expect(stderr).toContain('\u001b[33mwarning\u001b[0m');
  });

  it('uses none on a terminal when NO_COLOR is set', async () => {
    const { stderr } = await runOnTerminal(true, 'validate', ERROR_FIXTURE, WARNING_FIXTURE);
    expect(stderr).toMatch(/ {2}error {2}/);
    expect(stderr).not.toMatch(ANSI);
  });

  it('never colours JSON', async () => {
    const { stdout } = await runOnTerminal(false, 'validate', ERROR_FIXTURE, '--format', 'json');
    expect(stdout).not.toMatch(ANSI);
  });
});

describe('hostile catalogs through the CLI', () => {
  const cases = ['alias-bomb', 'deep-flow-mapping', 'invalid-utf8-latin1', 'yaml-tag-js-function', 'ref-remote-https', 'multi-document', 'proto-top-level'];
  for (const name of cases) {
    it(`${name}: exit 1 with positioned diagnostics and no stack trace`, async () => {
      const result = await run('validate', `test/fixtures/hostile/${name}/catalog`);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(STACK_LINE);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(SUMMARY_LINE);
      expect(lines.slice(0, -1).length).toBeGreaterThan(0);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(DIAGNOSTIC_LINE);
    });
  }
});
