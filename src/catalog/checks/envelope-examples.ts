/**
 * Example deliveries show made-up values for the envelope's own fields (and a batch body's),
 * and every example delivery must pass its own schema. hookcat makes a value from a field's
 * type, its common formats and its length and range limits (`src/emit/sample-value.ts`); a
 * field with any other constraint (`pattern`, another format, a combinator...) must give a
 * value itself, in `const`, `default`, `examples` or `enum`. HC332 names the field.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import { isObject } from '../schema-walk.js';
import type { Located } from '../source.js';
import type { Check } from './check.js';

/** The formats `sample-value.ts` writes, with the length of the value it writes for each (a test
 * holds the two together). */
export const FORMAT_SAMPLE_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['uuid', 36],
  ['date-time', 20],
  ['date', 10],
  ['time', 9],
  ['email', 20],
  ['uri', 20],
  ['url', 20],
  ['uri-reference', 20],
  ['hostname', 11],
  ['ipv4', 9],
  ['ipv6', 11],
]);

/** Keywords no made-up value is sure to satisfy. */
const CONSTRAINTS_WITHOUT_VALUES = [
  'pattern',
  'not',
  'if',
  'allOf',
  'anyOf',
  'oneOf',
  'contains',
  'dependentRequired',
  'dependentSchemas',
  'propertyNames',
  'minProperties',
  'patternProperties',
];

/** Keywords that may refuse null, the value a schema without `type` gets. */
const CONSTRAINTS_ON_ANY_VALUE = ['not', 'if', 'allOf', 'anyOf', 'oneOf'];

/** Formats of numbers whose range any small whole number is in. */
const NUMBER_FORMATS: ReadonlySet<string> = new Set(['int32', 'int64', 'float', 'double']);

const MAX_DEPTH = 8;

export const checkEnvelopeExamples: Check = (source) => {
  const envelope = source.envelope;
  if (envelope === undefined) return [];
  const shared = new Map(source.schemas.map((s) => [s.name, s.value]));
  const { properties = {}, typeField = 'type', dataField = 'data', batch } = envelope.value;
  const fields = (
    located: Located<unknown>,
    owner: readonly (string | number)[],
    props: { readonly [name: string]: unknown },
    skip: readonly (string | null)[],
  ): Diagnostic[] =>
    Object.entries(props)
      .filter(([name]) => !skip.includes(name))
      .flatMap(([name, schema]) => {
        const problem = missingValue(schema, shared, 0);
        if (problem === undefined) return [];
        return [
          diagnosticAt(
            located.file,
            [...owner, name],
            'HC332',
            'error',
            `example deliveries cannot show a valid \`${name}\`: ${problem}`,
            `give \`${name}\` a value to show, e.g. \`examples: [...]\` with one that matches`,
            'key',
          ),
        ];
      });
  return [
    ...fields(envelope, [...envelope.path, 'properties'], properties, [typeField, dataField]),
    ...(batch === undefined ? [] : fields(envelope, [...envelope.path, 'batch', 'properties'], batch.properties ?? {}, [batch.field ?? null])),
  ];
};

/** Why no value can be made up for `schema`; undefined when one can. */
function missingValue(schema: unknown, shared: ReadonlyMap<string, unknown>, depth: number): string | undefined {
  if (depth > MAX_DEPTH || !isObject(schema)) return undefined;
  if (givesValue(schema)) return undefined;
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/schemas/')) return missingValue(shared.get(ref.slice('#/schemas/'.length)), shared, depth + 1);
  if (schema['type'] === undefined) {
    const constraint = CONSTRAINTS_ON_ANY_VALUE.find((keyword) => schema[keyword] !== undefined);
    return constraint === undefined ? undefined : `its schema uses \`${constraint}\``;
  }
  const constraint = CONSTRAINTS_WITHOUT_VALUES.find((keyword) => schema[keyword] !== undefined);
  if (constraint !== undefined) return `its schema uses \`${constraint}\``;
  const format = schema['format'];
  // The sampler writes the first type that is not null.
  const type = (Array.isArray(schema['type']) ? schema['type'] : [schema['type']]).find((t) => t !== 'null');
  const numeric = type === 'integer' || type === 'number';
  if (typeof format === 'string' && !(numeric && NUMBER_FORMATS.has(format))) {
    const length = FORMAT_SAMPLE_LENGTHS.get(format);
    if (length === undefined) return `its format \`${format}\` has no example value`;
    if (outsideLengthLimits(schema, length)) return `the example value of its format \`${format}\` has ${length} characters, outside its length limits`;
  }
  if (typeof schema['multipleOf'] === 'number' && !Number.isInteger(schema['multipleOf'])) return 'its `multipleOf` is not a whole number';
  if (schema['uniqueItems'] === true && typeof schema['minItems'] === 'number' && schema['minItems'] > 1) return 'it needs several distinct items';
  return innerMissing(schema, shared, depth);
}

function outsideLengthLimits(schema: Record<string, unknown>, length: number): boolean {
  const { minLength, maxLength } = schema;
  return (typeof minLength === 'number' && length < minLength) || (typeof maxLength === 'number' && length > maxLength);
}

function givesValue(schema: Record<string, unknown>): boolean {
  if (Object.hasOwn(schema, 'const') || schema['default'] !== undefined) return true;
  const listed = (keyword: string): boolean => Array.isArray(schema[keyword]) && (schema[keyword] as unknown[]).length > 0;
  return listed('examples') || listed('enum');
}

/** The required properties of an object (those `properties` does not list take
 * `additionalProperties`), and the items an array must have. */
function innerMissing(schema: Record<string, unknown>, shared: ReadonlyMap<string, unknown>, depth: number): string | undefined {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  for (const name of required) {
    if (typeof name !== 'string') continue;
    const sub = Object.hasOwn(properties, name) ? properties[name] : schema['additionalProperties'];
    if (sub === false) return `it requires \`${name}\`, which its schema does not allow`;
    const problem = missingValue(sub, shared, depth + 1);
    if (problem !== undefined) return `\`${name}\` inside it: ${problem}`;
  }
  if (typeof schema['minItems'] === 'number' && schema['minItems'] > 0) {
    if (schema['prefixItems'] !== undefined || Array.isArray(schema['items']))
      return 'its items are described one by one (`prefixItems`), which gives no example value';
    const problem = missingValue(schema['items'], shared, depth + 1);
    if (problem !== undefined) return `its items: ${problem}`;
  }
  return undefined;
}
