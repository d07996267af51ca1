/**
 * Example deliveries show made-up values for the envelope's own fields (and a batch body's),
 * and every example delivery must pass its own schema. hookcat makes a value from a field's
 * type, its common formats and its length and range limits (`src/emit/sample-value.ts`); a
 * field with any other constraint (`pattern`, another format, a combinator...) must give a
 * value itself, in `const`, `default`, `examples` or `enum`, and so must a field whose made-up
 * value would be large (`MAX_SAMPLE_SIZE`). HC332 names the field.
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

/** The most characters (of JSON text, about) the value made up for one field may take. A field
 * whose `minLength`, `minItems` and required fields ask for more must give its value: made up,
 * `minLength: 300000000` wrote 859 MB of output, and objects each requiring 60 others through
 * shared schemas took the check 13 million steps. */
export const MAX_SAMPLE_SIZE = 1_000;

/** Why no value can be made up for a schema, or about how many characters the made-up one takes. */
type Finding = { readonly problem: string } | { readonly size: number };

export const checkEnvelopeExamples: Check = (source) => {
  const envelope = source.envelope;
  if (envelope === undefined) return [];
  const shared = new Map(source.schemas.map((s) => [s.name, s.value]));
  const examine = examiner(shared);
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
        const finding = examine(schema, 0);
        // A value the field gives itself is shown as written, however long.
        const madeUp = isObject(schema) && givenValue(schema) === undefined;
        const problem = 'problem' in finding ? finding.problem : madeUp && finding.size > MAX_SAMPLE_SIZE ? tooLarge(finding.size) : undefined;
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

function tooLarge(size: number): string {
  const about = size < 1e15 ? Math.round(size).toLocaleString('en-US') : size.toExponential(1);
  return `a value made up for it would take about ${about} characters (its \`minLength\`, \`minItems\` and required fields), more than ${MAX_SAMPLE_SIZE.toLocaleString('en-US')}`;
}

/**
 * `examine(schema, depth)`: what `sample-value.ts` makes of `schema` at `depth`, found once per
 * schema and depth, so that shared schemas used many times over are read once each.
 */
function examiner(shared: ReadonlyMap<string, unknown>): (schema: unknown, depth: number) => Finding {
  const found = new Map<object, Finding[]>();
  const examine = (schema: unknown, depth: number): Finding => {
    if (depth > MAX_DEPTH) return { size: 0 };
    if (!isObject(schema)) return { size: 4 };
    let byDepth = found.get(schema);
    if (byDepth === undefined) found.set(schema, (byDepth = []));
    return (byDepth[depth] ??= examineObject(schema, depth));
  };
  const examineObject = (schema: Record<string, unknown>, depth: number): Finding => {
    const given = givenValue(schema);
    if (given !== undefined) return { size: (JSON.stringify(given.value) ?? '').length };
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/schemas/')) return examine(shared.get(ref.slice('#/schemas/'.length)), depth + 1);
    if (schema['type'] === undefined) {
      const constraint = CONSTRAINTS_ON_ANY_VALUE.find((keyword) => schema[keyword] !== undefined);
      return constraint === undefined ? { size: 4 } : { problem: `its schema uses \`${constraint}\`` };
    }
    const constraint = CONSTRAINTS_WITHOUT_VALUES.find((keyword) => schema[keyword] !== undefined);
    if (constraint !== undefined) return { problem: `its schema uses \`${constraint}\`` };
    const format = schema['format'];
    // The sampler writes the first type that is not null.
    const type = (Array.isArray(schema['type']) ? schema['type'] : [schema['type']]).find((t) => t !== 'null');
    const numeric = type === 'integer' || type === 'number';
    if (typeof format === 'string' && !(numeric && NUMBER_FORMATS.has(format))) {
      const length = FORMAT_SAMPLE_LENGTHS.get(format);
      if (length === undefined) return { problem: `its format \`${format}\` has no example value` };
      if (outsideLengthLimits(schema, length))
        return { problem: `the example value of its format \`${format}\` has ${length} characters, outside its length limits` };
    }
    if (typeof schema['multipleOf'] === 'number' && !Number.isInteger(schema['multipleOf'])) return { problem: 'its `multipleOf` is not a whole number' };
    if (schema['uniqueItems'] === true && typeof schema['minItems'] === 'number' && schema['minItems'] > 1)
      return { problem: 'it needs several distinct items' };
    const inner = innerFinding(schema, depth);
    if ('problem' in inner) return inner;
    if (type === 'string') return { size: 2 + (typeof format === 'string' ? (FORMAT_SAMPLE_LENGTHS.get(format) ?? 0) : textLength(schema)) };
    return type === 'array' || type === 'object' ? inner : { size: 24 };
  };
  /** The required properties of an object (those `properties` does not list take
   * `additionalProperties`), and the items an array must have; the size of the object (with a
   * character for each property listed, which the sampler reads) or of the array. */
  const innerFinding = (schema: Record<string, unknown>, depth: number): Finding => {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    let size = 2 + Object.keys(properties).length;
    for (const name of required) {
      if (typeof name !== 'string') continue;
      const sub = Object.hasOwn(properties, name) ? properties[name] : schema['additionalProperties'];
      if (sub === false) return { problem: `it requires \`${name}\`, which its schema does not allow` };
      const finding = examine(sub, depth + 1);
      if ('problem' in finding) return { problem: `\`${name}\` inside it: ${finding.problem}` };
      size += name.length + 4 + finding.size;
    }
    if (typeof schema['minItems'] === 'number' && schema['minItems'] > 0) {
      if (schema['prefixItems'] !== undefined || Array.isArray(schema['items']))
        return { problem: 'its items are described one by one (`prefixItems`), which gives no example value' };
      const finding = examine(schema['items'], depth + 1);
      if ('problem' in finding) return { problem: `its items: ${finding.problem}` };
      size += schema['minItems'] * (finding.size + 1);
    }
    return { size };
  };
  return examine;
}

/** The length of the text the sampler writes for a string without a format it knows. */
function textLength(schema: Record<string, unknown>): number {
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(16, min), max);
}

function outsideLengthLimits(schema: Record<string, unknown>, length: number): boolean {
  const { minLength, maxLength } = schema;
  return (typeof minLength === 'number' && length < minLength) || (typeof maxLength === 'number' && length > maxLength);
}

/** The value the schema gives, in the order the sampler takes it. */
function givenValue(schema: Record<string, unknown>): { readonly value: unknown } | undefined {
  if (Object.hasOwn(schema, 'const')) return { value: schema['const'] };
  if (schema['default'] !== undefined) return { value: schema['default'] };
  const first = (keyword: string): { readonly value: unknown } | undefined =>
    Array.isArray(schema[keyword]) && (schema[keyword] as unknown[]).length > 0 ? { value: (schema[keyword] as unknown[])[0] } : undefined;
  return first('examples') ?? first('enum');
}
