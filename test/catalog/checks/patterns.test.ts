/** HC319: a pattern RE2 cannot run (lookaround, backreferences), in `pattern` or as a `patternProperties` name; HC310: one JavaScript cannot. */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkPatterns } from '../../../src/catalog/checks/patterns.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

const HINT = 'write it without lookahead, lookbehind or backreferences';

function check(lines: readonly string[]): Diagnostic[] {
  const { file, diagnostics } = parseCatalogFile(`${lines.join('\n')}\n`, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  return checkPatterns(assembleCatalog('memory', [file], true).source, new CheckMemory());
}

/** A shared schema `S` with this `pattern`, written in single quotes (backslashes as they are). */
const withPattern = (pattern: string): Diagnostic[] => check(['schemas:', '  S:', '    type: string', `    pattern: '${pattern}'`]);

/** `line:column shown-pattern (reason)` of each finding, after checking the rest of it. */
function findings(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    expect([d.code, d.severity, d.file, d.hint]).toEqual(['HC319', 'error', 'catalog.yaml', HINT]);
    const parts = /^the pattern `(.*)` needs a backtracking engine \((.*)\); hookcat checks patterns in linear time$/.exec(d.message);
    expect(parts, d.message).not.toBeNull();
    return `${d.line}:${d.column} ${parts?.[1]} (${parts?.[2]})`;
  });
}

describe('patterns RE2 cannot run (HC319)', () => {
  it('accepts patterns RE2 runs', () => {
    expect(withPattern('^[a-z]+(-[a-z]+)*$')).toEqual([]);
    expect(withPattern('^\\p{L}+$')).toEqual([]);
    expect(check(['schemas:', '  S:', '    patternProperties:', "      '^x-': {}", '    propertyNames: {pattern: "^[a-z]+$"}'])).toEqual([]);
  });

  it.each([
    ['(?=a)b', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)b', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'lookbehind: `(?<=`'],
    ['a(?<!b)', 'lookbehind: `(?<!`'],
    ['(?<ñ>x)', 'invalid named capture: `(?P<ñ>`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['^(?<q>[ab]).*\\k<q>$', 'named backreference: `\\k<`'],
    ['\\\\\\k<q>(?<q>a)', 'named backreference: `\\k<`'],
  ])('refuses %s, saying why', (pattern, reason) => {
    expect(findings(withPattern(pattern))).toEqual([`4:14 ${pattern} (${reason})`]);
  });

  it('accepts an escaped backslash before `k<`, which is no backreference', () => {
    expect(withPattern('^\\\\k<q>$')).toEqual([]);
  });

  // The meta-schema does not assert `format: regex`, and RE2 reads some of these: without an
  // example to check, generate failed inside (HC900) compiling the runtime's validators.
  it.each([
    ['[', 'Unterminated character class'],
    ['(', 'Unterminated group'],
    // Without the `u` flag JavaScript would take `\1` as an octal escape, and `{` and `\:` as themselves.
    ['\\1', 'Invalid escape'],
    ['^{$', 'Lone quantifier brackets'],
    ['a\\:b', 'Invalid escape'],
  ])('reports %s, which JavaScript refuses with the u flag, as an invalid schema (HC310)', (pattern, reason) => {
    const found = withPattern(pattern);
    expect(found.map((d) => [d.code, d.severity, `${d.line}:${d.column}`])).toEqual([['HC310', 'error', '4:14']]);
    expect(found[0]?.message).toBe(
      `invalid JSON Schema: the pattern \`${pattern}\` is no regular expression JavaScript reads with the \`u\` flag, as receivers and validators do (${reason})`,
    );
    expect(check(['schemas:', '  S:', '    patternProperties:', `      '${pattern}': {}`]).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      'HC310 4:7',
    ]);
  });

  it('shows a pattern of up to 60 characters whole, a longer one cut to 57 and "..."', () => {
    const sixty = `(?=a)${'b'.repeat(55)}`;
    expect(findings(withPattern(sixty))[0]).toBe(`4:14 ${sixty} (invalid or unsupported Perl syntax: \`(?=\`)`);
    expect(findings(withPattern(`${sixty}c`))[0]).toBe(`4:14 ${sixty.slice(0, 57)}... (invalid or unsupported Perl syntax: \`(?=\`)`);
  });

  it('points at the name of a refused patternProperties entry', () => {
    const lines = ['schemas:', '  S:', '    patternProperties:', "      '^ok': {}", "      '(?=x)': {}"];
    expect(findings(check(lines))).toEqual(['5:7 (?=x) (invalid or unsupported Perl syntax: `(?=`)']);
  });

  it('looks into nested schemas and event payloads', () => {
    const lines = [
      'schemas:',
      '  S:',
      '    properties:',
      "      a: {items: {pattern: '(?!x)'}}",
      'events:',
      '  - key: a.created',
      "    payload: {propertyNames: {pattern: '(b)\\1'}}",
    ];
    expect(findings(check(lines))).toEqual(['4:28 (?!x) (invalid or unsupported Perl syntax: `(?!`)', '7:40 (b)\\1 (invalid escape sequence: `\\1`)']);
  });
});
