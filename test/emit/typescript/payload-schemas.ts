/**
 * Random payload schemas for `valid-payloads.test.ts`: the JSON Schema 2020-12 a real provider
 * writes (type lists with `null`, nullable enums, `const`, open and closed objects, pattern
 * properties, tuples, combinators beside `properties`, conditionals, shared `$ref`s) with
 * property names that need quoting. Object and array keywords come with a `type`, except in the
 * branches of a combinator whose parent has one: without it a schema accepts every other kind of
 * value too, which the emitter maps to an object or array on purpose (see `schema-to-type.ts`).
 */
import fc from 'fast-check';

export type Schema = boolean | { [keyword: string]: unknown };
type SchemaObject = { [keyword: string]: unknown };

/** Property names, several of which a type literal must quote or that objects inherit. Not
 * `__proto__`: ajv skips a property of that name (`properties: { __proto__: ... }` checks
 * nothing), so the published schema would accept values of any type there. */
export const PROPERTY_NAMES = ['a', 'b', 'id', 'a-b', 'constructor', 'toString', 'valueOf', '0', '12', '', 'ünits', 'with space', "it's"];
/** The names above that every object inherits (`Object`'s members in TypeScript's library). */
export const INHERITED_NAMES = ['constructor', 'toString', 'valueOf'];
/** Names `required` and `dependentRequired` list. Not the empty name: ajv never finds a
 * required property named `''` missing (its code tests the name itself for truth). */
const REQUIRABLE_NAMES = PROPERTY_NAMES.filter((name) => name !== '');
const REQUIRED_NAMES = [...REQUIRABLE_NAMES, '__proto__', 'missing'];

/** Patterns of `patternProperties`, each with keys it matches. */
export const PATTERN_KEYS: { readonly [pattern: string]: readonly string[] } = {
  '^x-': ['x-a', 'x-1'],
  '^[0-9]+$': ['7', '42'],
  id$: ['userid', 'id'],
  '^_': ['_p', '__proto__'],
};

/** Keys an instance may have beyond its schema's `properties`. */
export const EXTRA_KEYS = ['extra', 'a-b', 'constructor', '__proto__', '', '9', 'ünits', 'x-y', '_q'];

/** Shared schemas (catalog `schemas:`), by name; `Tree` refers to itself. */
export const SHARED_NAMES = ['Money', 'line-item', 'Tree'] as const;
const OBJECT_SHARED = ['Money', 'Tree'];

const FORMATS = ['date-time', 'date', 'email', 'uuid', 'uri', 'ipv4'];
const SCALAR_TYPES = ['string', 'integer', 'number', 'boolean', 'null'];

/** A plain object from entries, `__proto__` included as an own key. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): { [key: string]: unknown } {
  const object: { [key: string]: unknown } = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** `schema` without the keywords left undefined. */
function defined(schema: SchemaObject): SchemaObject {
  return objectOf(Object.entries(schema).filter(([, value]) => value !== undefined));
}

const jsonScalar = fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 2.5, 1e21, '', 'a', 'x-1', "it's", 'ünï');
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small', maxDepth: 2, depthIdentifier: 'json' },
  jsonScalar,
  fc.array(jsonScalar, { maxLength: 2 }),
  fc.uniqueArray(fc.tuple(fc.constantFrom(...PROPERTY_NAMES), jsonScalar), { maxLength: 2, selector: ([key]) => key }).map(objectOf),
);
const uniqueValues = (values: fc.Arbitrary<unknown>) => fc.uniqueArray(values, { minLength: 1, maxLength: 4, selector: (v) => JSON.stringify(v) });

/** Schemas of one value: types, type lists, (nullable) enums, consts, formats, booleans, refs. */
const leaf: fc.Arbitrary<Schema> = fc.oneof(
  fc.constantFrom(...SCALAR_TYPES).map((type) => ({ type })),
  fc.uniqueArray(fc.constantFrom(...SCALAR_TYPES), { minLength: 1, maxLength: 3 }).map((type) => ({ type })),
  uniqueValues(jsonValue).map((values) => ({ enum: values })),
  uniqueValues(fc.constantFrom<unknown>('a', 'b', 'x-1', null)).map((values) => ({ type: ['string', 'null'], enum: values })),
  jsonValue.map((value) => ({ const: value })),
  fc.constantFrom(...FORMATS).map((format) => ({ type: 'string', format })),
  fc.constantFrom<Schema>({ type: 'integer', minimum: 0 }, { type: 'number', multipleOf: 0.5 }, { type: 'string', minLength: 1 }),
  fc.constantFrom<Schema>(true, false, {}),
  fc.constantFrom(...SHARED_NAMES).map((name) => ({ $ref: `#/schemas/${name}` })),
);

/** `arbitrary`'s value one time in four, otherwise undefined (a keyword left out). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/**
 * `properties` with `a` added when they are only names every object inherits: the type of such
 * an object has only optional members, which TypeScript's weak type check compares by their
 * names, and instances declare other names absent to pass it (see `exactType`), not these.
 */
function withOtherThanInherited(entries: [string, Schema][]): [string, Schema][] {
  return entries.length > 0 && entries.every(([name]) => INHERITED_NAMES.includes(name)) ? [...entries, ['a', {}]] : entries;
}

/** The keywords of an object schema, `type` aside. */
function objectKeywords(schema: fc.Arbitrary<Schema>): fc.Arbitrary<SchemaObject> {
  const name = fc.constantFrom(...PROPERTY_NAMES);
  const required = fc.constantFrom(...REQUIRED_NAMES);
  return fc
    .record({
      properties: fc
        .uniqueArray(fc.tuple(name, schema), { maxLength: 3, selector: ([key]) => key })
        .map(withOtherThanInherited)
        .map(objectOf),
      required: sometimes(fc.uniqueArray(required, { minLength: 1, maxLength: 2 })),
      additionalProperties: sometimes(fc.oneof(fc.boolean(), schema)),
      patternProperties: sometimes(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...Object.keys(PATTERN_KEYS)), schema), { minLength: 1, maxLength: 2, selector: ([p]) => p }).map(objectOf),
      ),
      propertyNames: sometimes(fc.constantFrom<Schema>({ pattern: '^[a-z_-]*$' }, { maxLength: 3 }, { minLength: 1 })),
      dependentRequired: sometimes(
        fc.tuple(required, fc.uniqueArray(required, { minLength: 1, maxLength: 2 })).map(([key, names]) => objectOf([[key, names]])),
      ),
      minProperties: sometimes(fc.nat({ max: 2 })),
    })
    .map(defined);
}

/** The keywords of an array schema, `type` aside. */
function arrayKeywords(schema: fc.Arbitrary<Schema>): fc.Arbitrary<SchemaObject> {
  return fc
    .record({
      items: sometimes(fc.oneof(fc.constant(false), schema)),
      prefixItems: sometimes(fc.array(schema, { minLength: 1, maxLength: 3 })),
      minItems: sometimes(fc.nat({ max: 3 })),
      maxItems: sometimes(fc.integer({ min: 1, max: 4 })),
      uniqueItems: sometimes(fc.boolean()),
    })
    .map(defined);
}

const objectType = fc.constantFrom<unknown>('object', ['object', 'null']);
const arrayType = fc.constantFrom<unknown>('array', ['array', 'null']);

/** A branch of a combinator under an object schema: object keywords without `type`, or nested. */
function objectBranch(schema: fc.Arbitrary<Schema>, branch: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  const required = fc.uniqueArray(fc.constantFrom(...REQUIRED_NAMES), { minLength: 1, maxLength: 2 });
  return fc.oneof(
    { depthSize: 'small', maxDepth: 2, depthIdentifier: 'branch' },
    required.map((names) => ({ required: names })),
    objectKeywords(schema),
    fc.tuple(fc.constantFrom(...REQUIRABLE_NAMES), jsonScalar).map(([key, value]) => ({ properties: objectOf([[key, { const: value }]]), required: [key] })),
    fc
      .tuple(fc.constantFrom('allOf', 'anyOf', 'oneOf'), fc.array(branch, { minLength: 1, maxLength: 2 }))
      .map(([keyword, options]) => ({ [keyword]: options })),
    fc.constantFrom(...OBJECT_SHARED).map((name) => ({ $ref: `#/schemas/${name}` })),
  );
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Payload schemas: leaves, objects, arrays, combinators (alone, beside `properties` or an
 * `enum`), `not`, `if`/`then`/`else`, and refs with sibling keywords. */
export const payloadSchema: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema; branch: Schema }>((tie) => {
  const schema = tie('schema');
  const branch = tie('branch');
  const combinator = fc.constantFrom(...COMBINATORS);
  return {
    schema: fc.oneof(
      { depthSize: 'xsmall', maxDepth: 3, depthIdentifier: 'schema', withCrossShrink: true },
      leaf,
      fc.tuple(objectType, objectKeywords(schema)).map(([type, keywords]) => ({ type, ...keywords })),
      fc.tuple(arrayType, arrayKeywords(schema)).map(([type, keywords]) => ({ type, ...keywords })),
      fc.tuple(combinator, fc.array(schema, { minLength: 1, maxLength: 2 })).map(([keyword, options]) => ({ [keyword]: options })),
      fc
        .tuple(objectType, objectKeywords(schema), combinator, fc.array(branch, { minLength: 1, maxLength: 2 }))
        .map(([type, keywords, keyword, options]) => ({ type, ...keywords, [keyword]: options })),
      fc.tuple(objectType, objectKeywords(schema), branch).map(([type, keywords, not]) => ({ type, ...keywords, not })),
      fc.tuple(objectType, objectKeywords(schema), branch, branch, branch).map(([type, keywords, i, t, e]) => ({ type, ...keywords, if: i, then: t, else: e })),
      fc.tuple(fc.constantFrom(...OBJECT_SHARED), objectKeywords(schema)).map(([name, keywords]) => ({ $ref: `#/schemas/${name}`, ...keywords })),
      fc
        .tuple(arrayType, combinator, fc.array(arrayKeywords(schema), { minLength: 1, maxLength: 2 }))
        .map(([type, keyword, options]) => ({ type, [keyword]: options })),
      fc.tuple(schema, fc.constantFrom(...FORMATS)).map(([inner, format]) => ({ anyOf: [inner, { type: 'null' }], format })),
      fc
        .tuple(uniqueValues(jsonValue), combinator, fc.array(branch, { minLength: 1, maxLength: 2 }))
        .map(([values, keyword, options]) => ({ enum: values, [keyword]: options })),
    ),
    branch: objectBranch(schema, branch),
  };
}).schema;

/** `schema` with every subschema that holds a `$ref` replaced by `{ type: 'string' }`. */
function withoutRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRefs);
  if (typeof schema !== 'object' || schema === null) return schema;
  if ('$ref' in schema) return { type: 'string' };
  return objectOf(Object.entries(schema).map(([key, value]) => [key, withoutRefs(value)]));
}

/** The catalog's shared schemas: a random object schema and a random schema, neither with
 * references (no rings), and a tree that refers to itself and to the second. */
export const sharedSchemas: fc.Arbitrary<{ [name: string]: Schema }> = fc.tuple(objectKeywords(payloadSchema), payloadSchema).map(
  ([money, lineItem]) =>
    objectOf([
      ['Money', { type: 'object', ...(withoutRefs(money) as SchemaObject) }],
      ['line-item', withoutRefs(lineItem)],
      [
        'Tree',
        {
          type: 'object',
          required: ['label'],
          properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/schemas/Tree' } }, 'a-b': { $ref: '#/schemas/line-item' } },
        },
      ],
    ]) as { [name: string]: Schema },
);
