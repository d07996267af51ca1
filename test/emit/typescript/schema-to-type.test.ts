/**
 * JSON Schema -> TypeScript type (`src/emit/typescript/schema-to-type.ts`), one schema feature at
 * a time, printed by the type printer: inferred kinds, tuples old and new, closed and open
 * objects, index signatures, `const`/`enum`, shared references, combinators, `nullable`, and the
 * doc comment of a field.
 */
import CodeBlockWriter from 'code-block-writer';
import { describe, expect, it } from 'vitest';
import { schemaDoc, schemaToType } from '../../../src/emit/typescript/schema-to-type.js';
import { declarationStatement } from '../../../src/emit/typescript/type-writer.js';
import { formatDiagnostics, typeCheckModule } from './compile.js';

const names = (schema: string): string | undefined => (schema === 'Money' ? 'Money' : undefined);

/** The type of `schema`, as written after `type T =` (or inside `interface T`). */
function typeOf(schema: unknown): string {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true, useTabs: false });
  declarationStatement({ name: 'T', doc: [], type: schemaToType(schema, names) })(writer);
  return writer.toString().replace(/^export (?:type T =(?: |(?=\n))|interface T )/, '');
}

const CASES: [string, unknown, string][] = [
  ['true', true, 'unknown;'],
  ['false', false, 'never;'],
  ['a number in the place of a schema', 42, 'unknown;'],
  ['null in the place of a schema', null, 'unknown;'],
  ['a list in the place of a schema', [], 'unknown;'],
  ['the empty schema', {}, 'unknown;'],
  ['integer', { type: 'integer' }, 'number;'],
  ['an unknown type name', { type: 'weird' }, 'unknown;'],
  ['a list of types, non-strings skipped', { type: ['string', 'null', 5] }, 'string | null;'],
  ['properties alone (an object)', { properties: { a: {} } }, '{\n  a?: unknown;\n}'],
  ['required alone, non-strings skipped', { required: ['a', 3] }, '{\n  a: {} | null;\n}'],
  ['minProperties alone', { minProperties: 1 }, 'Record<string, unknown>;'],
  ['a closed object without properties', { additionalProperties: false }, 'Record<string, never>;'],
  [
    'pattern properties of a closed object, non-schemas skipped',
    { patternProperties: { '^x': { type: 'number' }, '^y': 5 }, additionalProperties: false },
    '{\n  [key: string]: number;\n}',
  ],
  // Keys no pattern matches take any value: `{ "other": "text" }` is valid.
  ['pattern properties of an open object', { patternProperties: { '^x': { type: 'number' } } }, '{\n  [key: string]: unknown;\n}'],
  [
    'pattern properties beside properties, open',
    { properties: { a: { type: 'string' } }, patternProperties: { '^x': { type: 'number' } } },
    '{\n  [key: string]: unknown;\n  a?: string;\n}',
  ],
  [
    'pattern properties, additionalProperties: true',
    { patternProperties: { '^x': { type: 'number' } }, additionalProperties: true },
    '{\n  [key: string]: unknown;\n}',
  ],
  [
    'pattern properties beside an additionalProperties schema',
    { patternProperties: { '^x': { type: 'number' } }, additionalProperties: { type: 'boolean' } },
    '{\n  [key: string]: number | boolean;\n}',
  ],
  ['items', { items: { type: 'string' } }, 'string[];'],
  ['minItems alone (an array)', { minItems: 1 }, 'unknown[];'],
  ['uniqueItems alone', { uniqueItems: true }, 'unknown[];'],
  ['items: false (only the empty array)', { items: false }, '[];'],
  ['prefixItems past minItems optional, open', { prefixItems: [{ type: 'string' }, { type: 'number' }], minItems: 1 }, '[string, number?, ...unknown[]];'],
  ['prefixItems closed by items: false', { prefixItems: [{ type: 'string' }], items: false }, '[string?];'],
  ['a draft-07 tuple with additionalItems', { items: [{ type: 'string' }], additionalItems: { type: 'boolean' } }, '[string?, ...boolean[]];'],
  ['a draft-07 tuple closed', { items: [{ type: 'string' }], additionalItems: false }, '[string?];'],
  ['a draft-07 tuple open', { items: [{ type: 'string' }] }, '[string?, ...unknown[]];'],
  ['object and array keywords together (an object)', { properties: { a: { type: 'string' } }, items: {} }, '{\n  a?: string;\n}'],
  ['properties that are not a mapping', { type: 'object', properties: 5 }, 'Record<string, unknown>;'],
  ['const, nested', { const: { a: [1, 'x', null], b: {} } }, "{\n  a: [1, 'x', null];\n  b: Record<string, never>;\n}"],
  ['const: []', { const: [] }, '[];'],
  ['enum of mixed values', { enum: ['a', 1, true, null] }, "\n  | 'a'\n  | 1\n  | true\n  | null;"],
  ['a shared schema', { $ref: '#/schemas/Money' }, 'Money;'],
  ['a shared schema the catalog lacks', { $ref: '#/schemas/Other' }, 'unknown;'],
  ['a local reference', { $ref: '#/$defs/x' }, 'unknown;'],
  ['a reference beside type: object', { $ref: '#/schemas/Money', type: 'object' }, 'Money;'],
  ['allOf', { allOf: [{ type: 'string' }, { minLength: 1 }] }, 'string;'],
  ['oneOf', { oneOf: [{ type: 'string' }, { type: 'number' }] }, 'string | number;'],
  ['anyOf beside oneOf', { anyOf: [{ type: 'string' }, { const: 1 }], oneOf: [{ type: 'number' }] }, 'number & (string | 1);'],
  ['nullable', { type: 'string', nullable: true }, 'string | null;'],
  ['a nullable reference', { $ref: '#/schemas/Money', nullable: true }, 'Money | null;'],
  ['nullable: false', { type: 'string', nullable: false }, 'string;'],
  [
    'additionalProperties: true beside properties',
    { properties: { a: { type: 'string' } }, additionalProperties: true },
    '{\n  [key: string]: unknown;\n  a?: string;\n}',
  ],
  [
    'an additionalProperties schema beside properties (the index admits them)',
    { properties: { a: { type: 'string' } }, additionalProperties: { type: 'number' } },
    '{\n  [key: string]: number | string;\n  a?: string;\n}',
  ],
  [
    'additionalProperties: {} beside a required property',
    { properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: {} },
    '{\n  [key: string]: unknown;\n  a: string;\n}',
  ],
  [
    'a property with title, format, default and deprecated',
    { type: 'object', properties: { a: { type: 'string', title: 'A', format: 'date', default: 'x', deprecated: true } } },
    '{\n  /**\n   * A\n   * @format date\n   * @default "x"\n   * @deprecated\n   */\n  a?: string;\n}',
  ],
];

describe('schemaToType', () => {
  for (const [what, schema, expected] of CASES) {
    it(`maps ${what}`, () => {
      expect(typeOf(schema)).toBe(expected);
    });
  }
});

describe('an optional property named like a member every object inherits', () => {
  const schema = {
    type: 'object',
    properties: { constructor: { type: 'string' }, toString: { type: 'string' }, valueOf: { type: 'number' }, hasOwnProperty: { type: 'boolean' } },
  };

  // TypeScript reads an absent optional property from Object's members: `{}` has a `toString`
  // of type `() => string`, which `string` refuses. At run time, too, `payload.toString` of a
  // payload without one is Object's method.
  it('also admits the inherited member, so that a payload without it is assignable', () => {
    const module = `export interface T ${typeOf(schema)}\nexport const empty: T = {};\nexport const full: T = { constructor: 'c', toString: 't', valueOf: 1, hasOwnProperty: true };\n`;
    expect(formatDiagnostics(typeCheckModule(module))).toEqual([]);
  });

  it('is written as the property type or the inherited one', () => {
    expect(typeOf({ properties: { toString: { type: 'string' } } })).toBe("{\n  toString?: string | globalThis.Object['toString'];\n}");
  });

  it('is left alone when required, or when named like no inherited member', () => {
    expect(typeOf({ properties: { toString: { type: 'string' }, __proto__x: { type: 'string' } }, required: ['toString'] })).toBe(
      '{\n  toString: string;\n  __proto__x?: string;\n}',
    );
  });
});

describe('a schema of several types beside subschemas that name no type', () => {
  // `required` and `properties` apply to objects only: `{ required: ['a'] }` accepts null.
  const nullableObject = { type: ['object', 'null'], properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] };

  it('keeps the other types (null here) out of the subschemas object types', () => {
    expect(typeOf(nullableObject)).toBe('({\n  a?: string;\n} & ({\n  a: {} | null;\n} | {\n  b: {} | null;\n})) | null;');
    expect(typeOf({ type: ['array', 'string'], allOf: [{ prefixItems: [{ type: 'number' }] }] })).toBe('(unknown[] & [number?, ...unknown[]]) | string;');
  });

  it('admits null, and still requires one of the properties of an object', () => {
    const module = `export type T = ${typeOf(nullableObject)}\nexport const none: T = null;\nexport const a: T = { a: 'x' };\n// @ts-expect-error neither a nor b\nexport const neither: T = {};\n`;
    expect(formatDiagnostics(typeCheckModule(module))).toEqual([]);
  });

  it('leaves a kind to the options that leave it free', () => {
    expect(typeOf({ type: ['string', 'null'], anyOf: [{ type: 'string' }, { required: ['a'] }] })).toBe('string | null;');
    expect(typeOf({ type: ['object', 'null'], anyOf: [{ required: ['a'] }, { $ref: '#/schemas/Money' }] })).toBe(
      '\n  | {\n    a: {} | null;\n  }\n  | Money\n  | null;',
    );
    expect(typeOf({ type: 'object', allOf: [{ minItems: 1 }] })).toBe('Record<string, unknown>;');
  });

  it('takes the values of const and enum one by one, as a type list', () => {
    expect(typeOf({ enum: ['a', null, { b: 1 }], anyOf: [{ required: ['b'] }] })).toBe("'a' | null | ({\n  b: 1;\n} & {\n  b: {} | null;\n});");
    expect(typeOf({ const: null, allOf: [{ properties: { a: { type: 'string' } } }] })).toBe('null;');
  });

  it('applies subschemas with a type, references, consts and enums to every kind, as before', () => {
    expect(typeOf({ type: ['object', 'null'], allOf: [{ $ref: '#/schemas/Money' }] })).toBe('(Record<string, unknown> | null) & Money;');
    expect(typeOf({ type: ['string', 'null'], anyOf: [{ const: 'x' }, { const: null }] })).toBe("(string | null) & ('x' | null);");
    expect(typeOf({ type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ required: ['a'] }] })).toBe(
      '{\n  a?: string;\n} & {\n  a: {} | null;\n};',
    );
  });
});

describe('a required property of any value', () => {
  // `a: unknown` beside `a?: string` (a combinator requiring a property declared optional)
  // makes TypeScript read `a` as `string | undefined` under exactOptionalPropertyTypes, and
  // refuse the intersection as its own index signature's type (TS2411), so the module does not compile.
  const requiring = { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] };

  it('is any value but undefined, as JSON has none', () => {
    expect(typeOf({ required: ['a'] })).toBe('{\n  a: {} | null;\n}');
    expect(typeOf({ properties: { a: true, b: {} }, required: ['a'] })).toBe('{\n  a: {} | null;\n  b?: unknown;\n}');
  });

  it('keeps the type of the property it requires, in an object with an index signature too', () => {
    const module = [
      `type Requiring = ${typeOf({ ...requiring, anyOf: [{ required: ['a'] }] })}`,
      `export type T = ${typeOf({ type: 'object', properties: { x: requiring }, additionalProperties: requiring })}`,
      'declare const t: Requiring;',
      'export const a: string = t.a;',
      '',
    ].join('\n');
    expect(formatDiagnostics(typeCheckModule(module))).toEqual([]);
  });
});

describe('a shared schema that names no type (a mixin of properties and required)', () => {
  const shared: Record<string, unknown> = {
    Base: { properties: { id: { type: 'string' } }, required: ['id'] },
    Tree: { properties: { kids: { items: { $ref: '#/schemas/Tree' } } } },
  };
  const lookup = Object.assign((name: string) => (name in shared ? name : undefined), { schemaOf: (name: string) => shared[name] });
  const typeWith = (schema: unknown): string => {
    const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true, useTabs: false });
    declarationStatement({ name: 'T', doc: [], type: schemaToType(schema, lookup) })(writer);
    return writer.toString();
  };
  const declared = 'export interface Base {\n  id: string;\n}\nexport interface Tree {\n  kids?: Tree[];\n}\n';

  // `required` ignores null, so `null` is valid for each of these, and so is 'a' for the enum.
  it('leaves the kinds it does not constrain free beside a type list, a const or an enum', () => {
    const module = [
      declared,
      typeWith({ type: ['object', 'null'], allOf: [{ $ref: '#/schemas/Base' }] }),
      'export const none: T = null;',
      "export const some: T = { id: 'x' };",
    ].join('\n');
    expect(formatDiagnostics(typeCheckModule(module))).toEqual([]);
    expect(typeWith({ type: ['object', 'null'], $ref: '#/schemas/Base' })).toContain('| null');
    expect(typeWith({ const: null, allOf: [{ $ref: '#/schemas/Base' }] })).toBe('export type T = null;');
    expect(typeWith({ enum: [null, 'a'], allOf: [{ $ref: '#/schemas/Base' }] })).toBe("export type T = null | 'a';");
  });

  it('still constrains the object kind, and a shared schema that refers to itself ends the look-up', () => {
    expect(typeWith({ type: ['object', 'null'], allOf: [{ $ref: '#/schemas/Base' }] })).toBe('export type T = Base | null;');
    expect(typeWith({ type: ['object', 'null'], allOf: [{ $ref: '#/schemas/Tree' }] })).toContain('Tree');
  });
});

describe('shared schemas that refer to each other in diamonds', () => {
  // S0 -> S1 twice -> S2 twice ... : a walk per path looked S15 up 2^15 times.
  it('are each looked up once to find the kinds they leave free', () => {
    const shared: Record<string, unknown> = { S16: { properties: { a: { type: 'string' } }, required: ['a'] } };
    for (let i = 0; i < 16; i++) shared[`S${i}`] = { anyOf: [{ $ref: `#/schemas/S${i + 1}` }, { $ref: `#/schemas/S${i + 1}` }] };
    let lookups = 0;
    const schemaOf = (name: string): unknown => {
      lookups++;
      return shared[name];
    };
    const lookup = Object.assign((name: string) => (name in shared ? name : undefined), { schemaOf });
    const type = schemaToType({ type: ['object', 'null'], allOf: [{ $ref: '#/schemas/S0' }] }, lookup);
    // Twice each: for the `allOf` member's own type, and for the schema beside it.
    expect(lookups).toBe(34);
    expect(type).toEqual({
      kind: 'union',
      members: [
        { kind: 'reference', name: 'S0' },
        { kind: 'keyword', name: 'null' },
      ],
    });
  });
});

describe('nested nullable objects beside a combinator that names no type', () => {
  // Each level's own type was made twice (whole, then by kind), so the innermost schema was read
  // 2^depth times. The format allows about 49 levels.
  it('are mapped once a level: the innermost schema is read as often at 16 levels as at 2', () => {
    const reads = (depth: number): number => {
      let count = 0;
      const get = (target: object, key: string | symbol): unknown => {
        count++;
        return Reflect.get(target, key);
      };
      let schema: unknown = new Proxy({ type: 'string' }, { get });
      for (let i = 0; i < depth; i++) schema = { type: ['object', 'null'], properties: { c: schema }, anyOf: [{ required: ['c'] }] };
      expect(typeOf(schema).match(/c: /g)).toHaveLength(depth);
      return count;
    };
    expect(reads(16)).toBe(reads(2));
  });
});

describe('schemaDoc', () => {
  it('takes the title and description given, for a schema that is not an object too', () => {
    expect(schemaDoc(5, 'Title', 'Text')).toEqual(['Title', '', 'Text']);
    expect(schemaDoc({ title: 't' }, 'Over')).toEqual(['Over']);
  });

  it('is empty for a schema with nothing to say, or texts that are not strings', () => {
    expect(schemaDoc({})).toEqual([]);
    expect(schemaDoc({ title: 5 })).toEqual([]);
    expect(schemaDoc({ deprecated: false, type: 'string' })).toEqual([]);
  });

  it('writes title, description and the format, default and deprecated tags', () => {
    expect(schemaDoc({ title: 't', description: 'd', format: 'uri', default: { a: 1 }, deprecated: true })).toEqual([
      't',
      '',
      'd',
      '@format uri',
      '@default {"a":1}',
      '@deprecated',
    ]);
    expect(schemaDoc({ default: null })).toEqual(['@default null']);
    expect(schemaDoc({ format: 7 })).toEqual([]);
  });
});
