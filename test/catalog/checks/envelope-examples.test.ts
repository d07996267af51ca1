/**
 * HC332: an envelope field (or a batch body's) whose schema gives no value and allows no made-up
 * one. Each case is one field; the message names the reason the sampler cannot make a value.
 */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkEnvelopeExamples } from '../../../src/catalog/checks/envelope-examples.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

/** The reason HC332 gives for an envelope whose one field `f` has this schema (a flow mapping),
 * or undefined when it is fine. */
function reason(schema: string, schemas = ''): string | undefined {
  const text = `${schemas}envelope:\n  properties:\n    f: ${schema}\n`;
  const { file, diagnostics } = parseCatalogFile(text, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  const found = checkEnvelopeExamples(assembleCatalog('memory', [file], true).source, new CheckMemory());
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.message.replace('example deliveries cannot show a valid `f`: ', '');
}

/** `levels` objects, each requiring `a`, around `inner`. */
const nested = (levels: number, inner: string): string =>
  levels === 0 ? inner : `{ type: object, required: [a], properties: { a: ${nested(levels - 1, inner)} } }`;

describe('what no made-up value can satisfy', () => {
  it('looks 8 levels deep into required properties and shared schemas, no further', () => {
    const pattern = "{ type: string, pattern: '^a$' }";
    expect(reason(nested(8, pattern))).toBe(`${'`a` inside it: '.repeat(8)}its schema uses \`pattern\``);
    expect(reason(nested(9, pattern))).toBeUndefined();
  });

  it('ends on a shared schema that requires itself', () => {
    const schemas = "schemas:\n  Node: { type: object, required: [next], properties: { next: { $ref: '#/schemas/Node' } } }\n";
    expect(reason("{ $ref: '#/schemas/Node' }", schemas)).toBeUndefined();
    const list = "schemas:\n  List: { type: array, minItems: 1, items: { $ref: '#/schemas/List' } }\n";
    expect(reason("{ $ref: '#/schemas/List' }", list)).toBeUndefined();
  });

  it('without a type, is only what may refuse null', () => {
    expect(reason("{ pattern: '^a$', minLength: 3 }")).toBeUndefined();
    expect(reason('{ not: { type: string } }')).toBe('its schema uses `not`');
    expect(reason("{ $ref: '#/definitions/X', if: { type: string } }")).toBe('its schema uses `if`');
  });

  it('takes the number formats for numbers only, and the first type that is not null', () => {
    expect(reason('{ type: integer, format: int32 }')).toBeUndefined();
    expect(reason("{ type: ['null', number], format: double }")).toBeUndefined();
    expect(reason('{ type: string, format: int64 }')).toBe('its format `int64` has no example value');
    expect(reason("{ type: ['null', string], format: float }")).toBe('its format `float` has no example value');
  });

  it("holds the length of a format's example value against both limits, inclusive", () => {
    expect(reason('{ type: string, format: uuid, minLength: 36, maxLength: 36 }')).toBeUndefined();
    expect(reason('{ type: string, format: uuid, minLength: 37 }')).toBe('the example value of its format `uuid` has 36 characters, outside its length limits');
    expect(reason('{ type: string, format: uuid, maxLength: 35 }')).toBe('the example value of its format `uuid` has 36 characters, outside its length limits');
  });

  it('needs several distinct items only for unique items, more than one', () => {
    expect(reason('{ type: array, uniqueItems: false, minItems: 3, items: { type: integer } }')).toBeUndefined();
    expect(reason('{ type: array, uniqueItems: true, items: { type: integer } }')).toBeUndefined();
  });

  it('takes a value from const, default, examples or enum, even null', () => {
    expect(reason("{ type: string, pattern: '^a$', const: null }")).toBeUndefined();
    expect(reason("{ type: string, pattern: '^a$', default: null }")).toBeUndefined();
    expect(reason("{ type: string, pattern: '^a$', examples: [a] }")).toBeUndefined();
    expect(reason("{ type: string, pattern: '^a$', enum: [a] }")).toBeUndefined();
    expect(reason("{ type: string, pattern: '^a$', enum: [] }")).toBe('its schema uses `pattern`');
  });

  it('reads a required property that `properties` does not list from `additionalProperties`', () => {
    expect(reason("{ type: object, required: [x, 5], additionalProperties: { type: string, pattern: '^x$' } }")).toBe(
      '`x` inside it: its schema uses `pattern`',
    );
    expect(reason('{ type: object, required: [x], properties: { y: { type: string } } }')).toBeUndefined();
    expect(reason("{ type: object, required: [5], additionalProperties: { type: string, pattern: '^x$' } }")).toBeUndefined();
    expect(reason('{ type: object, additionalProperties: false }')).toBeUndefined();
  });

  it('gives no example for items listed one by one in an array under `items`', () => {
    expect(reason('{ type: array, minItems: 1, items: [{ type: string }] }')).toBe(
      'its items are described one by one (`prefixItems`), which gives no example value',
    );
    expect(reason("{ type: array, minItems: 1, items: { type: string, pattern: '^i$' } }")).toBe('its items: its schema uses `pattern`');
  });
});

/** `line:column message` of each HC332 for this envelope block. */
function envelope(block: string): string[] {
  const { file, diagnostics } = parseCatalogFile(`envelope:\n${block}`, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  return checkEnvelopeExamples(assembleCatalog('memory', [file], true).source, new CheckMemory()).map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('how large a made-up value may be', () => {
  const tooLarge = (about: string): string =>
    `a value made up for it would take about ${about} characters (its \`minLength\`, \`minItems\` and required fields), more than 1,000`;

  // Made up, `minLength: 300000000` wrote 859 MB of output.
  it('holds a text to 1,000 characters with its quotes, unless the field gives its value', () => {
    expect(reason('{ type: string, minLength: 998 }')).toBeUndefined();
    expect(reason('{ type: string, minLength: 999 }')).toBe(tooLarge('1,001'));
    expect(reason('{ type: string, minLength: 300000000 }')).toBe(tooLarge('300,000,002'));
    expect(reason('{ type: string, minLength: 300000000, maxLength: 20 }')).toBeUndefined();
    expect(reason(`{ type: string, minLength: 2000, examples: [${'x'.repeat(2000)}] }`)).toBeUndefined();
  });

  it('multiplies the items of nested lists, and counts the values given inside them', () => {
    expect(reason('{ type: array, minItems: 10, items: { type: array, minItems: 3, items: { type: integer } } }')).toBeUndefined();
    const cube = '{ type: array, minItems: 10, items: { type: array, minItems: 10, items: { type: array, minItems: 10, items: { type: integer } } } }';
    expect(reason(cube)).toBe(tooLarge('25,332'));
    expect(reason(`{ type: array, minItems: 100, items: { const: ${'x'.repeat(20)} } }`)).toBe(tooLarge('2,302'));
  });

  // Each object requiring 100 others, four shared schemas deep: 10^8 steps when each use was read again.
  it('reads a shared schema once however often it is required, and counts each use', () => {
    const props = (inner: string): string => Array.from({ length: 100 }, (_, k) => `p${k}: ${inner}`).join(', ');
    const required = Array.from({ length: 100 }, (_, k) => `p${k}`).join(', ');
    const schemas = [0, 1, 2, 3, 4]
      .map(
        (i) =>
          `  S${i}: { type: object, required: [${required}], properties: { ${props(i < 4 ? `{ $ref: '#/schemas/S${i + 1}' }` : '{ type: boolean }')} } }\n`,
      )
      .join('');
    // The sampler stops 8 levels down (a reference and a property are a level each): S4 is not reached.
    expect(reason("{ $ref: '#/schemas/S0' }", `schemas:\n${schemas}`)).toBe(tooLarge('799,999,992'));
  });
});

describe('the fields hookcat fills itself', () => {
  const PATTERN = "{ type: string, pattern: '^p$' }";

  it('leaves out the type and data fields, by their default names and by the names given', () => {
    expect(envelope(`  properties:\n    type: ${PATTERN}\n    data: ${PATTERN}\n`)).toEqual([]);
    expect(envelope(`  typeField: kind\n  dataField: body\n  properties:\n    kind: ${PATTERN}\n    body: ${PATTERN}\n    type: ${PATTERN}\n`)).toEqual([
      '7:5 example deliveries cannot show a valid `type`: its schema uses `pattern`',
    ]);
  });

  it("leaves out a batch body's list of events, and checks its other fields", () => {
    const block = `  shape: batch\n  batch:\n    field: events\n    properties:\n      events: { type: array, minItems: 1, items: ${PATTERN} }\n      note: ${PATTERN}\n`;
    expect(envelope(block)).toEqual(['7:7 example deliveries cannot show a valid `note`: its schema uses `pattern`']);
  });
});

describe('the keywords and formats the check knows', () => {
  const typed: [string, string][] = [
    ['not', '{ type: string, not: { const: a } }'],
    ['if', '{ type: string, if: { const: a } }'],
    ['allOf', '{ type: string, allOf: [{ minLength: 1 }] }'],
    ['anyOf', '{ type: string, anyOf: [{ minLength: 1 }] }'],
    ['oneOf', '{ type: string, oneOf: [{ minLength: 1 }] }'],
    ['contains', '{ type: array, contains: { type: string } }'],
    ['dependentRequired', '{ type: object, dependentRequired: { a: [b] } }'],
    ['dependentSchemas', '{ type: object, dependentSchemas: { a: { required: [b] } } }'],
    ['propertyNames', '{ type: object, propertyNames: { minLength: 2 } }'],
    ['minProperties', '{ type: object, minProperties: 1 }'],
    ['patternProperties', "{ type: object, patternProperties: { '^a': { type: string } } }"],
  ];
  it.each(typed)('takes `%s` for a constraint no made-up value is sure to satisfy', (keyword, schema) => {
    expect(reason(schema)).toBe(`its schema uses \`${keyword}\``);
  });

  it.each(['allOf', 'anyOf', 'oneOf'])('takes `%s` without a type for one that may refuse null', (keyword) => {
    expect(reason(`{ ${keyword}: [{ type: string }] }`)).toBe(`its schema uses \`${keyword}\``);
  });

  it.each(['int32', 'int64', 'float', 'double'])('makes a number for the format `%s`', (format) => {
    expect(reason(`{ type: number, format: ${format} }`)).toBeUndefined();
  });
});
