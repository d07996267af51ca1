/** The hand-built hostile catalog with other text in every text field: locale texts, schema
 * titles and descriptions, enum values and property names, taken in turn from `strings`. */
import type { Catalog } from '../../../src/model/types.js';
import { hostileCatalog } from './hostile-catalog.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function catalogWithTexts(strings: readonly string[]): Catalog {
  let next = 0;
  const take = (): string => strings[next++ % strings.length] ?? '';
  const names = new Map<string, string>();
  const rename = (name: string): string => {
    if (!names.has(name)) names.set(name, `${take()}#${names.size}`);
    return names.get(name)!;
  };
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' && key === 'enum' ? take() : walk(item, key)));
    if (!isObject(value)) return typeof value === 'string' && (key === 'description' || key === 'title') ? take() : value;
    if (typeof value['text'] === 'string' && typeof value['fallback'] === 'boolean') return { ...value, text: take() };
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) {
      const renamed = key === 'properties' ? rename(k) : k;
      Object.defineProperty(out, renamed, { value: k === 'required' && Array.isArray(v) ? v.map((n) => rename(String(n))) : walk(v, k), enumerable: true });
    }
    return out;
  };
  const catalog = hostileCatalog();
  return { ...catalog, events: walk(catalog.events) as Catalog['events'], envelope: walk(catalog.envelope) as Catalog['envelope'], ...textsOf(catalog, walk) };
}

function textsOf(catalog: Catalog, walk: (value: unknown) => unknown): Partial<Catalog> {
  return {
    title: walk(catalog.title) as Catalog['title'],
    description: walk(catalog.description) as Catalog['description'],
    categories: walk(catalog.categories) as Catalog['categories'],
    subscriptions: walk(catalog.subscriptions) as Catalog['subscriptions'],
  };
}
