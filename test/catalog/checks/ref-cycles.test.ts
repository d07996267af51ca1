/** HC310 for shared schemas that apply themselves to the same value again (`A: {$ref: A}`, `A -> B -> A`). */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkRefCycles } from '../../../src/catalog/checks/ref-cycles.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { CatalogSource } from '../../../src/catalog/source.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

const HINT = 'put the reference inside `properties` or `items` (a recursive type), or remove it';

function sourceOf(lines: readonly string[]): CatalogSource {
  const { file, diagnostics } = parseCatalogFile(`${lines.join('\n')}\n`, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  return assembleCatalog('memory', [file], true).source;
}

/** A catalog whose shared schemas are written one a line, as flow YAML, from line 2 on. */
const schemas = (...lines: string[]): CatalogSource => sourceOf(['schemas:', ...lines.map((l) => `  ${l}`)]);

/** `line:column names-of-the-loop` of each finding, after checking the rest of it. */
function findings(source: CatalogSource): string[] {
  return checkRefCycles(source, new CheckMemory()).map((d: Diagnostic) => {
    expect([d.code, d.severity, d.file, d.hint]).toEqual(['HC310', 'error', 'catalog.yaml', HINT]);
    const loop = / refers back to itself without describing any data in between, so no value can ever be checked against it$/;
    expect(d.message).toMatch(loop);
    return `${d.line}:${d.column} ${d.message.replace(loop, '')}`;
  });
}

const ref = (name: string): string => `{$ref: '#/schemas/${name}'}`;

describe('reference cycles (HC310)', () => {
  it('accepts recursive types, chains, shared parts and schemas of any shape', () => {
    const source = schemas(
      `Tree: {type: object, properties: {children: {type: array, items: ${ref('Tree')}}}}`,
      `List: {type: object, properties: {next: ${ref('List')}}}`,
      `A: {allOf: [${ref('B')}, ${ref('C')}]}`,
      `B: {anyOf: [${ref('D')}, ${ref('Missing')}, {$ref: '#/definitions/A'}, {$ref: 5}]}`,
      `C: {not: ${ref('D')}}`,
      'D: {type: string}',
      'Nothing: null',
      'Anything: true',
      "Odd: {allOf: [null, true, 'A'], not: null, anyOf: {$ref: '#/schemas/Odd'}}",
    );
    expect(findings(source)).toEqual([]);
  });

  it('reports a schema that refers to itself, at the reference', () => {
    expect(findings(schemas(`A: ${ref('A')}`))).toEqual(['2:13 `A` -> `A`']);
  });

  it.each(['not', 'if', 'then', 'else'])('follows %s', (keyword) => {
    expect(findings(schemas('B: {}', `A: {type: object, ${keyword}: ${ref('A')}}`))).toEqual([`3:${30 + keyword.length} \`A\` -> \`A\``]);
  });

  it.each(['allOf', 'anyOf', 'oneOf'])('follows each item of %s', (keyword) => {
    expect(findings(schemas(`A: {${keyword}: [{type: object}, ${ref('A')}]}`))).toEqual([`2:${33 + keyword.length} \`A\` -> \`A\``]);
  });

  it('reports a loop through several schemas once, from its first schema', () => {
    const source = schemas(`A: {allOf: [${ref('B')}]}`, `B: {oneOf: [${ref('C')}]}`, `C: ${ref('A')}`);
    expect(findings(source)).toEqual(['2:22 `A` -> `B` -> `C` -> `A`']);
  });

  it('points at the reference that starts the loop, not at an earlier one', () => {
    expect(findings(schemas(`A: {allOf: [${ref('B')}, ${ref('A')}]}`, 'B: {}'))).toEqual(['2:45 `A` -> `A`']);
    const source = schemas(`A: {anyOf: [${ref('B')}, ${ref('C')}]}`, `B: ${ref('D')}`, `C: {not: ${ref('A')}}`, 'D: {}');
    expect(findings(source)).toEqual(['2:45 `A` -> `C` -> `A`']);
  });

  it('finds a loop that the first schema only leads into', () => {
    const source = schemas(`X: ${ref('B')}`, `B: {allOf: [${ref('Missing')}, ${ref('C')}]}`, `C: ${ref('B')}`);
    expect(findings(source)).toEqual(['3:51 `B` -> `C` -> `B`']);
  });

  it('reports no schema twice, even in a second loop', () => {
    const source = schemas(`A: ${ref('B')}`, `B: {anyOf: [${ref('A')}, ${ref('C')}]}`, `C: ${ref('B')}`);
    expect(findings(source)).toEqual(['2:13 `A` -> `B` -> `A`']);
  });

  it.each(['not', 'allOf'])('follows %s down to depth 64 and no deeper', (keyword) => {
    const nested = (levels: number): unknown => {
      let schema: unknown = { $ref: '#/schemas/A' };
      for (let i = 0; i < levels; i++) schema = keyword === 'not' ? { not: schema } : { allOf: [schema] };
      return schema;
    };
    const deep = (levels: number): CatalogSource => {
      const source = schemas('A: {}');
      return { ...source, schemas: source.schemas.map((s) => ({ ...s, value: nested(levels) })) };
    };
    expect(findings(deep(64))).toEqual(['2:6 `A` -> `A`']);
    expect(findings(deep(65))).toEqual([]);
  });
});
