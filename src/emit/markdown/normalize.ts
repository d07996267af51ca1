/**
 * Pages from templates a user overrides (`--templates`) go through remark once: parse
 * (CommonMark, GFM tables, YAML front matter) and print in the canonical form (see
 * `canonical.ts`), so that whatever markdown a custom template writes comes out in the same
 * form as the shipped templates' pages. The shipped templates write that form themselves and
 * never come here; this module (and remark with it) is loaded only when a template is overridden.
 */
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { CANONICAL_GFM, CANONICAL_STRINGIFY } from './canonical.js';

const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm, CANONICAL_GFM).use({ settings: CANONICAL_STRINGIFY }).freeze();

/** `markdown` parsed and printed again in the canonical form, by remark. */
export function normalizePage(markdown: string): string {
  return String(processor.processSync(markdown));
}
