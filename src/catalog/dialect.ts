/**
 * JSON Schema dialects older than 2020-12, read as 2020-12. A payload or shared schema may
 * declare draft-04, 06, 07 or 2019-09 in `$schema` (GitHub's payload schemas declare draft-07);
 * the loader turns the keywords those drafts spell differently into their 2020-12 form, node by
 * node, so the checks, the model and every output see one dialect
 * (https://json-schema.org/draft/2020-12/release-notes):
 * - `definitions` -> `$defs`; `dependencies` -> `dependentSchemas` / `dependentRequired`;
 * - an array `items` -> `prefixItems`, and `additionalItems` -> `items`;
 * - boolean `exclusiveMinimum` / `exclusiveMaximum` (draft-04) -> the number they qualify;
 * - `$recursiveRef` -> `$ref` (2019-09): each schema is published as a resource of its own, where
 *   the recursion reaches the schema it starts from, as `$ref` does (`$dynamicRef: '#'` would
 *   reach the root of whatever document embeds it: the envelope, the OpenAPI document).
 * `$schema`, `$id` and draft-04's `id` name the source document: hookcat publishes every schema
 * under an `$id` of its own, so they are left out (kept, a payload embedded in the bundle would
 * change the base of every reference in it, and two payloads would share an id).
 */
import { setOwn } from './schema-walk.js';

/** The `$schema` values hookcat reads, with or without `#`, over http or https. */
const KNOWN_DIALECTS = [
  /^https?:\/\/json-schema\.org\/draft-0[467]\/schema#?$/,
  /^https?:\/\/json-schema\.org\/draft\/(2019-09|2020-12)\/schema#?$/,
  /^https:\/\/spec\.openapis\.org\/oas\/3\.[01]\/dialect\/base$/,
];

/** Whether `$schema: value` names a dialect the loader reads (HC360 otherwise). */
export function isKnownDialect(value: unknown): boolean {
  return typeof value === 'string' && KNOWN_DIALECTS.some((dialect) => dialect.test(value));
}

/** Keywords of older drafts that `toDraft2020` turns into 2020-12 ones (not unknown keywords). */
export const OLDER_DRAFT_KEYWORDS: ReadonlySet<string> = new Set(['definitions', 'dependencies', 'additionalItems', 'id', '$recursiveRef', '$recursiveAnchor']);

/** Keywords that name the document a schema came from; the model leaves them out. */
const IDENTIFYING = ['$schema', '$id', 'id', '$recursiveAnchor'];

/** Whether `node` has anything `toDraft2020` changes (most nodes have not: no copy is made). */
function needsConversion(node: Record<string, unknown>): boolean {
  for (const keyword in node) {
    if (IDENTIFYING.includes(keyword) || OLDER_DRAFT_KEYWORDS.has(keyword)) return true;
    if (keyword === 'items' && Array.isArray(node[keyword])) return true;
    if ((keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') && typeof node[keyword] === 'boolean') return true;
  }
  return false;
}

/** One schema node in its 2020-12 form (the node itself when nothing changes); its subschemas
 * are converted by the caller's walk (`updateSchema` visits the older keywords too). */
export function toDraft2020(node: Record<string, unknown>): Record<string, unknown> {
  if (!needsConversion(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (IDENTIFYING.includes(keyword)) continue;
    if (keyword === 'definitions') setIfAbsent(out, node, '$defs', value);
    else if (keyword === '$recursiveRef') {
      if (!Object.hasOwn(node, '$dynamicRef')) setIfAbsent(out, node, '$ref', value);
    } else if (keyword === 'items' && Array.isArray(value)) setIfAbsent(out, node, 'prefixItems', value);
    else if (keyword === 'additionalItems') {
      if (Array.isArray(node['items'])) out['items'] = value;
    } else if (keyword === 'dependencies') splitDependencies(out, node, value);
    else if ((keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') && typeof value === 'boolean') {
      const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (value && typeof node[bound] === 'number') out[keyword] = node[bound];
    } else if ((keyword === 'minimum' && node['exclusiveMinimum'] === true) || (keyword === 'maximum' && node['exclusiveMaximum'] === true)) {
      // The exclusive bound took its value.
    } else setOwn(out, keyword, value);
  }
  return out;
}

/** draft-07's `dependencies`: a schema per name -> `dependentSchemas`, a list -> `dependentRequired`. */
function splitDependencies(out: Record<string, unknown>, node: Record<string, unknown>, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const schemas: Record<string, unknown> = {};
  const required: Record<string, unknown> = {};
  for (const [name, dependency] of Object.entries(value)) setOwn(Array.isArray(dependency) ? required : schemas, name, dependency);
  if (Object.keys(schemas).length > 0) setIfAbsent(out, node, 'dependentSchemas', schemas);
  if (Object.keys(required).length > 0) setIfAbsent(out, node, 'dependentRequired', required);
}

/** A keyword the node also writes in its 2020-12 form keeps that value. */
function setIfAbsent(out: Record<string, unknown>, node: Record<string, unknown>, keyword: string, value: unknown): void {
  if (!Object.hasOwn(node, keyword)) out[keyword] = value;
}
