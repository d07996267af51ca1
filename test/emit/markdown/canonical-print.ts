/** remark as the judge of the canonical form: `remark().use(remarkGfm).use(remarkFrontmatter)`
 * with the settings that state the form (`src/emit/markdown/canonical.ts`). A page is canonical
 * when this prints it back byte for byte. */
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { CANONICAL_GFM, CANONICAL_STRINGIFY } from '../../../src/emit/markdown/canonical.js';

const processor = remark().use(remarkGfm, CANONICAL_GFM).use(remarkFrontmatter, ['yaml']).use({ settings: CANONICAL_STRINGIFY }).freeze();

/** `markdown` parsed and printed again by remark in the canonical form. */
export function printedByRemark(markdown: string): string {
  return String(processor.processSync(markdown));
}
