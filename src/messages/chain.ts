/**
 * Which message files serve a page: those along its locale's fallback chain (`zh-Hant-TW` ->
 * `zh-Hant` -> `zh` -> the catalog's fallback locale -> its source locale), then English.
 */
import type { TemplateSet } from '../emit/emitter.js';
import { generalTags } from '../locale/tags.js';

/** The locale whose messages are used when no file of a page's chain has them (always shipped). */
export const DEFAULT_MESSAGES_LOCALE = 'en';

/** The message files that serve a page, in order: those of `chain` that exist, then English. */
export function messageChain(templates: TemplateSet, chain: readonly string[]): string[] {
  return [...new Set([...chain, DEFAULT_MESSAGES_LOCALE])].filter((locale) => Object.hasOwn(templates.messages, locale));
}

/** The file of `locale`'s own language that serves it (`zh-Hant` for `zh-Hant-TW`), if any:
 * without one, its pages borrow another language's words. */
export function ownMessagesLocale(templates: TemplateSet, locale: string): string | undefined {
  return generalTags(locale).find((tag) => Object.hasOwn(templates.messages, tag));
}
