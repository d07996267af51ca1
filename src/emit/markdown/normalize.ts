/**
 * Every page goes through remark once: parse (CommonMark + GFM tables + YAML front matter)
 * and print with fixed settings, so the output is normalized markdown and a second pass
 * changes no byte.
 */
import { createHash } from 'node:crypto';
import type { Link, Parent, Root } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Options } from 'mdast-util-to-markdown';
import { fastNormalize } from './fast-normalize.js';
import { CAPTURE_NODE, captureHandler, captureState, type CapturedState } from './remark-state.js';

/**
 * VitePress compiles each page as a Vue template, where `{{ ... }}` in text is evaluated.
 * A `{` next to another `{` is written as a character reference: markdown reads it as `{`,
 * VitePress keeps the reference as written and Vue shows it without evaluating anything.
 */
export function encodeVueBraces(markdown: string): string {
  return markdown.replace(/\{{2,}/g, (run) => '&#x7B;'.repeat(run.length));
}

/**
 * GFM turns `www.`, `http://`, `https://`, `mailto:`, `xmpp:` and `x@y.z` in text into links,
 * and it does so from the raw characters, whatever the escaping of what follows. Written
 * back plainly, text such as `www._` would become a link on the next pass. Escaping the `.`,
 * `:` and `@` of those triggers keeps text that was no link from becoming one (a real URL
 * is already a link node by then, and prints as one).
 */
export function escapeAutolinkTriggers(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const char = markdown[i]!;
    if (char === '\\' && i + 1 < markdown.length) {
      out += char + markdown[i + 1];
      i++;
      continue;
    }
    const rest = markdown.slice(i, i + 7);
    const trigger = /^(www)\./i.exec(rest) ?? /^(https?|mailto|xmpp):/i.exec(rest);
    if (trigger !== null) {
      out += `${trigger[1]}\\${trigger[0].slice(-1)}`;
      i += trigger[0].length - 1;
    } else out += char === '@' ? '\\@' : char;
  }
  return out;
}

/** A link GFM made from bare text (`www.x.y`, `https://...`, `a@b.c`): its text is its address. */
function isLiteralAutolink(node: Link): boolean {
  if (node.children.length !== 1 || node.children[0]?.type !== 'text') return false;
  const label = node.children[0].value;
  return node.url === label || node.url === `http://${label}` || node.url === `mailto:${label}` || node.url === `xmpp:${label}`;
}

/**
 * Catalog text is data: a URL in it stays text rather than becoming a link here (the docs
 * site may still link it when rendering). Also makes the output a fixed point, since the
 * escaped triggers (see `escapeAutolinkTriggers`) would otherwise be linked again.
 */
function unlinkLiteralAutolinks(tree: Root): void {
  const visit = (parent: Parent): void => {
    const children: Parent['children'] = [];
    for (const child of parent.children) {
      const node = child.type === 'link' && isLiteralAutolink(child) ? child.children[0]! : child;
      const last = children[children.length - 1];
      // Text next to text becomes one node, so the text handler sees `www.` whole.
      if (node.type === 'text' && last?.type === 'text') children[children.length - 1] = { ...last, value: last.value + node.value };
      else children.push(node);
    }
    parent.children = children;
    for (const child of parent.children) if ('children' in child) visit(child);
  };
  visit(tree);
}

const processor = remark()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(() => unlinkLiteralAutolinks)
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
        // The default text handler is `state.safe(value, info)`; `{{` and autolink
        // triggers are added.
        text: (node, _parent, state, info) => encodeVueBraces(escapeAutolinkTriggers(state.safe(node.value, info))),
        [CAPTURE_NODE]: captureHandler,
      } as Options['handlers'],
    },
  })
  .freeze();

/** The `source` of a page (see `OutputFile.source`): remark costs about 12 ms a page, a hash 10 µs. */
export function sourceHashOf(markdown: string): string {
  return createHash('sha256').update(markdown).digest('hex');
}

/** `markdown` parsed and printed again with the project's settings, by remark itself. */
export function normalizeWithRemark(markdown: string): string {
  return String(processor.processSync(markdown));
}

let captured: CapturedState | undefined;

/** The serializer state of `processor`, for the fast path. */
export function pageSerializer(): CapturedState {
  return (captured ??= captureState((tree) => processor.stringify(tree)));
}

/** `markdown` parsed and printed again with the project's settings: by the fast path when
 * the page is made only of the forms it knows (the same bytes, about 100 times sooner), by
 * remark otherwise. */
export function normalizeMarkdown(markdown: string): string {
  return fastNormalize(markdown, pageSerializer()) ?? normalizeWithRemark(markdown);
}
