/** The `expect.json` of a hostile case: what the case's catalog must produce. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROPERTIES, type Property } from './output-checks.js';
import type { SetupStep } from './project.js';

export interface ExpectedDiagnostic {
  readonly code: string;
  /** Relative to the case's catalog folder, `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Default `error`. Expected errors are the exact list of errors; expected warnings must be among the warnings. */
  readonly severity?: 'error' | 'warning';
  /** The diagnostic's data, for a code that covers several reasons (the kind of `$ref`, ...). */
  readonly data?: Readonly<Record<string, string>>;
}

export interface Expectation {
  /** What the case is about, in a sentence. */
  readonly about: string;
  /** Files the test makes before loading (links, huge files). */
  readonly setup?: readonly SetupStep[];
  /** The catalog is refused with exactly these errors (and at least these warnings); with
   * `generates`, warnings only, each of which the load must report. */
  readonly diagnostics?: readonly ExpectedDiagnostic[];
  /** The catalog loads without errors and generates; then these properties hold. */
  readonly generates?: boolean;
  readonly properties?: readonly Property[];
  /** Shared schemas whose generated type must refer to itself (a recursive type, not an unrolled one). */
  readonly recursiveTypes?: readonly string[];
  /** Most milliseconds loading may take: bounded work on hostile input. Default 10,000. */
  readonly maxMs?: number;
  /** An output folder that generate must refuse (relative to the project folder). */
  readonly refuseOut?: string;
  /** Most work the docs pages may hold in all: table rows and bytes, across every page. */
  readonly pages?: { readonly maxRows: number; readonly maxBytes: number };
}

export interface HostileCase {
  readonly name: string;
  readonly dir: string;
  readonly expect: Expectation;
}

/** Every case folder under `root`, sorted, with its parsed `expect.json`. */
export async function readCases(root: string): Promise<HostileCase[]> {
  const entries = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const cases: HostileCase[] = [];
  for (const name of entries) {
    const dir = path.join(root, name);
    const expect = JSON.parse(await readFile(path.join(dir, 'expect.json'), 'utf8')) as Expectation;
    cases.push({ name, dir, expect });
  }
  return cases;
}

/** Problems with an expect.json itself, so a typo cannot make a case check nothing. */
export function expectationProblems(expect: Expectation): string[] {
  const problems: string[] = [];
  const known = new Set(['about', 'setup', 'diagnostics', 'generates', 'properties', 'recursiveTypes', 'maxMs', 'refuseOut', 'pages']);
  for (const key of Object.keys(expect)) if (!known.has(key)) problems.push(`unknown key ${key}`);
  if (typeof expect.about !== 'string' || expect.about.length < 10) problems.push('`about` must say what the case is');
  const refuses = expect.refuseOut !== undefined;
  const warningsOnly = expect.diagnostics?.every((d) => d.severity === 'warning') === true;
  if ((expect.diagnostics !== undefined) === (expect.generates === true) && !refuses && !warningsOnly) {
    problems.push('give either `diagnostics` or `generates: true` (with `diagnostics` only of warnings)');
  }
  if (expect.diagnostics !== undefined && expect.diagnostics.length === 0) problems.push('`diagnostics` must list at least one');
  if (expect.generates === true && (expect.properties ?? []).length === 0 && !refuses) problems.push('a generating case must name properties');
  for (const p of expect.properties ?? []) if (!(PROPERTIES as readonly string[]).includes(p)) problems.push(`unknown property ${p}`);
  return problems;
}
