/**
 * The meta-schema fast path may answer "valid" only where ajv's `validateSchema` says valid, and
 * should answer it for the schemas payloads are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadValidator } from '../../../src/catalog/checks/examples.js';
import { metaFastPath } from '../../../src/catalog/checks/meta-fast-path.js';
import { CHECK_BASE } from '../../../src/catalog/payload-schema.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);

const ajv = payloadValidator();
const surelyValid = metaFastPath(ajv);

const anything = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300, '', 'a', [], {}),
  fc.array(fc.constantFrom('a', 1, null), { maxLength: 2 }),
);
const typeName = fc.constantFrom('string', 'integer', 'object', 'null', 'array', 'boolean', 'number', 'text', 'String');

/** Schemas of every keyword payloads use and some they do not, with values of right and wrong shapes. */
const schema = fc.letrec((tie) => ({
  schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, fc.boolean(), tie('object'), tie('object'), tie('object'), anything),
  object: fc.record(
    {
      type: fc.oneof(typeName, fc.array(typeName, { maxLength: 3 }), anything),
      required: fc.oneof(fc.array(fc.constantFrom('a', 'b', '__proto__', ''), { maxLength: 3 }), anything),
      properties: fc.oneof(
        fc.dictionary(fc.constantFrom('a', 'b', '$id', 'x-y'), tie('schema'), { maxKeys: 3 }).map((d) => ({ ...d })),
        anything,
      ),
      additionalProperties: tie('schema'),
      items: tie('schema'),
      not: tie('schema'),
      allOf: fc.oneof(fc.array(tie('schema'), { maxLength: 2 }), anything),
      anyOf: fc.oneof(fc.array(tie('schema'), { maxLength: 2 }), anything),
      $defs: fc.oneof(
        fc.dictionary(fc.constantFrom('A', 'B'), tie('schema'), { maxKeys: 2 }).map((d) => ({ ...d })),
        anything,
      ),
      enum: fc.oneof(fc.array(anything, { maxLength: 2 }), anything),
      const: anything,
      default: anything,
      examples: anything,
      title: fc.oneof(fc.constant('T'), anything),
      description: fc.oneof(fc.constant('D'), anything),
      format: fc.oneof(fc.constantFrom('uuid', 'date-time', 'no-such-format'), anything),
      pattern: fc.oneof(fc.constantFrom('^a', '(', '[', 'a\\Zb', '\\Z', '^\\p{L}+$', '^[A-Z]{3}$', '\\d+'), anything),
      $ref: fc.oneof(fc.constantFrom(`${CHECK_BASE}Money`, `${CHECK_BASE}My Money`, '#/x', '%zz', 'a b', `${CHECK_BASE}A%20B`), anything),
      minLength: fc.oneof(fc.constantFrom(0, 2, -1, 1.5, 1e300), anything),
      maxItems: fc.oneof(fc.constantFrom(0, 2, -1, 1.5), anything),
      minimum: fc.oneof(fc.constantFrom(0, -2.5, 1e300), anything),
      exclusiveMaximum: anything,
      multipleOf: fc.oneof(fc.constantFrom(0, -1, 0.5, 2), anything),
      uniqueItems: fc.oneof(fc.boolean(), anything),
      deprecated: fc.oneof(fc.boolean(), anything),
      'x-translations': anything,
      nullable: anything,
      $id: fc.constantFrom('https://x.example/s', '#a', 'a b'),
      $schema: fc.constantFrom('https://json-schema.org/draft/2020-12/schema'),
      patternProperties: fc.constant({ '^a': { type: 'string' } }),
      dependentRequired: anything,
    },
    { requiredKeys: [] },
  ),
})).schema;

describe('the meta-schema fast path', () => {
  it('answers "valid" only for schemas ajv finds valid', () => {
    let sure = 0;
    fc.assert(
      fc.property(schema, (s) => {
        if (!surelyValid(s)) return;
        sure++;
        expect(ajv.validateSchema(s as object), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(sure).toBeGreaterThan(RUNS / 20);
  });

  it('answers "valid" for the schemas payloads are made of', () => {
    const payload = {
      type: 'object',
      required: ['id', 'total'],
      properties: {
        id: { type: 'string', format: 'uuid', description: 'The id', 'x-translations': { et: { description: 'Id' } } },
        total: { $ref: `${CHECK_BASE}Money` },
        note: { type: ['string', 'null'], maxLength: 200 },
        items: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' } }, additionalProperties: false },
        },
        status: { enum: ['a', 'b', null] },
        score: { type: 'number', minimum: 0, maximum: 1 },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      additionalProperties: false,
    };
    expect(surelyValid(payload)).toBe(true);
    expect(ajv.validateSchema(payload)).toBe(true);
  });

  it('leaves to ajv what it cannot be sure of', () => {
    for (const s of [
      { $id: 'https://x.example/s' },
      { $schema: 'https://json-schema.org/draft/2020-12/schema' },
      { patternProperties: {} },
      { type: 'text' },
      { type: ['string', 'string'] },
      { required: ['a', 'a'] },
      { pattern: '(' },
      { $ref: 'a b' },
      { minimum: Number.NaN },
      { minLength: -1 },
      { allOf: [] },
      [],
      null,
      'string',
    ]) {
      expect(surelyValid(s), JSON.stringify(s)).toBe(false);
    }
  });
});
