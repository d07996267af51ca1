/**
 * Turns a payload schema as the model holds it into a schema for one output place: catalog
 * references (`#/schemas/<Name>`) point at where that output keeps shared schemas, local
 * references (`#/...`) follow the schema to where it is embedded, and a `title` or
 * `description` still written as a locale map becomes source text plus `x-translations`.
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
}

const TEXT_KEYWORDS = ['title', 'description'] as const;

/** The schema rewritten for `place`; see the module comment. */
export function rewriteSchema(schema: JsonSchema, place: SchemaPlace): JsonObject {
  const node = localizeText(schema, place.sourceLocale);
  const ref = node['$ref'];
  if (typeof ref === 'string') node['$ref'] = rewriteRef(ref, place);
  return mapSubschemas(node, (sub) => rewriteSchema(sub, place));
}

function rewriteRef(ref: string, place: SchemaPlace): string {
  const shared = sharedSchemaName(ref);
  if (shared !== undefined) return place.sharedRef(shared);
  if (ref === '#' || (ref.startsWith('#/') && !ref.startsWith(SHARED_SCHEMA_PREFIX))) return place.root + ref.slice(1);
  return ref;
}

/** Locale maps under `title`/`description` of this one schema node -> source text + translations. */
function localizeText(schema: JsonSchema, sourceLocale: Locale): JsonObject {
  const node: JsonObject = { ...schema };
  let found: JsonObject | undefined;
  for (const keyword of TEXT_KEYWORDS) {
    const value = node[keyword];
    if (!isLocaleMap(value)) continue;
    const texts = value as { readonly [locale: string]: string };
    node[keyword] = texts[sourceLocale] ?? Object.values(texts)[0] ?? '';
    for (const [locale, text] of Object.entries(texts)) {
      if (locale === sourceLocale) continue;
      found ??= {};
      const forLocale = Object.hasOwn(found, locale) ? found[locale] : undefined;
      setOwn(found, locale, { ...(isJsonObject(forLocale) ? forLocale : {}), [keyword]: text });
    }
  }
  if (found !== undefined) {
    const merged = mergeTranslations(node[TRANSLATIONS_KEYWORD], found);
    if (merged !== undefined) node[TRANSLATIONS_KEYWORD] = merged;
  }
  return node;
}

function isLocaleMap(value: JsonValue | undefined): boolean {
  return isJsonObject(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === 'string');
}
