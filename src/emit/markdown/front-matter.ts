/**
 * The YAML front matter of a page: what VitePress reads (`title`, `description`, sidebar
 * `order`), the stamp (`generated_by: hookcat`, no timestamp) and what fell back to the
 * source locale. Written by the `yaml` package with every string double-quoted, so that YAML
 * 1.1 readers (js-yaml, gray-matter, which VitePress uses) read the same strings: a version
 * `2022-11-28` or a title `yes` stays a string.
 */
import { Document, isCollection } from 'yaml';
import type { JsonValue } from '../../model/types.js';
import { oneLine } from './escape.js';

export const GENERATOR_STAMP = 'hookcat';

export interface FrontMatter {
  readonly title: string;
  readonly description: string;
  readonly catalog: string;
  readonly catalogVersion: string;
  readonly locale: string;
  readonly page: string;
  readonly order: number;
  /** Locale of the messages used, when it is not the page's own. */
  readonly messagesLocale: string | undefined;
  readonly fallbacks: readonly string[];
  readonly extra: { readonly [key: string]: JsonValue };
}

/** Characters with a meaning in HTML, and the look-alikes that stand for them in front matter. */
const HTML_LOOKALIKES: { readonly [char: string]: string } = { '<': '\u2039', '>': '\u203A', '"': '\u201D', '&': '\uFF06' };

/**
 * Text for a front matter value: one line, and nothing HTML reads as markup. VitePress puts
 * `title` and `description` into the page's `<head>` (the description unescaped, in
 * `<meta content="...">`), and sets them again as plain DOM text after navigation (where an
 * HTML-escaped value would show its entities). No value is right in both, unless it holds no
 * `<`, `>`, `"` and no `&` that could start a character reference: those are written as
 * look-alikes (`‹ › ” ＆`). The page body shows the exact text.
 */
export function frontMatterText(text: string): string {
  return oneLine(text).replace(/[<>"]|&(?=[#A-Za-z0-9])/g, (char) => HTML_LOOKALIKES[char] ?? char);
}

/** `---\n<yaml>---\n`, keys in a fixed order so the bytes are stable. */
export function frontMatter(fm: FrontMatter): string {
  const title = frontMatterText(fm.title);
  const description = frontMatterText(fm.description);
  const data: Record<string, JsonValue> = {
    title,
    description,
    // Open Graph tags for the docs site (VitePress writes front matter `head` into the page's <head>).
    head: [['meta', { property: 'og:title', content: title }], ...(description === '' ? [] : [['meta', { property: 'og:description', content: description }]])],
    generated_by: GENERATOR_STAMP,
    catalog: frontMatterText(fm.catalog),
    catalog_version: frontMatterText(fm.catalogVersion),
    locale: frontMatterText(fm.locale),
    page: fm.page,
    order: fm.order,
    sidebar_position: fm.order,
  };
  for (const [key, value] of Object.entries(fm.extra)) {
    const safe = typeof value === 'string' ? frontMatterText(value) : value;
    Object.defineProperty(data, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  if (fm.messagesLocale !== undefined) data['messages_locale'] = frontMatterText(fm.messagesLocale);
  if (fm.fallbacks.length > 0) data['fallbacks'] = fm.fallbacks.map(frontMatterText);
  const doc = new Document(data);
  const head = doc.get('head', true);
  if (isCollection(head)) head.flow = true;
  return `---\n${doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n`;
}
