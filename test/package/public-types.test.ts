/**
 * Every type the API takes or returns can be named by its users: each type that an export of
 * `src/index.ts` mentions (function parameters and results, properties of exported interfaces and
 * type aliases, recursively through unions, arrays, promises, function types and object literals)
 * is itself exported from the package, when it is declared in hookcat's sources (properties
 * marked internal are left out of the declarations, and out of this count). Read with the
 * TypeScript compiler's type checker.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const ENTRY = path.join(SRC, 'index.ts');

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.resolve('tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (config === undefined) throw new Error('tsconfig.build.json does not parse');
  return ts.createProgram([ENTRY], config.options);
}

/** The named types (interfaces, aliases, classes, enums) declared in src/ that `type` mentions. */
function namedTypes(checker: ts.TypeChecker, type: ts.Type, found: Set<ts.Symbol>, seen = new Set<ts.Type>()): void {
  if (seen.has(type)) return;
  seen.add(type);
  const own = (symbol: ts.Symbol | undefined): boolean => symbol?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(SRC + path.sep)) === true;
  if (type.aliasSymbol !== undefined && own(type.aliasSymbol)) {
    found.add(type.aliasSymbol);
    for (const argument of type.aliasTypeArguments ?? []) namedTypes(checker, argument, found, seen);
    return;
  }
  if (type.isUnionOrIntersection()) {
    for (const part of type.types) namedTypes(checker, part, found, seen);
    return;
  }
  const symbol = type.getSymbol();
  if (symbol !== undefined && own(symbol) && (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.Enum)) !== 0) {
    found.add(symbol);
    return;
  }
  for (const argument of checker.getTypeArguments(type as ts.TypeReference) ?? []) namedTypes(checker, argument, found, seen);
  for (const signature of type.getCallSignatures()) {
    for (const parameter of signature.getParameters()) namedTypes(checker, checker.getTypeOfSymbol(parameter), found, seen);
    namedTypes(checker, signature.getReturnType(), found, seen);
  }
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.TypeLiteral) !== 0)
    for (const property of type.getProperties().filter((p) => !isInternal(p))) namedTypes(checker, checker.getTypeOfSymbol(property), found, seen);
  const index = type.getStringIndexType();
  if (index !== undefined) namedTypes(checker, index, found, seen);
}

/** Marked `@internal`: left out of the package's declarations (`stripInternal` in tsconfig.build.json). */
function isInternal(symbol: ts.Symbol): boolean {
  return symbol.declarations?.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'internal')) === true;
}

/** The types an exported symbol exposes: its properties' (interfaces, aliases) or its signatures' (functions, values). */
function exposed(checker: ts.TypeChecker, symbol: ts.Symbol, found: Set<ts.Symbol>): void {
  if ((symbol.flags & ts.SymbolFlags.Class) !== 0) return;
  if ((symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const parts = type.isUnion() ? type.types : [type];
    for (const part of parts)
      for (const property of part.getProperties().filter((p) => !isInternal(p))) namedTypes(checker, checker.getTypeOfSymbol(property), found);
    return;
  }
  namedTypes(checker, checker.getTypeOfSymbol(symbol), found);
}

describe('the public API', () => {
  it('exports every type its exports mention', () => {
    const built = program();
    const checker = built.getTypeChecker();
    const entry = checker.getSymbolAtLocation(built.getSourceFile(ENTRY)!)!;
    const exports = checker.getExportsOfModule(entry).map((s) => ((s.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(s) : s));
    const exported = new Set(exports);
    const mentioned = new Set<ts.Symbol>();
    for (const symbol of exports) exposed(checker, symbol, mentioned);
    const missing = [...mentioned]
      .filter((s) => !exported.has(s))
      .map((s) => `${s.getName()} (${path.relative(SRC, s.declarations![0]!.getSourceFile().fileName)})`);
    expect(exports.length).toBeGreaterThan(40);
    expect(missing.sort()).toEqual([]);
  });
});
