/** Small read-only questions about the model that several emitters ask. */
import type { Catalog, Category, EventType, Group, JsonSchema, Localized, Locale } from './types.js';

/** Annotation keyword under which payload schemas keep their non-source-locale titles and
 * descriptions: `{ "x-translations": { "en": { "title": "...", "description": "..." } } }`. */
export const TRANSLATIONS_KEYWORD = 'x-translations';

/** Prefix of a catalog reference to a shared schema. */
export const SHARED_SCHEMA_PREFIX = '#/schemas/';

/** `#/schemas/Money` -> `Money`; undefined for anything else. */
export function sharedSchemaName(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(SHARED_SCHEMA_PREFIX)) return undefined;
  return ref.slice(SHARED_SCHEMA_PREFIX.length);
}

/** The text of `value` in `locale` (every declared locale is present after fallback). */
export function textIn(value: Localized, locale: Locale): string {
  return value[locale]?.text ?? '';
}

/** Events of one category (and optionally one subgroup), in catalog order. */
export function eventsIn(catalog: Catalog, category: Category, group?: Group): EventType[] {
  return catalog.events.filter((e) => e.category === category.id && (group === undefined || e.group === group.id));
}

/** The event with this key, if any. */
export function findEvent(catalog: Catalog, key: string): EventType | undefined {
  return catalog.events.find((e) => e.key === key);
}

/** Shared schema names referenced anywhere inside `schema`, in first-seen order. */
export function referencedSchemas(schema: JsonSchema): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const name = key === '$ref' ? sharedSchemaName(record[key]) : undefined;
      if (name !== undefined) found.add(name);
      else visit(record[key]);
    }
  };
  visit(schema);
  return [...found];
}

/** The form each delivered event takes: an envelope around (or beside) the payload, or the bare
 * payload. A batch's items take the form the batch declares. */
export function itemForm(catalog: Catalog): 'envelope' | 'bare' {
  const { shape, batch } = catalog.envelope;
  return shape === 'bare' || (shape === 'batch' && batch?.item === 'bare') ? 'bare' : 'envelope';
}
