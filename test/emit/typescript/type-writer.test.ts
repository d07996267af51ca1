/**
 * The type printer (`src/emit/typescript/type-writer.ts`) on its own: every kind of `TsType`,
 * inline and holding type literals (written as indented blocks), with the parentheses that
 * precedence needs and no others. The printed module is then type-checked by the TypeScript
 * compiler, with values that each reading of the precedence would accept or refuse.
 */
import CodeBlockWriter from 'code-block-writer';
import { describe, expect, it } from 'vitest';
import { docLines } from '../../../src/emit/typescript/doc-comment.js';
import { declarationStatement } from '../../../src/emit/typescript/type-writer.js';
import type { TsType } from '../../../src/emit/typescript/ts-type.js';
import { formatDiagnostics, typeCheckModule } from './compile.js';

type Keyword = 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never';
const k = (name: Keyword): TsType => ({ kind: 'keyword', name });
const lit = (value: string | number | boolean): TsType => ({ kind: 'literal', value });
const ref = (name: string): TsType => ({ kind: 'reference', name });
const obj = (...names: string[]): TsType => ({
  kind: 'object',
  members: names.map((name) => ({ name, optional: false, type: k('string'), doc: [] })),
  index: undefined,
});
const union = (...members: TsType[]): TsType => ({ kind: 'union', members });
const both = (...members: TsType[]): TsType => ({ kind: 'intersection', members });
const array = (element: TsType): TsType => ({ kind: 'array', element });
const tuple = (elements: [TsType, boolean][], rest?: TsType): TsType => ({
  kind: 'tuple',
  elements: elements.map(([type, optional]) => ({ type, optional })),
  rest,
});

function printed(name: string, type: TsType, doc = docLines({ paragraphs: [] })): string {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true, useTabs: false });
  declarationStatement({ name, doc, type })(writer);
  return writer.toString();
}

/** Each case: the type, and how it is printed. */
const CASES: Record<string, [TsType, string]> = {
  Keywords: [union(k('string'), k('null')), 'export type Keywords = string | null;'],
  Literals: [union(lit("it's"), lit(-1.5), lit(false)), "export type Literals = 'it\\'s' | -1.5 | false;"],
  TupleInline: [
    tuple(
      [
        [k('string'), false],
        [union(k('string'), k('number')), true],
        [lit(-1), true],
        [lit(2), true],
      ],
      union(k('null'), k('boolean')),
    ),
    'export type TupleInline = [string, (string | number)?, (-1)?, 2?, ...(null | boolean)[]];',
  ],
  TupleRestOnly: [tuple([], lit(-3)), 'export type TupleRestOnly = [...(-3)[]];'],
  TupleEmpty: [tuple([]), 'export type TupleEmpty = [];'],
  TupleOfObjects: [
    tuple(
      [
        [obj('a'), false],
        [union(obj('b'), k('null')), true],
      ],
      obj('c'),
    ),
    'export type TupleOfObjects = [{\n  a: string;\n}, ({\n  b: string;\n} | null)?, ...{\n  c: string;\n}[]];',
  ],
  TupleRestOfObjects: [tuple([], union(obj('d'), k('string'))), 'export type TupleRestOfObjects = [...({\n  d: string;\n} | string)[]];'],
  Arrays: [union(array(union(k('string'), k('boolean'))), array(lit(-1)), array(lit(1))), 'export type Arrays = (string | boolean)[] | (-1)[] | 1[];'],
  ArrayOfObjects: [array(union(obj('a'), k('null'))), 'export type ArrayOfObjects = ({\n  a: string;\n} | null)[];'],
  Nested: [array(array(union(ref('A'), ref('B')))), 'export type Nested = (A | B)[][];'],
  Intersection: [both(obj('a'), ref('Money'), union(k('string'), k('number'))), 'export type Intersection = {\n  a: string;\n} & Money & (string | number);'],
  IntersectionInline: [both(ref('A'), union(ref('B'), ref('C'))), 'export type IntersectionInline = A & (B | C);'],
  UnionOfIntersections: [union(both(ref('A'), ref('B')), ref('C')), 'export type UnionOfIntersections = (A & B) | C;'],
  UnionOfIntersectionsWithObject: [union(both(obj('x'), ref('B')), ref('C')), 'export type UnionOfIntersectionsWithObject = ({\n  x: string;\n} & B) | C;'],
  ThreeMembers: [union(lit('a'), lit('b'), lit(3)), "export type ThreeMembers = 'a' | 'b' | 3;"],
  FourMembers: [union(lit('a'), lit('b'), lit(3), lit(true)), "export type FourMembers =\n  | 'a'\n  | 'b'\n  | 3\n  | true;"],
  UnionWithObject: [union(obj('a'), k('null')), 'export type UnionWithObject =\n  | {\n    a: string;\n  }\n  | null;'],
  LongUnionWithBlock: [
    union(array(obj('q')), k('string'), k('number'), k('null')),
    'export type LongUnionWithBlock =\n  | {\n    q: string;\n  }[]\n  | string\n  | number\n  | null;',
  ],
  Interface: [
    {
      kind: 'object',
      members: [
        { name: 'a-b', optional: true, type: lit(-0.5), doc: docLines({ paragraphs: ['Line one', 'Line */ two'] }) },
        { name: 'ok', optional: false, type: array(obj('z')), doc: [] },
        { name: 'short', optional: false, type: k('number'), doc: docLines({ paragraphs: ['One line'] }) },
      ],
      index: union(k('number'), obj('w'), array(obj('z'))),
    },
    "export interface Interface {\n  [key: string]: number | {\n    w: string;\n  } | {\n    z: string;\n  }[];\n  /**\n   * Line one\n   *\n   * Line *\\/ two\n   */\n  'a-b'?: -0.5;\n  ok: {\n    z: string;\n  }[];\n  /** One line */\n  short: number;\n}",
  ],
  InterfaceWithIndexOnly: [{ kind: 'object', members: [], index: k('unknown') }, 'export interface InterfaceWithIndexOnly {\n  [key: string]: unknown;\n}'],
};

describe('the type printer', () => {
  for (const [name, [type, expected]] of Object.entries(CASES)) {
    it(`prints ${name}`, () => {
      expect(printed(name, type)).toBe(expected);
    });
  }

  it('writes the declaration’s doc comment and type parameters', () => {
    const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true, useTabs: false });
    declarationStatement({ name: 'Box', typeParameters: 'K extends string', doc: docLines({ paragraphs: ['A box.'] }), type: ref('K') })(writer);
    expect(writer.toString()).toBe('/** A box. */\nexport type Box<K extends string> = K;');
  });

  it('prints what the TypeScript compiler reads with the intended precedence', () => {
    const module = [
      'type A = { a: 1 };',
      'type B = { b: 1 };',
      'type C = { c: 1 };',
      'type Money = { amount: number };',
      ...Object.entries(CASES).map(([name, [type]]) => printed(name, type)),
      "export const t1: TupleInline = ['s', 5, -1, 2, null, true];",
      "export const t2: TupleInline = ['s'];",
      '// @ts-expect-error the rest is null or boolean',
      "export const t3: TupleInline = ['s', 5, -1, 2, 'x'];",
      'export const r1: TupleRestOnly = [-3, -3];',
      'export const a1: Arrays = [-1, -1];',
      '// @ts-expect-error a union of arrays, not an array of the union',
      'export const a2: Arrays = [-1, 1];',
      'export const n1: Nested = [[{ a: 1 }, { b: 1 }]];',
      'export const u1: UnionOfIntersections = { a: 1, b: 1 };',
      'export const u2: UnionOfIntersections = { c: 1 };',
      '// @ts-expect-error A alone is neither A & B nor C',
      'export const u3: UnionOfIntersections = { a: 1 };',
      'export const i1: IntersectionInline = { a: 1, c: 1 };',
      '// @ts-expect-error C alone lacks A',
      'export const i2: IntersectionInline = { c: 1 };',
      "export const o1: TupleOfObjects = [{ a: 'x' }, null, { c: 'y' }];",
      "export const o2: Interface = { ok: [{ z: 'z' }], short: 1, 'a-b': -0.5 };",
      'export const f1: FourMembers = true;',
      'export type Exports = [Keywords, Literals, TupleEmpty, TupleRestOfObjects, ArrayOfObjects, Intersection, UnionOfIntersectionsWithObject, ThreeMembers, UnionWithObject, LongUnionWithBlock, InterfaceWithIndexOnly];',
    ].join('\n');
    expect(formatDiagnostics(typeCheckModule(module))).toEqual([]);
  });
});
