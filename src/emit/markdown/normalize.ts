/**
 * Every page goes through remark once: parse (CommonMark + GFM tables + YAML front matter)
 * and print with fixed settings, so the output is normalized markdown and a second pass
 * changes no byte.
 */
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

/**
 * VitePress compiles each page as a Vue template, where `{{ ... }}` in text is evaluated.
 * A `{` next to another `{` is written as a character reference: markdown reads it as `{`,
 * VitePress keeps the reference as written and Vue shows it without evaluating anything.
 */
export function encodeVueBraces(markdown: string): string {
  return markdown.replace(/\{{2,}/g, (run) => '&#x7B;'.repeat(run.length));
}

const processor = remark()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use({
    settings: {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fence: '`',
      fences: true,
      rule: '-',
      listItemIndent: 'one',
      incrementListMarker: true,
      handlers: {
        // The default text handler is `state.safe(value, info)`; only `{{` is added.
        text: (node, _parent, state, info) => encodeVueBraces(state.safe(node.value, info)),
      },
    },
  })
  .freeze();

/** `markdown` parsed and printed again with the project's settings. */
export function normalizeMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
