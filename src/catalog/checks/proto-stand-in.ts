/**
 * ajv leaves out a property named `__proto__` when it compiles `properties` (a guard against
 * prototype pollution): its subschema is never applied, and `additionalProperties: false`
 * rejects it in a schema with few properties. For the example check only, such keys get a
 * stand-in name in the schema and in the example alike, so `__proto__` is checked like any
 * other property; messages and positions use the real name again.
 */
import { setOwn } from '../schema-walk.js';

/** A name no catalog writes (it holds two NUL characters), standing in for `__proto__`. */
export const PROTO_STAND_IN = '\u0000hookcat:__proto__\u0000';

const PROTO = '__proto__';

function renameKey(key: string): string {
  return key === PROTO ? PROTO_STAND_IN : key;
}

/** A copy of example data with every `__proto__` key renamed. */
export function dataWithStandIns(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 256) return value;
  if (Array.isArray(value)) return value.map((item) => dataWithStandIns(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setOwn(copy, renameKey(key), dataWithStandIns(child, depth + 1));
  return copy;
}

/** A copy of a schema with every `__proto__` key renamed, and the name in `required` and `dependentRequired` lists. */
export function schemaWithStandIns(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 256) return value;
  if (Array.isArray(value)) return value.map((item) => schemaWithStandIns(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    let renamed = schemaWithStandIns(child, depth + 1);
    if (key === 'required' && Array.isArray(child)) renamed = child.map((name) => (name === PROTO ? PROTO_STAND_IN : name));
    if (key === 'dependentRequired' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      const lists: Record<string, unknown> = {};
      for (const [name, list] of Object.entries(child)) setOwn(lists, renameKey(name), Array.isArray(list) ? list.map((n) => (n === PROTO ? PROTO_STAND_IN : n)) : list);
      renamed = lists;
    }
    setOwn(copy, renameKey(key), renamed);
  }
  return copy;
}

/** Text (a message, a path segment) with the real name back. */
export function withoutStandIns(text: string): string {
  return text.split(PROTO_STAND_IN).join(PROTO);
}
