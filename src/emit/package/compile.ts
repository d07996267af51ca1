/**
 * The generated TypeScript of a package compiled to ESM JavaScript and `.d.ts` with ts-morph
 * (in memory: `emitToMemory` with `declaration: true`). The generated code must compile
 * cleanly under strict options; a diagnostic here is a hookcat bug and throws.
 */
import { Project, ts } from 'ts-morph';
import type { OutputFile } from '../emitter.js';

const SOURCE = '/package/src/';
const OUT = '/package/dist/';

/** `files` (paths relative to the source root: `.ts` modules, `.js` + `.d.ts` pairs) -> the files of `dist/`. */
export function compileModules(files: readonly OutputFile[]): OutputFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      declaration: true,
      rootDir: SOURCE,
      outDir: OUT,
      newLine: ts.NewLineKind.LineFeed,
    },
  });
  const copied: OutputFile[] = [];
  for (const file of files) {
    if (file.path.endsWith('.ts')) project.createSourceFile(SOURCE + file.path, file.contents);
    // A JavaScript module ships as it is; its `.d.ts` both types it for the compiler and ships.
    if (!file.path.endsWith('.ts') || file.path.endsWith('.d.ts')) copied.push(file);
  }
  const problems = project.getPreEmitDiagnostics();
  if (problems.length > 0) throw new Error(`the package's TypeScript does not compile:\n${project.formatDiagnosticsWithColorAndContext(problems.slice(0, 5))}`);
  const emitted = project
    .emitToMemory()
    .getFiles()
    .map((file) => ({ path: file.filePath.slice(OUT.length), contents: file.text }));
  return [...emitted, ...copied].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
