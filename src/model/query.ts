/** Small read-only questions about the model that several emitters ask. */
import type { Catalog, Category, EventType, Group, JsonSchema, Localized, Locale, SubscriptionApi } from './types.js';

import { SHARED_SCHEMA_PREFIX } from '../catalog/payload-schema.js';
import { referencedNames } from '../catalog/schema-walk.js';
import { ALL_EVENTS, eventFamilies } from '../names/event-families.js';
import type { NamingInput } from '../names/output-names.js';

/** Where payload schemas keep other locales' texts, and how they refer to shared schemas: both
 * part of the catalog format, defined with it. */
export { SHARED_SCHEMA_PREFIX, TRANSLATIONS_KEYWORD } from '../catalog/payload-schema.js';

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
  return referencedNames(schema);
}

/** The form each delivered event takes: an envelope around (or beside) the payload, or the bare
 * payload. A batch's items take the form the batch declares. */
export function itemForm(catalog: Catalog): 'envelope' | 'bare' {
  const { shape, batch } = catalog.envelope;
  return shape === 'bare' || (shape === 'batch' && batch?.item === 'bare') ? 'bare' : 'envelope';
}

/** What the names of the catalog's types, components and operations depend on (see `src/names/`). */
export function namingInput(catalog: Catalog): NamingInput {
  return {
    catalogId: catalog.id,
    keys: catalog.events.map((e) => e.key),
    schemas: catalog.schemas.map((s) => s.name),
    batch: catalog.envelope.shape === 'batch',
    subscription: catalog.subscriptions && {
      operations: catalog.subscriptions.operations.map((o) => o.name),
      createdResponse: secretOnlyOnCreate(catalog.subscriptions),
    },
  };
}

/** What the events field of a subscription accepts: the keys, the event families the API
 * accepts (none, or all of them in the catalog's key style) and `*` when it subscribes to all. */
export function subscribableEvents(catalog: Catalog, api: SubscriptionApi): { readonly families: readonly string[]; readonly values: readonly string[] } {
  const keys = catalog.events.map((e) => e.key);
  const families = api.wildcards.families === 'none' ? [] : eventFamilies(keys, api.wildcards.families).filter((f) => !keys.includes(f));
  return { families, values: [...keys, ...families, ...(api.wildcards.all ? [ALL_EVENTS] : [])] };
}

/** Whether only the response to create carries the secret (one the provider makes, returned once). */
export function secretOnlyOnCreate(api: SubscriptionApi): boolean {
  return api.secret?.generatedBy === 'provider' && api.secret.returned === 'create';
}
