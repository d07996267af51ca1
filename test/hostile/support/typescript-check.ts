/**
 * Generated TypeScript read back with the TypeScript compiler API: does it compile under
 * `strict` + `exactOptionalPropertyTypes`, and what do its literals and names say.
 */
import ts from 'typescript';
import { formatDiagnostics, STRICT_OPTIONS, typeCheck } from '../../emit/typescript/compile.js';

/** What a careful receiver compiles with: the same options as the types emitter's own tests. */
export const RECEIVER_OPTIONS: ts.CompilerOptions = STRICT_OPTIONS;

/**
 * Compiles in-memory modules (absolute virtual path -> text) as one program, so many
 * catalogs cost one compile. Returns readable diagnostics; empty when all is well.
 */
export function compileErrors(modules: ReadonlyMap<string, string>): string[] {
  return formatDiagnostics(typeCheck([...modules.keys()], modules, RECEIVER_OPTIONS));
}

export interface ModuleFacts {
  /** Values of every string literal (in types and in code). */
  readonly literals: Set<string>;
  /** Names of every property signature and property assignment, as the compiler reads them. */
  readonly propertyNames: Set<string>;
  /** Every identifier token outside comments and strings. */
  readonly identifiers: Set<string>;
  /** Names of exported type declarations that refer to themselves. */
  readonly selfReferencing: Set<string>;
  /** Names of JSDoc tags (`deprecated`, `format`...) on any declaration. */
  readonly docTags: Set<string>;
}

/** Reads a generated module the way the compiler does. */
export function moduleFacts(text: string): ModuleFacts {
  const source = ts.createSourceFile('/virtual/facts.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const literals = new Set<string>();
  const propertyNames = new Set<string>();
  const identifiers = new Set<string>();
  const selfReferencing = new Set<string>();
  const docTags = new Set<string>();
  const visit = (node: ts.Node, declaration: string | undefined): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    if (ts.isIdentifier(node)) identifiers.add(node.text);
    for (const tag of ts.getJSDocTags(node)) docTags.add(tag.tagName.text);
    if ((ts.isPropertySignature(node) || ts.isPropertyAssignment(node)) && !ts.isComputedPropertyName(node.name)) {
      propertyNames.add(node.name.text);
    }
    if (declaration !== undefined && ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === declaration) {
      selfReferencing.add(declaration);
    }
    const named = ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) ? node.name.text : declaration;
    ts.forEachChild(node, (child) => visit(child, named));
  };
  visit(source, undefined);
  return { literals, propertyNames, identifiers, selfReferencing, docTags };
}
