/**
 * Candidate instances of a payload schema for `valid-payloads.test.ts`, built from the schema's
 * shape with random choices (which properties, which branch, how many items, extra keys, now and
 * then any value at all). Many are invalid; the test keeps those ajv accepts. Also the exact
 * TypeScript type of a JSON value, to check it is assignable to a generated type.
 */
import { EXTRA_KEYS, INHERITED_NAMES, objectOf, PATTERN_KEYS, type Schema } from './payload-schemas.js';

type SchemaObject = { readonly [keyword: string]: unknown };

/** What building an instance needs: the shared schemas by name and a source of randomness. */
export interface InstanceContext {
  readonly shared: { readonly [name: string]: Schema };
  readonly random: () => number;
}

const STRINGS = [
  '',
  'a',
  'b',
  'x-1',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  'a@example.com',
  'https://example.com/x',
  '123e4567-e89b-12d3-a456-426614174000',
  '10.0.0.1',
  "it's",
  'ünï',
];
const INTEGERS = [0, 1, -1, 42, 2 ** 40];
const NUMBERS = [0.5, -2.25, 1e21, 3];
const MAX_DEPTH = 6;

const pick = <T>(context: InstanceContext, values: readonly T[]): T => values[Math.floor(context.random() * values.length)]!;
const chance = (context: InstanceContext, p: number): boolean => context.random() < p;
const isObject = (value: unknown): value is { [key: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);
const setOwn = (object: { [key: string]: unknown }, key: string, value: unknown): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};

/** `count` candidate instances of `schema`, without repeats. */
export function candidates(schema: Schema, context: InstanceContext, count: number): unknown[] {
  const seen = new Map<string, unknown>();
  for (let i = 0; i < count; i++) {
    const value = instanceOf(schema, context, 0);
    seen.set(JSON.stringify(value), value);
  }
  return [...seen.values()];
}

/** Any JSON value, small. */
export function anyValue(context: InstanceContext, depth: number): unknown {
  const kind = depth >= 2 ? Math.floor(context.random() * 5) : Math.floor(context.random() * 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return chance(context, 0.5);
    case 2:
      return pick(context, INTEGERS);
    case 3:
      return pick(context, NUMBERS);
    case 4:
      return pick(context, STRINGS);
    case 5:
      return Array.from({ length: Math.floor(context.random() * 3) }, () => anyValue(context, depth + 1));
    default:
      return objectOf(Array.from({ length: Math.floor(context.random() * 3) }, () => [pick(context, EXTRA_KEYS), anyValue(context, depth + 1)] as const));
  }
}

function instanceOf(schema: unknown, context: InstanceContext, depth: number): unknown {
  if (!isObject(schema) || depth > MAX_DEPTH || chance(context, 0.05)) return anyValue(context, depth);
  if ('const' in schema && chance(context, 0.9)) return structuredCopy(schema['const']);
  if (Array.isArray(schema['enum']) && chance(context, 0.9)) return structuredCopy(pick(context, schema['enum']));
  let value = ownValue(schema, context, depth);
  for (const part of applied(schema, context)) value = merged(value, instanceOf(part, context, depth + 1), context);
  return value === undefined ? anyValue(context, depth) : value;
}

/** The subschemas an instance should also follow: the ref's target, every `allOf` member, one
 * `anyOf`/`oneOf` member, and `then` or `else`. */
function applied(schema: SchemaObject, context: InstanceContext): unknown[] {
  const parts: unknown[] = [];
  const ref = schema['$ref'];
  if (typeof ref === 'string') parts.push(context.shared[ref.replace('#/schemas/', '')]);
  if (Array.isArray(schema['allOf'])) parts.push(...schema['allOf']);
  for (const keyword of ['anyOf', 'oneOf']) {
    const options = schema[keyword];
    if (Array.isArray(options) && options.length > 0) parts.push(pick(context, options));
  }
  if ('if' in schema && chance(context, 0.7)) parts.push(chance(context, 0.5) ? schema['then'] : schema['else']);
  return parts;
}

/** Two instances of one value combined: objects' keys together, otherwise the first defined. */
function merged(first: unknown, second: unknown, context: InstanceContext): unknown {
  if (first === undefined) return second;
  if (!isObject(first) || !isObject(second)) return chance(context, 0.8) ? first : second;
  const result = objectOf(Object.entries(first));
  for (const [key, value] of Object.entries(second)) if (!Object.hasOwn(result, key) || chance(context, 0.3)) setOwn(result, key, value);
  return result;
}

const APPLICATORS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if'];

/** The kinds a schema allows by its own keywords; undefined when it says nothing. */
function kindsOf(schema: SchemaObject): string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'dependentRequired'].some((k) => k in schema)) return ['object'];
  if (['items', 'prefixItems', 'minItems'].some((k) => k in schema)) return ['array'];
  return undefined;
}

/** A value for the schema's own `type` (or inferred kind); undefined when it has none. */
function ownValue(schema: SchemaObject, context: InstanceContext, depth: number): unknown {
  const kinds = kindsOf(schema);
  if (kinds === undefined) return 'type' in schema || APPLICATORS.some((k) => k in schema) ? undefined : anyValue(context, depth);
  switch (pick(context, kinds)) {
    case 'string':
      return pick(context, STRINGS);
    case 'integer':
      return pick(context, INTEGERS);
    case 'number':
      return pick(context, [...NUMBERS, ...INTEGERS]);
    case 'boolean':
      return chance(context, 0.5);
    case 'null':
      return null;
    case 'array':
      return arrayOf(schema, context, depth);
    case 'object':
      return objectFor(schema, context, depth);
    default:
      return anyValue(context, depth);
  }
}

function arrayOf(schema: SchemaObject, context: InstanceContext, depth: number): unknown[] {
  const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : [];
  const items = schema['items'];
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  const longest = items === false ? prefix.length : prefix.length + 2;
  const length = Math.max(minItems, Math.floor(context.random() * (longest + 1)));
  return Array.from({ length }, (_, i) => (i < prefix.length ? instanceOf(prefix[i], context, depth + 1) : instanceOf(items ?? true, context, depth + 1)));
}

function objectFor(schema: SchemaObject, context: InstanceContext, depth: number): { [key: string]: unknown } {
  const object: { [key: string]: unknown } = {};
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'].filter((r): r is string => typeof r === 'string') : [];
  for (const [name, property] of Object.entries(properties)) {
    if (required.includes(name) || (depth < MAX_DEPTH - 2 && chance(context, 0.6))) setOwn(object, name, instanceOf(property, context, depth + 1));
  }
  for (const name of required) if (!Object.hasOwn(object, name)) setOwn(object, name, extraValue(schema, name, context, depth));
  if (chance(context, 0.5)) addExtraKeys(object, schema, context, depth);
  const dependent = isObject(schema['dependentRequired']) ? schema['dependentRequired'] : {};
  for (const [name, names] of Object.entries(dependent)) {
    if (!Object.hasOwn(object, name) || !Array.isArray(names)) continue;
    for (const other of names) if (typeof other === 'string' && !Object.hasOwn(object, other)) setOwn(object, other, extraValue(schema, other, context, depth));
  }
  return object;
}

/** One or two keys beyond `properties`: some a pattern matches, some no pattern does. */
function addExtraKeys(object: { [key: string]: unknown }, schema: SchemaObject, context: InstanceContext, depth: number): void {
  const patterns = isObject(schema['patternProperties']) ? Object.keys(schema['patternProperties']) : [];
  const count = 1 + Math.floor(context.random() * 2);
  for (let i = 0; i < count; i++) {
    const key = patterns.length > 0 && chance(context, 0.6) ? pick(context, PATTERN_KEYS[pick(context, patterns)] ?? EXTRA_KEYS) : pick(context, EXTRA_KEYS);
    if (!Object.hasOwn(object, key)) setOwn(object, key, extraValue(schema, key, context, depth));
  }
}

/** A value for `key` of an object of `schema`: by its property, the patterns it matches, or the
 * additional properties' schema. */
function extraValue(schema: SchemaObject, key: string, context: InstanceContext, depth: number): unknown {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  if (Object.hasOwn(properties, key)) return instanceOf(properties[key], context, depth + 1);
  const patterns = isObject(schema['patternProperties']) ? schema['patternProperties'] : {};
  const matching = Object.entries(patterns).filter(([pattern]) => new RegExp(pattern, 'u').test(key));
  if (matching.length > 0) return instanceOf(pick(context, matching)[1], context, depth + 1);
  return instanceOf(schema['additionalProperties'] ?? true, context, depth + 1);
}

/** A deep copy of a JSON value that keeps `__proto__` as an own key. */
function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (isObject(value)) return objectOf(Object.entries(value).map(([key, v]) => [key, structuredCopy(v)]));
  return value;
}

/**
 * The exact type of a JSON value: literal types, tuples and object types of those. Each object
 * type also declares the names of `absent` it lacks as absent (`a?: never`): an object type whose
 * properties are all optional refuses a value that has none of them (TypeScript's weak type
 * check, TS2559, a heuristic for typos like excess property checks), which open objects without
 * an index signature meet by design. Not names every object inherits (`toString`): TypeScript
 * reads them from `Object` when absent, as it does for a payload, and must go on doing so.
 */
export function exactType(value: unknown, absent: readonly string[] = []): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => exactType(item, absent)).join(', ')}]`;
  if (isObject(value)) {
    const members = Object.entries(value).map(([key, v]) => `${JSON.stringify(key)}: ${exactType(v, absent)}; `);
    const missing = absent.filter((name) => !Object.hasOwn(value, name) && !INHERITED_NAMES.includes(name)).map((name) => `${JSON.stringify(name)}?: never; `);
    return `{ ${[...members, ...missing].join('')}}`;
  }
  throw new Error(`not a JSON value: ${String(value)}`);
}
