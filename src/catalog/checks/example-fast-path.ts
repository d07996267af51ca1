/**
 * The example check's fast path. ajv compiles each payload schema to code first, about 3 to 5 ms
 * a schema here (30 to 50 s for 10,000 events); walking the schema over an example takes
 * microseconds. For schemas made only of the keywords below (what payload schemas use), the walk
 * decides exactly what ajv (draft 2020-12, `strict: false`, `ownProperties`, ajv-formats) decides.
 * Anything else (another keyword, an unknown or async format, a pattern that is not a valid `u`
 * regular expression, a `$ref` to anything but a registered shared schema, `$id`, NaN or Infinity
 * in the data, very deep data) answers "not sure", and the caller compiles with ajv as before.
 * Only "ajv would compile this schema and accept every example" skips ajv, so every problem that
 * is reported still comes from ajv, word for word. `test/catalog/checks/example-fast-path.test.ts`
 * holds the walk to ajv's verdicts.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';

export interface ExampleFastPath {
  /** True when ajv would compile `schema` and accept every one of `examples`; false when it
   * would not, or when the fast path cannot tell. */
  passes(schema: unknown, examples: readonly unknown[]): boolean;
}

/** Keywords without effect on validation (annotations); `x-` keywords are ignored too. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);
const COUNTS = ['minProperties', 'maxProperties', 'minItems', 'maxItems', 'minLength', 'maxLength'];
const LIMITS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
const MAX_DEPTH = 100;

/** Raised inside the walk when it cannot tell; caught by `passes`. */
class NotSure extends Error {}
type FormatCheck = { readonly type: 'string' | 'number'; readonly test: (value: never) => boolean };

/**
 * The fast path for one catalog: `ajv` is the validator the check compiles with (its formats are
 * used), `shared` maps each registered `$id` to the prepared shared schema.
 */
export function exampleFastPath(ajv: Ajv2020, shared: ReadonlyMap<string, unknown>): ExampleFastPath {
  const patterns = new Map<string, RegExp | null>();
  const formats = new Map<string, FormatCheck | null>();
  const sharedSupport = new Map<string, boolean>();

  const pattern = (source: string): RegExp | null => {
    if (!patterns.has(source)) {
      try {
        patterns.set(source, new RegExp(source, 'u'));
      } catch {
        patterns.set(source, null);
      }
    }
    return patterns.get(source)!;
  };

  const format = (name: string): FormatCheck | null => {
    if (!formats.has(name)) formats.set(name, formatCheck(Object.hasOwn(ajv.formats, name) ? ajv.formats[name] : undefined));
    return formats.get(name)!;
  };

  /** Whether every keyword of `schema` (and of the shared schemas it refers to) is one the walk
   * decides exactly, so that ajv would also compile it without error. */
  const supported = (schema: unknown, depth: number): boolean => {
    if (typeof schema === 'boolean') return true;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema) || depth > MAX_DEPTH) return false;
    for (const [keyword, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (!supportedKeyword(keyword, value, depth)) return false;
    }
    return true;
  };

  const supportedKeyword = (keyword: string, value: unknown, depth: number): boolean => {
    switch (keyword) {
      case 'type':
        return typeof value === 'string'
          ? TYPES.has(value)
          : Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && TYPES.has(t));
      case 'enum':
        return Array.isArray(value) && isFiniteJson(value);
      case 'const':
        return isFiniteJson(value);
      case 'required':
        return Array.isArray(value) && value.every((n) => typeof n === 'string');
      case 'properties':
        return isRecord(value) && Object.values(value).every((s) => supported(s, depth + 1));
      case 'additionalProperties':
      case 'items':
      case 'not':
        return supported(value, depth + 1);
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        return Array.isArray(value) && value.length > 0 && value.every((s) => supported(s, depth + 1));
      case 'uniqueItems':
        return typeof value === 'boolean';
      case 'pattern':
        return typeof value === 'string' && pattern(value) !== null;
      case 'format':
        return typeof value === 'string' && format(value) !== null;
      case '$ref':
        return typeof value === 'string' && supportedShared(value);
      default:
        if (COUNTS.includes(keyword)) return Number.isSafeInteger(value) && (value as number) >= 0;
        if (LIMITS.includes(keyword)) return typeof value === 'number' && Number.isFinite(value);
        return false;
    }
  };

  const supportedShared = (id: string): boolean => {
    if (!shared.has(id)) return false;
    const known = sharedSupport.get(id);
    if (known !== undefined) return known;
    sharedSupport.set(id, true); // a schema that refers to itself is supported if the rest is
    const result = supported(shared.get(id), 0);
    sharedSupport.set(id, result);
    return result;
  };

  const valid = (schema: unknown, data: unknown, depth: number): boolean => {
    if (schema === true) return true;
    if (schema === false) return false;
    if (depth > MAX_DEPTH) throw new NotSure();
    const s = schema as Record<string, unknown>;
    for (const keyword of Object.keys(s)) {
      if (!keywordHolds(keyword, s[keyword], s, data, depth)) return false;
    }
    return true;
  };

  const keywordHolds = (keyword: string, value: unknown, schema: Record<string, unknown>, data: unknown, depth: number): boolean => {
    switch (keyword) {
      case '$ref':
        return valid(shared.get(value as string), data, depth + 1);
      case 'type':
        return typeof value === 'string' ? hasType(data, value) : (value as string[]).some((t) => hasType(data, t));
      case 'enum':
        return (value as unknown[]).some((v) => equal(v, data));
      case 'const':
        return equal(value, data);
      case 'allOf':
        return (value as unknown[]).every((sub) => valid(sub, data, depth + 1));
      case 'anyOf':
        return (value as unknown[]).some((sub) => valid(sub, data, depth + 1));
      case 'oneOf':
        return (value as unknown[]).filter((sub) => valid(sub, data, depth + 1)).length === 1;
      case 'not':
        return !valid(value, data, depth + 1);
    }
    if (isRecord(data)) return objectKeywordHolds(keyword, value, schema, data, depth);
    if (Array.isArray(data)) return arrayKeywordHolds(keyword, value, data, depth);
    if (typeof data === 'string') return stringKeywordHolds(keyword, value, data);
    if (typeof data === 'number') {
      if (keyword === 'format') return formatHolds(value as string, 'number', data);
      return numberKeywordHolds(keyword, value as number, data);
    }
    return true;
  };

  const objectKeywordHolds = (keyword: string, value: unknown, schema: Record<string, unknown>, data: Record<string, unknown>, depth: number): boolean => {
    switch (keyword) {
      case 'properties':
        return Object.entries(value as Record<string, unknown>).every(([name, sub]) => !Object.hasOwn(data, name) || valid(sub, data[name], depth + 1));
      case 'required':
        return (value as string[]).every((name) => Object.hasOwn(data, name));
      case 'additionalProperties': {
        const declared = isRecord(schema['properties']) ? schema['properties'] : {};
        return Object.keys(data).every((name) => Object.hasOwn(declared, name) || valid(value, data[name], depth + 1));
      }
      case 'minProperties':
        return Object.keys(data).length >= (value as number);
      case 'maxProperties':
        return Object.keys(data).length <= (value as number);
      default:
        return true;
    }
  };

  const arrayKeywordHolds = (keyword: string, value: unknown, data: readonly unknown[], depth: number): boolean => {
    switch (keyword) {
      case 'items':
        return data.every((item) => valid(value, item, depth + 1));
      case 'minItems':
        return data.length >= (value as number);
      case 'maxItems':
        return data.length <= (value as number);
      case 'uniqueItems':
        return value !== true || data.every((item, i) => data.findIndex((other) => equal(other, item)) === i);
      default:
        return true;
    }
  };

  const stringKeywordHolds = (keyword: string, value: unknown, data: string): boolean => {
    switch (keyword) {
      case 'minLength':
        return codePoints(data) >= (value as number);
      case 'maxLength':
        return codePoints(data) <= (value as number);
      case 'pattern':
        return pattern(value as string)!.test(data);
      case 'format':
        return formatHolds(value as string, 'string', data);
      default:
        return true;
    }
  };

  const formatHolds = (name: string, type: 'string' | 'number', data: string | number): boolean => {
    const check = format(name)!;
    return check.type !== type || check.test(data as never);
  };

  return {
    passes(schema, examples) {
      if (!supported(schema, 0) || !examples.every(isFiniteJson)) return false;
      try {
        return examples.every((example) => valid(schema, example, 0));
      } catch (error) {
        if (error instanceof NotSure) return false;
        throw error;
      }
    },
  };
}

function numberKeywordHolds(keyword: string, limit: number, data: number): boolean {
  switch (keyword) {
    case 'minimum':
      return data >= limit;
    case 'maximum':
      return data <= limit;
    case 'exclusiveMinimum':
      return data > limit;
    case 'exclusiveMaximum':
      return data < limit;
    default:
      return true;
  }
}

/** ajv's type check for one JSON type (finite numbers only reach it). */
function hasType(data: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'boolean':
      return typeof data === 'boolean';
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number';
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'array':
      return Array.isArray(data);
    default:
      return isRecord(data);
  }
}

/** How ajv (ajv-formats) checks a format: a regular expression or a function, for strings or
 * numbers; null for anything else (unknown, `true`, async), which the fast path leaves to ajv. */
function formatCheck(definition: unknown): FormatCheck | null {
  if (definition instanceof RegExp) return { type: 'string', test: (value: string) => definition.test(value) };
  if (typeof definition === 'function') return { type: 'string', test: definition as (value: never) => boolean };
  if (!isRecord(definition) || definition['async'] === true) return null;
  const type = definition['type'] === 'number' ? 'number' : definition['type'] === undefined || definition['type'] === 'string' ? 'string' : undefined;
  const validate = definition['validate'];
  if (type === undefined) return null;
  if (validate instanceof RegExp) return { type, test: (value: string) => validate.test(value) };
  if (typeof validate === 'function') return { type, test: validate as (value: never) => boolean };
  return null;
}

/** Length in code points, as ajv counts it (`ucs2length`). */
function codePoints(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return length;
}

/** Deep equality as ajv's `fast-deep-equal` decides it for JSON data. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => equal(item, other[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own keys that change how `fast-deep-equal` compares objects (it calls them when they are not Object.prototype's). */
const EQUALITY_HOOKS = ['constructor', 'valueOf', 'toString'];

/** JSON data of plain objects and arrays without NaN or Infinity, not too deep: where ajv's
 * number checks and deep equality and ours cannot part. */
function isFiniteJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.every((item) => isFiniteJson(item, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype || EQUALITY_HOOKS.some((key) => Object.hasOwn(value, key))) return false;
  return Object.values(value).every((item) => isFiniteJson(item, depth + 1));
}
