/**
 * Every description of a catalog model, in every locale, reached in one walk: the catalog's,
 * its categories' and subgroups', its events', the envelope's (its headers, signature,
 * responses and batch), the subscription API's (its operations, secret and fields), and the
 * `description` of every node of every schema (with its translations under `x-translations`).
 * Titles, summaries and other texts are not descriptions and stay plain text.
 */
import { mapSubschemas } from '../json-schema/subschemas.js';
import { TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { Catalog, Envelope, EventType, JsonSchema, JsonValue, Localized, LocalText, SubscriptionApi } from '../../model/types.js';

type Convert = (text: string) => string;

/** `catalog` with each description replaced by `convert(description)`. Copies only what
 * changes: when `convert` changes nothing, the result is `catalog` itself. */
export function withDescriptions(catalog: Catalog, convert: Convert): Catalog {
  const text = (value: Localized): Localized => localized(value, convert);
  const schema = (value: JsonSchema): JsonSchema => schemaDescriptions(value, convert);
  const changed = {
    description: text(catalog.description),
    categories: same(
      catalog.categories,
      catalog.categories.map((c) =>
        changedOnly(c, {
          description: text(c.description),
          groups: same(
            c.groups,
            c.groups.map((g) => changedOnly(g, { description: text(g.description) })),
          ),
        }),
      ),
    ),
    events: same(
      catalog.events,
      catalog.events.map((e) => changedOnly<EventType>(e, { description: text(e.description), payload: schema(e.payload) })),
    ),
    schemas: same(
      catalog.schemas,
      catalog.schemas.map((s) => changedOnly(s, { description: s.description && text(s.description), schema: schema(s.schema) })),
    ),
    envelope: envelopeDescriptions(catalog.envelope, text, schema),
    subscriptions: catalog.subscriptions && subscriptionDescriptions(catalog.subscriptions, text, schema),
  };
  return changedOnly(catalog, changed);
}

function envelopeDescriptions(envelope: Envelope, text: (value: Localized) => Localized, schema: (value: JsonSchema) => JsonSchema): Envelope {
  const properties = (values: { readonly [name: string]: JsonSchema }) => sameEntries(values, schema);
  const { batch, signature } = envelope;
  return changedOnly(envelope, {
    description: text(envelope.description),
    properties: properties(envelope.properties),
    headers: same(
      envelope.headers,
      envelope.headers.map((h) => changedOnly(h, { description: text(h.description) })),
    ),
    signature: signature && changedOnly(signature, { description: text(signature.description) }),
    responses: same(
      envelope.responses,
      envelope.responses.map((r) => changedOnly(r, { description: text(r.description) })),
    ),
    batch: batch && changedOnly(batch, { description: text(batch.description), properties: properties(batch.properties) }),
  });
}

function subscriptionDescriptions(api: SubscriptionApi, text: (value: Localized) => Localized, schema: (value: JsonSchema) => JsonSchema): SubscriptionApi {
  return changedOnly(api, {
    description: text(api.description),
    operations: same(
      api.operations,
      api.operations.map((o) => changedOnly(o, { description: text(o.description) })),
    ),
    secret: api.secret && changedOnly(api.secret, { description: text(api.secret.description) }),
    fields: same(
      api.fields,
      api.fields.map((f) => changedOnly(f, { description: text(f.description), schema: schema(f.schema) })),
    ),
  });
}

/** Each locale's text converted; `value` itself when none changes. */
function localized(value: Localized, convert: Convert): Localized {
  let out: Record<string, LocalText> | undefined;
  for (const [locale, local] of Object.entries(value)) {
    const text = local.text === '' ? '' : convert(local.text);
    if (text === local.text) continue;
    out ??= { ...value };
    out[locale] = { ...local, text };
  }
  return out ?? value;
}

/** Every `description` of every node of `schema` converted (also under `x-translations`, and a
 * locale map left in the keyword), through its subschemas only: never instance data. */
function schemaDescriptions(schema: JsonSchema, convert: Convert): JsonSchema {
  const node = nodeDescriptions(schema, convert);
  return mapSubschemas(node, (sub) => schemaDescriptions(sub, convert));
}

function nodeDescriptions(schema: JsonSchema, convert: Convert): JsonSchema {
  const description = convertValue(schema['description'], convert);
  const translations = schema[TRANSLATIONS_KEYWORD];
  let translated: JsonValue | undefined = translations;
  if (isObject(translations)) {
    const entries = Object.entries(translations).map(
      ([locale, texts]) => [locale, isObject(texts) ? changedOnly(texts, { description: convertValue(texts['description'], convert) }) : texts] as const,
    );
    translated = entries.every(([locale, texts]) => texts === translations[locale]) ? translations : Object.fromEntries(entries);
  }
  return changedOnly(schema, { description, [TRANSLATIONS_KEYWORD]: translated });
}

function convertValue(value: JsonValue | undefined, convert: Convert): JsonValue | undefined {
  if (typeof value === 'string') return value === '' ? value : convert(value);
  if (isObject(value)) return sameEntries(value, (text) => (typeof text === 'string' && text !== '' ? convert(text) : text));
  return value;
}

function isObject(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `object` with the entries of `changes` that differ from its own; `object` itself when none does. */
function changedOnly<T extends object>(object: T, changes: { readonly [K in keyof T]?: T[K] } | { readonly [key: string]: unknown }): T {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(changes)) {
    if ((object as Record<string, unknown>)[key] === value) continue;
    out ??= { ...(object as Record<string, unknown>) };
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return (out ?? object) as T;
}

/** `list` itself when `mapped` holds the same items. */
function same<T>(list: readonly T[], mapped: readonly T[]): readonly T[] {
  return mapped.every((item, i) => item === list[i]) ? list : mapped;
}

/** Each entry's value mapped; `entries` itself when none changes. */
function sameEntries<T>(entries: { readonly [name: string]: T }, map: (value: T) => T): { readonly [name: string]: T } {
  return changedOnly(entries, Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, map(value)])));
}
