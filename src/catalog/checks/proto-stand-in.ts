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

/** Example data with every `__proto__` key renamed: the value itself when it has none (the
 * usual case; nothing here changes it), else a copy. */
export function dataWithStandIns(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 256) return value;
  if (Array.isArray(value)) return mapItems(value, (item) => dataWithStandIns(item, depth + 1));
  return mapEntries(value as Record<string, unknown>, (key, child) => [renameKey(key), dataWithStandIns(child, depth + 1)]);
}

/** A schema with every `__proto__` key renamed, and the name in `required` and
 * `dependentRequired` lists: the schema itself when it has none, else a copy. */
export function schemaWithStandIns(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 256) return value;
  if (Array.isArray(value)) return mapItems(value, (item) => schemaWithStandIns(item, depth + 1));
  return mapEntries(value as Record<string, unknown>, (key, child) => {
    let renamed = schemaWithStandIns(child, depth + 1);
    if (key === 'required' && Array.isArray(child)) renamed = mapItems(child, (name) => (name === PROTO ? PROTO_STAND_IN : name));
    if (key === 'dependentRequired' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      renamed = mapEntries(child as Record<string, unknown>, (name, list) => [
        renameKey(name),
        Array.isArray(list) ? mapItems(list, (n) => (n === PROTO ? PROTO_STAND_IN : n)) : list,
      ]);
    }
    return [renameKey(key), renamed];
  });
}

/** `items` mapped, or `items` itself when no item changed. */
function mapItems(items: readonly unknown[], map: (item: unknown) => unknown): unknown[] {
  let copy: unknown[] | undefined;
  items.forEach((item, i) => {
    const mapped = map(item);
    if (mapped !== item && copy === undefined) copy = items.slice(0, i);
    copy?.push(mapped);
  });
  return copy ?? (items as unknown[]);
}

/** An object with its entries mapped, or the object itself when no key or value changed. */
function mapEntries(record: Record<string, unknown>, map: (key: string, value: unknown) => [string, unknown]): Record<string, unknown> {
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | undefined;
  keys.forEach((key, i) => {
    const [name, value] = map(key, record[key]);
    if (copy === undefined && (name !== key || value !== record[key])) {
      copy = {};
      for (const before of keys.slice(0, i)) setOwn(copy, before, record[before]);
    }
    if (copy !== undefined) setOwn(copy, name, value);
  });
  return copy ?? record;
}

/** Text (a message, a path segment) with the real name back. */
export function withoutStandIns(text: string): string {
  return text.split(PROTO_STAND_IN).join(PROTO);
}
