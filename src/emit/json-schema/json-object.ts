/** Mutable JSON shapes the schema emitters build before handing them out as readonly model values. */
import type { JsonValue } from '../../model/types.js';

export type JsonObject = { [key: string]: JsonValue };

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is { readonly [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets `key` as an own data property, so a catalog name like `__proto__` stays a plain key. */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  // Assignment makes the same own property for every other name, and keeps objects fast.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** 2-space JSON with a trailing newline: the byte format of every generated `.json` file. */
export function jsonText(value: JsonValue): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A schema as an object, for a place that sets keywords beside it (a file's `$id`, `deprecated`):
 * the boolean schemas the model may hold at a root become their object forms, `true` -> `{}`
 * and `false` -> `{ not: {} }` (JSON Schema 2020-12 core, section 4.3.2).
 */
export function schemaObject(schema: JsonValue): { readonly [key: string]: JsonValue } {
  if (schema === false) return { not: {} };
  return isJsonObject(schema) ? schema : {};
}
