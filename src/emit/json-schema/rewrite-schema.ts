/**
 * Turns a payload schema as the model holds it into a schema for one output place: catalog
 * references (`#/schemas/<Name>`) point at where that output keeps shared schemas, local
 * references (`#/...`) follow the schema to where it is embedded, and a `title` or
 * `description` still written as a locale map becomes source text plus `x-translations`.
 * Both steps copy only the nodes they change and share the rest with the model, so the
 * result is read-only; `localizeSchema` can be done once for several places.
 */
import { SHARED_SCHEMA_PREFIX, TRANSLATIONS_KEYWORD, sharedSchemaName } from '../../model/query.js';
import type { JsonSchema, JsonValue, Locale } from '../../model/types.js';
import { isJsonObject, setOwn, type JsonObject } from './json-object.js';
import { mergeTranslations } from './translations.js';
import { mapSubschemas } from './subschemas.js';

export interface SchemaPlace {
  /** Where the output keeps the shared schema `name`, as a `$ref` value. */
  readonly sharedRef: (name: string) => string;
  /** JSON Pointer fragment of the schema's root in the output document: `#` when the schema
   * is a document of its own, `#/$defs/x` or `#/components/schemas/X` when embedded. */
  readonly root: string;
  readonly sourceLocale: Locale;
  /** Where the document holds shared schemas under names a discriminator value picks them by
   * (OpenAPI's components), the name of the shared schema `name` there. */
  readonly sharedName?: (name: string) => string;
}

const TEXT_KEYWORDS = ['title', 'description'] as const;

/** The schema rewritten for `place`; see the module comment. */
export function rewriteSchema(schema: JsonSchema, place: SchemaPlace): JsonSchema {
  return placeSchema(localizeSchema(schema, place.sourceLocale), place);
}

/** Locale maps under `title`/`description` of every schema node -> source text + translations. */
export function localizeSchema(schema: JsonSchema, sourceLocale: Locale): JsonSchema {
  return mapSubschemas(localizeText(schema, sourceLocale), (sub) => localizeSchema(sub, sourceLocale));
}

/** Every `$ref` of an already localized schema pointed at where `place` keeps its target. */
export function placeSchema(schema: JsonSchema, place: SchemaPlace): JsonSchema {
  const ref = schema['$ref'];
  let node = schema;
  if (typeof ref === 'string') {
    const placed = rewriteRef(ref, place);
    if (placed !== ref) node = { ...schema, $ref: placed };
  }
  const discriminator = schema['discriminator'];
  if (isJsonObject(discriminator)) {
    const placed = placedDiscriminator(discriminator, schema, place);
    if (placed !== discriminator) node = { ...node, discriminator: placed };
  }
  return mapSubschemas(node, (sub) => placeSchema(sub, place));
}

/** An OpenAPI discriminator whose mapping names shared schemas (`#/schemas/Name`, which the
 * checks resolve): each pointed where `place` keeps it, as a `$ref` is. Any other value (a
 * component reference, a bare name) names a schema of the document, not a place inside this
 * schema: it is kept as written. `schema` is the one that holds the discriminator. */
function placedDiscriminator(discriminator: JsonObject, schema: JsonSchema, place: SchemaPlace): JsonObject {
  const written = isJsonObject(discriminator['mapping']) ? discriminator['mapping'] : undefined;
  const mapping: JsonObject = {};
  for (const [value, target] of Object.entries(written ?? {})) {
    const shared = sharedSchemaName(target);
    setOwn(mapping, value, shared === undefined || shared.includes('/') ? target : place.sharedRef(shared));
  }
  // Without an entry, the value that picks a `oneOf`/`anyOf` schema is its component's name. A
  // shared schema published under another name (`house-cat` as `HouseCat`) gets its entry.
  const mapped = new Set(Object.values(mapping));
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (!Array.isArray(options)) continue;
    for (const option of options) {
      const shared = isJsonObject(option) ? sharedSchemaName(option['$ref']) : undefined;
      // Only where a name picks an option (OpenAPI's components), and the name is another.
      const published = shared === undefined ? undefined : place.sharedName?.(shared);
      if (shared === undefined || published === undefined || published === shared || shared.includes('/') || Object.hasOwn(mapping, shared)) continue;
      const placed = place.sharedRef(shared);
      if (!mapped.has(placed)) setOwn(mapping, shared, placed);
    }
  }
  if (written === undefined && Object.keys(mapping).length === 0) return discriminator;
  return { ...discriminator, mapping };
}

function rewriteRef(ref: string, place: SchemaPlace): string {
  const shared = sharedSchemaName(ref);
  if (shared !== undefined) return place.sharedRef(shared);
  if (ref === '#' || (ref.startsWith('#/') && !ref.startsWith(SHARED_SCHEMA_PREFIX))) return place.root + ref.slice(1);
  return ref;
}

/** This one node with its locale maps turned into text (the node itself when it has none). */
function localizeText(schema: JsonSchema, sourceLocale: Locale): JsonSchema {
  let node: JsonObject | undefined;
  let found: JsonObject | undefined;
  for (const keyword of TEXT_KEYWORDS) {
    const value = schema[keyword];
    if (!isLocaleMap(value)) continue;
    const texts = value as { readonly [locale: string]: string };
    node ??= { ...schema };
    node[keyword] = texts[sourceLocale] ?? Object.values(texts)[0] ?? '';
    for (const [locale, text] of Object.entries(texts)) {
      if (locale === sourceLocale) continue;
      found ??= {};
      const forLocale = Object.hasOwn(found, locale) ? found[locale] : undefined;
      setOwn(found, locale, { ...(isJsonObject(forLocale) ? forLocale : {}), [keyword]: text });
    }
  }
  if (node !== undefined && found !== undefined) {
    const merged = mergeTranslations(node[TRANSLATIONS_KEYWORD], found);
    if (merged !== undefined) node[TRANSLATIONS_KEYWORD] = merged;
  }
  return node ?? schema;
}

function isLocaleMap(value: JsonValue | undefined): boolean {
  if (!isJsonObject(value)) return false;
  let empty = true;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (typeof value[key] !== 'string') return false;
    empty = false;
  }
  return !empty;
}
