/** Markdown pieces of the pages the site adds to the generated ones (home and downloads pages). */
import { frontMatter } from '../emit/markdown/front-matter.js';
import { literal } from '../emit/markdown/escape.js';
import { messageParts } from '../emit/markdown/messages.js';

/** A message as markdown: its words escaped, each `{slot}` replaced by the markdown given for it. */
export function messageMarkdown(message: string, slots: { readonly [slot: string]: string }): string {
  return messageParts(message)
    .map((part) => ('literal' in part ? literal(part.literal) : Object.hasOwn(slots, part.slot) ? slots[part.slot]! : `{${part.slot}}`))
    .join('');
}

/** `[label](url)`: `label` is markdown already, `url` a relative link made of ids and keys. */
export function markdownLink(label: string, url: string): string {
  return `[${label}](${encodeURI(url)})`;
}

export interface SitePageHead {
  readonly title: string;
  readonly description: string;
  readonly catalog: string;
  readonly locale: string;
  readonly page: string;
  readonly order: number;
}

/** The front matter of a page the site adds, in the form of the generated pages'. */
export function sitePageHead(head: SitePageHead): string {
  return frontMatter({ ...head, catalogVersion: '', messagesLocale: undefined, fallbacks: [], extra: {} });
}
