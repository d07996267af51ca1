/**
 * Reads a StrykerJS result file (`--incrementalFile`, the mutation-testing-report schema) and
 * prints, per source file, the score with the survivors split in two: those inside a function
 * body, which a test can kill, and those at module level (constants, tables, regular expressions,
 * functions assigned at the top), which run once when the module is first imported. With vitest's
 * `isolate: false` (see vitest.mutate.config.ts) a test process keeps its modules, so Stryker's
 * switch never reaches module-level code: such a mutant survives whatever the tests do, and is
 * counted apart.
 *
 *   npx tsx test/support/mutation-survivors.ts reports/stryker-write.json [path filter] [--list]
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

interface Position {
  readonly line: number;
  readonly column: number;
}

interface Mutant {
  readonly status: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: Position; readonly end: Position };
}

interface Report {
  readonly files: { readonly [file: string]: { readonly source: string; readonly mutants: readonly Mutant[] } };
}

interface Counts {
  killed: number;
  survived: number;
  noCoverage: number;
  moduleLevel: number;
}

/** True when `offset` lies inside the body of a function, method, accessor or arrow function. */
function insideFunctionBody(source: ts.SourceFile, offset: number): boolean {
  let inside = false;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(source) || offset >= node.getEnd()) return;
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined && offset >= (node.body as ts.Node).getStart(source)) inside = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return inside;
}

function score(c: Counts): string {
  const counted = c.killed + c.survived + c.noCoverage;
  return counted === 0 ? '-' : `${((100 * c.killed) / counted).toFixed(1)}%`;
}

function main(): void {
  const [file, ...rest] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: mutation-survivors.ts <stryker result json> [path filter] [--list]');
  const list = rest.includes('--list');
  const filter = rest.find((a) => a !== '--list') ?? '';
  let report: Report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch (error) {
    console.error(`mutation-survivors: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const total: Counts = { killed: 0, survived: 0, noCoverage: 0, moduleLevel: 0 };
  const rows: string[] = [];
  for (const [path, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!path.includes(filter)) continue;
    const parsed = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
    const c: Counts = { killed: 0, survived: 0, noCoverage: 0, moduleLevel: 0 };
    for (const mutant of mutants) {
      const { line, column } = mutant.location.start;
      const where = `${path}:${line}:${column} ${mutant.mutatorName} -> ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)}`;
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') c.killed++;
      else if (mutant.status === 'NoCoverage') {
        c.noCoverage++;
        if (list) console.log(`no coverage   ${where}`);
      } else if (mutant.status === 'Survived') {
        const runtime = insideFunctionBody(parsed, parsed.getPositionOfLineAndCharacter(line - 1, column - 1));
        if (runtime) c.survived++;
        else c.moduleLevel++;
        if (list) console.log(`${runtime ? 'survived     ' : 'module level '} ${where}`);
      }
    }
    rows.push(`| ${path} | ${c.killed + c.survived + c.noCoverage} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${score(c)} | ${c.moduleLevel} |`);
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += c[key];
  }
  console.log('| file | mutants | killed | survived | no coverage | score | module level (not counted) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log(
    `| **all** | **${total.killed + total.survived + total.noCoverage}** | **${total.killed}** | **${total.survived}** | **${total.noCoverage}** | **${score(total)}** | ${total.moduleLevel} |`,
  );
}

main();
