/** ajv's findings in plain words: which error HC310 shows, where it points, and how each keyword reads. */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { describeError, pointerPath, schemaErrors } from '../../../src/catalog/checks/ajv-messages.js';
import { PROTO_STAND_IN } from '../../../src/catalog/checks/proto-stand-in.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

const TEXT = [
  'schemas:',
  '  Thing:',
  '    type: object',
  '    properties:',
  '      id: {type: strin}',
  '      list:',
  '        prefixItems: [{type: string}, {minimum: x}]',
].join('\n');

function located(): Parameters<typeof schemaErrors>[0] {
  const file = parseCatalogFile(TEXT, 'catalog/shop/schemas.yaml', 'schemas.yaml').file;
  return { value: undefined, file, path: ['schemas', 'Thing'] };
}

function error(keyword: string, instancePath: string, message?: string): ErrorObject {
  return { keyword, instancePath, schemaPath: `#/${keyword}`, params: {}, ...(message === undefined ? {} : { message }) };
}

/** The meta-schema's own errors for `schema`, every one of them. */
function metaSchemaErrors(schema: object): ErrorObject[] {
  const ajv = new Ajv2020({ allErrors: true });
  expect(ajv.validateSchema(schema)).toBe(false);
  return ajv.errors ?? [];
}

describe('schemaErrors', () => {
  it('shows the first error that is not an anyOf or oneOf summary, where it points', () => {
    const errors = [
      error('anyOf', '/properties/id', 'must match a schema in anyOf'),
      error('oneOf', '/properties/id'),
      error('minLength', '/properties/id', 'must be integer'),
    ];
    const [diagnostic, ...rest] = schemaErrors(located(), errors);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'HC310', severity: 'error', line: 5, column: 11 });
    expect(diagnostic?.message).toBe('invalid JSON Schema: `properties.id` must be integer');
  });

  it('shows a summary when there is nothing else, and nothing without errors', () => {
    expect(schemaErrors(located(), [error('oneOf', '', 'must match exactly one schema in oneOf')])[0]?.message).toBe(
      'invalid JSON Schema: the payload must match exactly one schema in oneOf',
    );
    expect(schemaErrors(located(), [error('anyOf', '/properties', 'must match a schema in anyOf')])[0]?.message).toBe(
      'invalid JSON Schema: `properties` must match a schema in anyOf',
    );
    expect(schemaErrors(located(), [])).toEqual([]);
  });

  it('tells the precise error of a real meta-schema check before its summaries', () => {
    const errors = metaSchemaErrors({ type: 'object', properties: { id: { type: 'strin' } } });
    expect(errors.some((e) => e.keyword === 'anyOf')).toBe(true);
    expect(schemaErrors(located(), errors)[0]?.message).toMatch(/^invalid JSON Schema: `properties\.id\.type` must be /);
  });

  it('points below the located schema, through list indexes', () => {
    const [diagnostic] = schemaErrors(located(), [error('minimum', '/properties/list/prefixItems/1/minimum', 'must be number')]);
    expect(diagnostic).toMatchObject({ line: 7, column: 49 });
  });
});

describe('pointerPath', () => {
  it('reads segments as written, and only plain indexes as numbers', () => {
    expect(pointerPath('')).toEqual([]);
    expect(pointerPath('/a~1b~0c/0/10/01/a0/1a/-1/')).toEqual(['a/b~c', 0, 10, '01', 'a0', '1a', '-1', '']);
    expect(pointerPath('/~01')).toEqual(['~1']);
  });

  it('gives back the real name of a `__proto__` stand-in', () => {
    expect(pointerPath(`/${PROTO_STAND_IN}/x`)).toEqual(['__proto__', 'x']);
  });
});

describe('describeError', () => {
  const cases: [ErrorObject, string][] = [
    [{ ...error('required', ''), params: { missingProperty: 'id' } }, 'the payload lacks the required property `id`'],
    [{ ...error('additionalProperties', '/a/0'), params: { additionalProperty: 'x' } }, '`a.0` has the property `x`, which the schema does not allow'],
    [{ ...error('type', '/n'), params: { type: 'integer' } }, '`n` must be of type integer'],
    [{ ...error('enum', '/s'), params: { allowedValues: ['a', 1, null] } }, '`s` must be one of "a", 1, null'],
    [{ ...error('const', '/s'), params: { allowedValue: { a: 1 } } }, '`s` must be {"a":1}'],
    [{ ...error('format', '/at'), params: { format: 'date-time' } }, '`at` is not a valid date-time'],
    [error('false schema', '/x', 'boolean schema is false'), '`x` is not allowed: its schema is `false`'],
    [error('minimum', '/n', 'must be >= 1'), '`n` must be >= 1'],
    [error('dependentRequired', '/n'), '`n` fails dependentRequired'],
  ];
  it.each(cases)('%#: tells %j in plain words', (ajvError, words) => {
    expect(describeError(ajvError)).toBe(words);
  });
});
