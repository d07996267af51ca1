/**
 * Results of per-event (or per-file) work of a check, kept across loads by a run context.
 *
 * The loader gives the very same raw objects again for every file whose text did not change
 * (`FileCache`), and a raw object implies its file and its place in that file. So a result
 * keyed by the raw object, together with a key of everything else it depends on (by content),
 * is exactly what running the work again would give. Entries live as long as their raw object.
 */
import { createHash } from 'node:crypto';
import type { CatalogSource } from '../source.js';

export class ObjectMemo<T> {
  private readonly results = new WeakMap<object, { readonly context: string; readonly value: T }>();

  /** The result kept for `key` under `context`, if any (none for no key). */
  find(key: object | undefined, context: string): T | undefined {
    const kept = key === undefined ? undefined : this.results.get(key);
    return kept !== undefined && kept.context === context ? kept.value : undefined;
  }

  /** Keeps `value` for `key` (when there is one) under `context`, and returns it. */
  keep(key: object | undefined, context: string, value: T): T {
    if (key !== undefined) this.results.set(key, { context, value });
    return value;
  }

  /** The result for `key` under `context`: the kept one, else `make()`'s, kept. */
  get(key: object | undefined, context: string, make: () => T): T {
    return this.find(key, context) ?? this.keep(key, context, make());
  }
}

/**
 * The key of a raw event's results: the event itself, or none when it stands at more than one
 * place (a YAML alias repeats it), since what is reported depends on the place. An event that
 * stands once stands where it stood when its result was kept: its file did not change.
 */
export function eventKeys(source: CatalogSource): (event: object) => object | undefined {
  const seen = new Set<object>();
  const twice = new Set<object>();
  for (const { value } of source.events) (seen.has(value) ? twice : seen).add(value);
  return (event) => (twice.has(event) ? undefined : event);
}

/** A short key for data (the plain values a YAML file yields): equal keys for equal content,
 * with NaN, the infinities and -0 told apart from any other value; undefined for data too deep
 * to spell out (loaded data is at most 100 levels deep), for which nothing is reused. */
export function contentKey(value: unknown): string | undefined {
  const text = canonical(value, 0);
  return text === undefined ? undefined : createHash('sha256').update(text).digest('base64');
}

function canonical(value: unknown, depth: number): string | undefined {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (depth > 256) return undefined;
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = canonical(item, depth + 1);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const part = canonical(record[key], depth + 1);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}
