/** Payload schemas as the catalog writes them -> plain JSON Schema 2020-12 for the model. */
import { withCustomKeywords } from './custom-keywords.js';
import { toDraft2020 } from './dialect.js';
import { isObject, SHARED_SCHEMA_PREFIX, setOwn, updateSchema } from './schema-walk.js';

export { SHARED_SCHEMA_PREFIX };

/** Annotation keyword under which payload schemas keep their non-source-locale titles and
 * descriptions: `{ "x-translations": { "en": { "title": "...", "description": "..." } } }`. */
export const TRANSLATIONS_KEYWORD = 'x-translations';

const TEXT_KEYWORDS = ['title', 'description'] as const;

/** The keywords a catalog declares as annotations (`catalog.annotations`), as a set. */
export function annotationSet(annotations: readonly string[] | undefined): ReadonlySet<string> {
  return new Set(annotations ?? []);
}

/**
 * Older drafts' keywords become 2020-12's (dialect.ts); declared annotations become `x-`
 * keywords and other custom keywords are left out (custom-keywords.ts); localized
 * `title`/`description` maps become the source-locale string, with the other locales kept under
 * `x-translations`; `nullable: true` becomes a `null` type member. Parts that need none of this
 * are not copied: the result shares them with `schema`.
 */
export function normalizePayloadSchema(schema: unknown, sourceLocale: string, annotations: ReadonlySet<string> = new Set()): unknown {
  return updateSchema(schema, (node) => nullableToType(localizeText(withCustomKeywords(toDraft2020(node), annotations), sourceLocale)));
}

/**
 * `normalizePayloadSchema` once per raw schema object, source locale and annotations: the example check and
 * the model share the result, and a file that did not change keeps it across loads (a run
 * context holds one). Callers must not change a result (the model freezes it).
 */
export class NormalizedPayloads {
  private readonly made = new WeakMap<object, { readonly reading: string; readonly schema: unknown }>();

  get(schema: unknown, sourceLocale: string, annotations: ReadonlySet<string> = new Set()): unknown {
    if (schema === null || typeof schema !== 'object') return normalizePayloadSchema(schema, sourceLocale, annotations);
    const reading = readingKey(sourceLocale, annotations);
    const known = this.made.get(schema);
    if (known?.reading === reading) return known.schema;
    const made = normalizePayloadSchema(schema, sourceLocale, annotations);
    this.made.set(schema, { reading, schema: made });
    return made;
  }
}

/** What a normalized schema depends on besides the raw schema, as one string. */
export function readingKey(sourceLocale: string, annotations: ReadonlySet<string>): string {
  return annotations.size === 0 ? sourceLocale : `${sourceLocale} ${[...annotations].sort().join(',')}`;
}

/** `node` itself when it has no localized text, else a copy with the texts resolved. */
function localizeText(given: Record<string, unknown>, sourceLocale: string): Record<string, unknown> {
  if (!TEXT_KEYWORDS.some((keyword) => isObject(given[keyword]))) return given;
  const node = { ...given };
  const translations: Record<string, Record<string, string>> = {};
  for (const keyword of TEXT_KEYWORDS) {
    const value = node[keyword];
    if (!isObject(value)) continue;
    const texts = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    const source = texts.find(([locale]) => locale === sourceLocale) ?? texts[0];
    setOwn(node, keyword, source?.[1] ?? '');
    for (const [locale, text] of texts) {
      if (locale === source?.[0]) continue;
      if (!Object.hasOwn(translations, locale)) setOwn(translations, locale, {});
      setOwn(translations[locale]!, keyword, text);
    }
  }
  if (Object.keys(translations).length > 0) setOwn(node, TRANSLATIONS_KEYWORD, translations);
  return node;
}

/** `nullable: true` (OpenAPI 3.0's keyword) as JSON Schema 2020-12 says it: `null` joins the
 * `type`, the `enum`, and a `const` (which becomes a two-value `enum`), so null is accepted
 * whatever else the schema restricts. */
function nullableToType(node: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(node, 'nullable')) return node;
  const { nullable, ...rest } = node;
  if (nullable !== true) return rest;
  const out: Record<string, unknown> = { ...rest };
  const type = rest['type'];
  if (typeof type === 'string') out['type'] = type === 'null' ? 'null' : [type, 'null'];
  else if (Array.isArray(type)) out['type'] = type.includes('null') ? type : [...type, 'null'];
  if (Array.isArray(rest['enum']) && !rest['enum'].includes(null)) out['enum'] = [...rest['enum'], null];
  if (Object.hasOwn(rest, 'const')) {
    delete out['const'];
    out['enum'] = rest['const'] === null ? [null] : [rest['const'], null];
  }
  if (type === undefined && !Array.isArray(out['enum'])) return { anyOf: [rest, { type: 'null' }] };
  return out;
}

/** Base URI under which shared schemas are registered with ajv for checking examples. */
export const CHECK_BASE = 'https://hookcat.invalid/schemas/';

/** Rewrites `#/schemas/X` refs to absolute ids that ajv resolves against registered schemas.
 * Only the schemas on the way to a `$ref` are copied; the rest is shared with `schema`. */
export function absolutizeRefs(schema: unknown): unknown {
  return updateSchema(schema, (node) => {
    const ref = node['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith(SHARED_SCHEMA_PREFIX)) return node;
    const copy = { ...node };
    setOwn(copy, '$ref', CHECK_BASE + ref.slice(SHARED_SCHEMA_PREFIX.length));
    return copy;
  });
}
