/**
 * The YAML front matter of a page: what VitePress reads (`title`, `description`, sidebar
 * `order`), the stamp (`generated_by: hookcat`, no timestamp) and what fell back to the
 * source locale. Written by the `yaml` package, which quotes whatever needs quoting.
 */
import { stringify } from 'yaml';
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

/**
 * Text for a front matter value: one line, and no `</script`. VitePress embeds the page data
 * (front matter included) as JSON inside a `<script>` block of the page's Vue component,
 * where `</script>` would end the block and break the build; a zero-width space after `<`
 * keeps the text readable and the block whole.
 */
export function frontMatterText(text: string): string {
  return oneLine(text).replace(/<\/(script)/gi, '<\u200B/$1');
}

/** `---\n<yaml>---\n`, keys in a fixed order so the bytes are stable. */
export function frontMatter(fm: FrontMatter): string {
  const data: Record<string, JsonValue> = {
    title: frontMatterText(fm.title),
    description: frontMatterText(fm.description),
    generated_by: GENERATOR_STAMP,
    catalog: fm.catalog,
    catalog_version: fm.catalogVersion,
    locale: fm.locale,
    page: fm.page,
    order: fm.order,
    sidebar_position: fm.order,
  };
  for (const [key, value] of Object.entries(fm.extra)) {
    const safe = typeof value === 'string' ? frontMatterText(value) : value;
    Object.defineProperty(data, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  if (fm.messagesLocale !== undefined) data['messages_locale'] = fm.messagesLocale;
  if (fm.fallbacks.length > 0) data['fallbacks'] = [...fm.fallbacks];
  return `---\n${stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}---\n`;
}
