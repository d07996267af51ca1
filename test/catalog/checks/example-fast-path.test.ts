/**
 * The example check's fast path must decide exactly as ajv does: on schemas made of the keywords
 * it supports, "passes" equals ajv's verdict; on any schema, "passes" implies that ajv compiles
 * the schema and accepts the example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleFastPath } from '../../../src/catalog/checks/example-fast-path.js';
import { payloadValidator } from '../../../src/catalog/checks/examples.js';
import { CHECK_BASE } from '../../../src/catalog/payload-schema.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);

const SHARED: Record<string, unknown> = {
  Money: {
    type: 'object',
    required: ['amount', 'currency'],
    properties: { amount: { type: 'integer', minimum: 0 }, currency: { enum: ['EUR', 'PLN'] } },
    additionalProperties: false,
  },
  Tree: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, children: { type: 'array', items: { $ref: `${CHECK_BASE}Tree` } } } },
  Loose: { description: 'anything', 'x-note': 1 },
  Odd: { type: 'object', patternProperties: { '^x': { type: 'string' } } },
};

function setup() {
  const ajv = payloadValidator();
  const shared = new Map<string, unknown>();
  for (const [name, schema] of Object.entries(SHARED)) {
    ajv.addSchema({ ...(schema as object), $id: CHECK_BASE + name });
    shared.set(CHECK_BASE + name, schema);
  }
  return { ajv, fast: exampleFastPath(ajv, shared) };
}

/** ajv's verdict, or 'no-compile'. */
function ajvVerdict(ajv: ReturnType<typeof setup>['ajv'], schema: unknown, data: unknown): boolean | 'no-compile' {
  try {
    return ajv.compile(schema as object)(data);
  } catch {
    return 'no-compile';
  }
}

const word = fc.constantFrom('a', 'b', 'id', 'name', 'x1', 'ü', '😀x', '');
const value = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1,
      2.5,
      1e21,
      'a',
      'b',
      '',
      '2026-11-25',
      '2026-11-25T10:00:00Z',
      'x@example.com',
      'https://a.example/x',
      '1b4e28ba-2fa1-4d2a-883f-0016d3cca427',
      'AB-123456',
      '😀😀',
    ),
    tie('list'),
    tie('map'),
  ),
  list: fc.array(tie('json'), { maxLength: 3 }),
  map: fc.dictionary(word, tie('json'), { maxKeys: 3 }).map((d) => ({ ...d })),
})).json;

/** Schemas of the supported keywords only (when `extra` is false), else sometimes others too. */
function schemas(extra: boolean) {
  return fc.letrec((tie) => ({
    schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, fc.boolean(), tie('object'), tie('object')),
    object: fc
      .record(
        {
          type: fc.oneof(
            fc.constantFrom('null', 'boolean', 'object', 'array', 'number', 'integer', 'string'),
            fc.uniqueArray(fc.constantFrom('null', 'string', 'integer', 'object'), { minLength: 1, maxLength: 2 }),
          ),
          enum: fc.array(value, { minLength: 1, maxLength: 3 }),
          const: value,
          properties: fc.dictionary(word, tie('schema'), { maxKeys: 3 }).map((d) => ({ ...d })),
          required: fc.uniqueArray(word, { maxLength: 2 }),
          additionalProperties: tie('schema'),
          items: tie('schema'),
          minItems: fc.nat(3),
          maxItems: fc.nat(3),
          uniqueItems: fc.boolean(),
          minLength: fc.nat(3),
          maxLength: fc.nat(3),
          minProperties: fc.nat(2),
          maxProperties: fc.nat(2),
          minimum: fc.integer({ min: -2, max: 2 }),
          maximum: fc.double({ min: -3, max: 3, noNaN: true }),
          exclusiveMinimum: fc.integer({ min: -2, max: 2 }),
          exclusiveMaximum: fc.integer({ min: -2, max: 2 }),
          pattern: fc.constantFrom('^a', 'b$', '^\\p{L}+$', '^[A-Z]{2}-[0-9]{6}$', '.'),
          format: fc.constantFrom('date', 'date-time', 'email', 'uri', 'uuid', 'int32', 'ipv4'),
          allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
          anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
          oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
          not: tie('schema'),
          $ref: fc.constantFrom(
            ...Object.keys(SHARED)
              .filter((n) => extra || n !== 'Odd')
              .map((n) => CHECK_BASE + n),
          ),
          title: fc.constant('T'),
          'x-translations': fc.constant({ et: { title: 'T' } }),
          ...(extra
            ? {
                if: tie('schema'),
                then: tie('schema'),
                patternProperties: fc.constant({ '^a': { type: 'string' } }),
                format2: fc.constant('x'),
                multipleOf: fc.constant(0.5),
                unevaluatedProperties: fc.constant(false),
              }
            : {}),
        },
        { requiredKeys: [] },
      )
      .map((record) => {
        const schema: Record<string, unknown> = { ...record };
        if ('format2' in schema) {
          schema['format'] = 'no-such-format';
          delete schema['format2'];
        }
        return schema;
      }),
  })).schema;
}

describe('the example fast path', () => {
  it('decides exactly as ajv on schemas of the keywords it supports', () => {
    const { ajv, fast } = setup();
    let passed = 0;
    fc.assert(
      fc.property(schemas(false), value, (schema, data) => {
        const verdict = ajvVerdict(ajv, schema, data);
        expect(verdict).not.toBe('no-compile');
        expect(fast.passes(schema, [data]), JSON.stringify({ schema, data })).toBe(verdict);
        if (verdict === true) passed++;
      }),
      { numRuns: RUNS },
    );
    expect(passed).toBeGreaterThan(RUNS / 20);
  });

  it('passes only what ajv compiles and accepts, whatever the schema holds', () => {
    const { ajv, fast } = setup();
    fc.assert(
      fc.property(schemas(true), fc.array(value, { maxLength: 2 }), (schema, examples) => {
        if (!fast.passes(schema, examples)) return;
        for (const example of examples) expect(ajvVerdict(ajv, schema, example), JSON.stringify({ schema, example })).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves to ajv what it does not support, data it cannot compare, and patterns ajv cannot compile', () => {
    const { fast } = setup();
    expect(fast.passes({ type: 'string' }, ['a'])).toBe(true);
    expect(fast.passes({ type: 'object', patternProperties: { '^x': {} } }, [{}])).toBe(false);
    expect(fast.passes({ $ref: `${CHECK_BASE}Odd` }, [{}])).toBe(false);
    expect(fast.passes({ $ref: `${CHECK_BASE}Missing` }, [{}])).toBe(false);
    expect(fast.passes({ type: 'string', format: 'no-such-format' }, ['a'])).toBe(false);
    expect(fast.passes({ type: 'string', pattern: '(' }, ['a'])).toBe(false);
    expect(fast.passes({ type: 'number' }, [Number.POSITIVE_INFINITY])).toBe(false);
    expect(fast.passes({ $id: 'https://x.example/s', type: 'string' }, ['a'])).toBe(false);
    expect(fast.passes({ enum: [{ a: 1 }] }, [{ a: 1, valueOf: 2 }])).toBe(false);
    expect(fast.passes({ type: 'object' }, [Object.create(null)])).toBe(false);
    expect(fast.passes({ $ref: `${CHECK_BASE}Tree` }, [{ name: 'a', children: [{ name: 'b', children: [] }] }])).toBe(true);
    expect(fast.passes({ $ref: `${CHECK_BASE}Tree` }, [{ name: 'a', children: [{ name: '' }] }])).toBe(false);
  });
});
