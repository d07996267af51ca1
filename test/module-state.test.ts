/**
 * src/ keeps no state in its modules: whatever a run caches lives in the run context
 * (`src/run-context.ts`), passed explicitly. Read with the TypeScript compiler API: no `let` or
 * `var` at module level, and no module-level collection (Map, Set, array, object) that the
 * module writes after import. Constant lookup tables stay allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MUTATING_METHODS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** `file:line  what` for every piece of module state in `text`. */
function moduleState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}  ${what}`);
  };
  const collections = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const flags = statement.declarationList.flags;
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(source);
      if ((flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== ts.NodeFlags.Const) at(declaration, `module-level let/var ${name}`);
      else if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined && holdsCollection(declaration.initializer)) collections.add(name);
    }
  }
  const written = (target: ts.Expression): string | undefined => {
    let node = target;
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
    return ts.isIdentifier(node) && collections.has(node.text) && node !== target ? node.text : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATING_METHODS.has(node.expression.name.text)) {
      const name = written(node.expression);
      if (name !== undefined) at(node, `module-level ${name} written (.${node.expression.name.text})`);
    }
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      const name = written(node.left);
      if (name !== undefined) at(node, `module-level ${name} written (assignment)`);
    }
    if ((ts.isDeleteExpression(node) || ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && 'operand' in node) {
      const name = written(node.operand as ts.Expression);
      if (name !== undefined) at(node, `module-level ${name} written`);
    }
    if (ts.isDeleteExpression(node)) {
      const name = written(node.expression);
      if (name !== undefined) at(node, `module-level ${name} written (delete)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function holdsCollection(initializer: ts.Expression): boolean {
  let node = initializer;
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isNewExpression(node)) return true;
  return ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

describe('module state in src/', () => {
  it('finds the forms it looks for (so the check below can fail)', () => {
    const text = [
      'let counter = 0;',
      'const cache = new Map<string, number>();',
      'const list: string[] = [];',
      'const table = { a: 1 } as Record<string, number>;',
      'const LOOKUP = new Set(["a"]);',
      'export function f(): void { cache.set("a", 1); list.push("x"); table["b"] = 2; counter++; }',
      'export function g(): boolean { return LOOKUP.has("a"); }',
    ].join('\n');
    expect(moduleState('sample.ts', text)).toEqual([
      'sample.ts:1  module-level let/var counter',
      'sample.ts:6  module-level cache written (.set)',
      'sample.ts:6  module-level list written (.push)',
      'sample.ts:6  module-level table written (assignment)',
    ]);
  });

  it('has none: no module-level let, and no module-level collection written after import', () => {
    const found = sourceFiles('src').flatMap((file) => moduleState(file.split(path.sep).join('/'), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
