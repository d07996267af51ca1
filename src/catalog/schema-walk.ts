/** Walks the subschemas of a JSON Schema (draft 2020-12) by keyword, with their data paths. */
import type { DataPath } from './source-file.js';

/** Prefix of a catalog reference to a shared schema. */
export const SHARED_SCHEMA_PREFIX = '#/schemas/';

/** Keywords whose value is one subschema (`items` may also be a list, as older drafts wrote
 * tuples; `additionalItems`, `definitions` and `dependencies` are older drafts' keywords, walked
 * so that the checks see what the loader converts to 2020-12, see dialect.ts). */
const SINGLE = [
  'additionalProperties',
  'additionalItems',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
];
/** Keywords whose value is a list of subschemas. */
const LIST = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas', 'definitions', 'dependencies'];

/** The list keywords, and `items` when older drafts wrote a tuple with it. */
const LIST_OR_ITEMS = [...LIST, 'items'];

/** Every keyword of draft 2020-12 but `$anchor`, those of older drafts the loader converts (see
 * dialect.ts), `nullable` (accepted as OpenAPI-style sugar) and OpenAPI's own. `$anchor` is left
 * out of every output, as unknown keywords are: nothing may refer to an anchor (HC303), and ajv in
 * its default strict mode refuses the keyword, so a published schema holding it would not compile. */
export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set([
  ...SINGLE,
  ...LIST,
  ...MAP,
  '$schema',
  '$id',
  '$ref',
  '$dynamicRef',
  '$dynamicAnchor',
  '$comment',
  '$vocabulary',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'nullable',
  // OpenAPI's own keywords (OAS 3.1 §4.8.24): kept in the OpenAPI fragment, left out of JSON Schema files.
  'discriminator',
  'xml',
  'externalDocs',
  'example',
]);

/** `path` gives the data path of the visited schema, followed by `more`, as a new array; paths
 * are made only when asked for (a walk visits every node, a check reports on few). `depth`
 * counts the subschemas the visited one is nested in (0 for the schema walked). */
export type SchemaVisitor = (schema: Record<string, unknown>, path: (...more: (string | number)[]) => DataPath, depth: number) => void;

/** Calls `visit` on `schema` and each nested subschema (objects only; boolean schemas are leaves). */
export function walkSchema(schema: unknown, path: DataPath, visit: SchemaVisitor): void {
  const segments: (string | number)[] = [];
  const at = (...more: (string | number)[]): DataPath => [...path, ...segments, ...more];
  const walk = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > 200) return;
    visit(node, at, depth);
    for (const keyword of SINGLE) {
      if (!(keyword in node) || Array.isArray(node[keyword])) continue;
      segments.push(keyword);
      walk(node[keyword], depth + 1);
      segments.pop();
    }
    for (const keyword of LIST_OR_ITEMS) {
      const list = node[keyword];
      if (!Array.isArray(list)) continue;
      segments.push(keyword, 0);
      for (let i = 0; i < list.length; i++) {
        segments[segments.length - 1] = i;
        walk(list[i], depth + 1);
      }
      segments.length -= 2;
    }
    for (const keyword of MAP) {
      const map = node[keyword];
      if (!isObject(map)) continue;
      segments.push(keyword, '');
      for (const name of Object.keys(map)) {
        segments[segments.length - 1] = name;
        walk(map[name], depth + 1);
      }
      segments.length -= 2;
    }
  };
  walk(schema, 0);
}

/** How each keyword with subschemas holds them. */
const SUBSCHEMAS: ReadonlyMap<string, 'single' | 'list' | 'map'> = new Map<string, 'single' | 'list' | 'map'>([
  ...SINGLE.map((k) => [k, 'single'] as const),
  ...LIST.map((k) => [k, 'list'] as const),
  ...MAP.map((k) => [k, 'map'] as const),
]);

/** How `keyword` holds subschemas: one, a list, a map of them, or none (undefined). */
export function subschemaKind(keyword: string): 'single' | 'list' | 'map' | undefined {
  return SUBSCHEMAS.get(keyword);
}

/**
 * Like `mapSchema`, but copies only where something changes: `transform` returns its argument
 * when it has nothing to change (it must never change its argument), and a schema whose
 * subschemas and itself are unchanged is returned as it is.
 */
export function updateSchema(schema: unknown, transform: (schema: Record<string, unknown>) => Record<string, unknown>, depth = 0): unknown {
  if (!isObject(schema) || depth > 200) return schema;
  const keys = Object.keys(schema);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const keyword = keys[i]!;
    const value = schema[keyword];
    const updated = updateSubschemas(SUBSCHEMAS.get(keyword), value, transform, depth + 1);
    if (updated !== value && copy === undefined) {
      copy = {};
      for (let j = 0; j < i; j++) setOwn(copy, keys[j]!, schema[keys[j]!]);
    }
    if (copy !== undefined) setOwn(copy, keyword, updated);
  }
  return transform(copy ?? schema);
}

/** The value of a keyword with its subschemas updated, or the value itself when none changed. */
function updateSubschemas(
  kind: 'single' | 'list' | 'map' | undefined,
  value: unknown,
  transform: (schema: Record<string, unknown>) => Record<string, unknown>,
  depth: number,
): unknown {
  if (kind === 'single' && !Array.isArray(value)) return updateSchema(value, transform, depth);
  if ((kind === 'list' || kind === 'single') && Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const updated = updateSchema(value[i], transform, depth);
      if (updated !== value[i] && copy === undefined) copy = value.slice(0, i);
      copy?.push(updated);
    }
    return copy ?? value;
  }
  if (kind === 'map' && isObject(value)) {
    const copy: Record<string, unknown> = {};
    let changed = false;
    for (const name of Object.keys(value)) {
      const updated = updateSchema(value[name], transform, depth);
      changed ||= updated !== value[name];
      setOwn(copy, name, updated);
    }
    return changed ? copy : value;
  }
  return value;
}

/** Sets an own property; unlike `o[k] = v` it keeps names like `__proto__` ordinary. */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  // Assignment makes the same own property for every other name, and keeps objects fast.
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Shared schema names referenced anywhere inside `schema` (`$ref: '#/schemas/Name'`), in
 * first-seen order. Iterative: any depth. */
export function referencedNames(schema: unknown): string[] {
  const found = new Set<string>();
  // A name waits on the stack as a string: found when popped, so in the order of a recursive walk.
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') found.add(node);
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (typeof node[i] === 'object') stack.push(node[i]);
      continue;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = record[keys[i]!];
      if (keys[i] === '$ref' && typeof value === 'string' && value.startsWith(SHARED_SCHEMA_PREFIX)) stack.push(value.slice(SHARED_SCHEMA_PREFIX.length));
      else if (typeof value === 'object') stack.push(value);
    }
  }
  return [...found];
}
