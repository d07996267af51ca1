/**
 * Keywords that are neither JSON Schema's nor OpenAPI's (GitHub's `tsType`,
 * `tsAdditionalProperties`). A catalog lists the ones it means as annotations
 * (`catalog.annotations`): the model keeps them as `x-<name>`, so the OpenAPI fragment
 * publishes them as extensions. Any other is left out of the model (checkRefs warns once per
 * name), so no output carries it and default strict ajv accepts every published schema.
 */
import { KNOWN_KEYWORDS, setOwn } from './schema-walk.js';

/** Whether `keyword` is one of the catalog's own: neither a known keyword nor an `x-` extension. */
export function isCustomKeyword(keyword: string): boolean {
  return !KNOWN_KEYWORDS.has(keyword) && !keyword.startsWith('x-');
}

/** `node` with its declared annotations renamed `x-<name>` and other custom keywords left out;
 * `node` itself when it has none (the usual case: no copy). An `x-<name>` the node also writes
 * keeps its own value. */
export function withCustomKeywords(node: Record<string, unknown>, annotations: ReadonlySet<string>): Record<string, unknown> {
  let custom = false;
  for (const keyword in node) {
    if (isCustomKeyword(keyword)) {
      custom = true;
      break;
    }
  }
  if (!custom) return node;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (!isCustomKeyword(keyword)) setOwn(out, keyword, value);
    else if (annotations.has(keyword) && !Object.hasOwn(node, `x-${keyword}`)) out[`x-${keyword}`] = value;
  }
  return out;
}
