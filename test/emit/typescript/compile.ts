/** Type-checks generated TypeScript with the compiler API, in memory, as strictly as a careful
 * receiver would compile it. */
import path from 'node:path';
import ts from 'typescript';

/** Strict options a receiver might use; generated modules must compile under all of them. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  // What Node's type stripping runs: no parameter properties, enums or namespaces in generated code.
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/** Parsed library files, shared between programs (parsing lib.es2022 is most of the cost). */
const libCache = new Map<string, ts.SourceFile | undefined>();

/**
 * Diagnostics of a program made of `roots`. `files` maps absolute paths to contents that
 * exist only in memory (they shadow the disk); other files are read from disk.
 */
export function typeCheck(roots: readonly string[], files: ReadonlyMap<string, string>, options = STRICT_OPTIONS): ts.Diagnostic[] {
  const host = ts.createCompilerHost(options);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.directoryExists = (dir) => [...files.keys()].some((file) => file.startsWith(`${dir}/`)) || ts.sys.directoryExists(dir);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, onError) => {
    const text = files.get(file);
    if (text !== undefined) return ts.createSourceFile(file, text, language, true);
    if (!file.startsWith(libDir)) return getSourceFile(file, language, onError);
    if (!libCache.has(file)) libCache.set(file, getSourceFile(file, language, onError));
    return libCache.get(file);
  };
  return [...ts.getPreEmitDiagnostics(ts.createProgram(roots, options, host))];
}

/** Diagnostics of one in-memory module. */
export function typeCheckModule(contents: string, file = '/virtual/types.ts'): ts.Diagnostic[] {
  return typeCheck([file], new Map([[file, contents]]));
}

/** `file:line:col TScode message`, for readable test failures. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file === undefined || d.start === undefined) return `TS${d.code} ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1} TS${d.code} ${message}`;
  });
}
