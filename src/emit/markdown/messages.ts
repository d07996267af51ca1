/**
 * The fixed words of a page (table headings, labels, notices) come from per-locale message
 * files, so an Estonian page has no English words. A locale without a message file uses its
 * base language (`pt` for `pt-BR`), then English; the page says so in its front matter.
 */
import type { TemplateSet } from '../emitter.js';

/** The locale whose messages are used when a page's locale has none. */
export const DEFAULT_MESSAGES_LOCALE = 'en';

export interface PageMessages {
  /** The locale of the message file used (differs from the page's when it fell back). */
  readonly locale: string;
  /** `id` -> text, falling back to the default locale for ids the file lacks. */
  text(id: string): string;
  /** Ids that had to come from the default locale's file, in first-use order. */
  missing(): string[];
}

/** Which message file serves `locale`. */
export function messagesLocale(templates: TemplateSet, locale: string): string {
  const base = locale.split('-')[0] ?? locale;
  for (const candidate of [locale, base]) if (Object.hasOwn(templates.messages, candidate)) return candidate;
  return DEFAULT_MESSAGES_LOCALE;
}

/** Messages for one page in `locale`. An id no file has is a template error and throws. */
export function pageMessages(templates: TemplateSet, locale: string): PageMessages {
  const used = messagesLocale(templates, locale);
  const own = templates.messages[used] ?? {};
  const fallback = templates.messages[DEFAULT_MESSAGES_LOCALE] ?? {};
  const missing = new Set<string>();
  return {
    locale: used,
    text(id) {
      if (Object.hasOwn(own, id)) return own[id]!;
      if (Object.hasOwn(fallback, id)) {
        missing.add(id);
        return fallback[id]!;
      }
      throw new Error(`template message "${id}" is in no message file (looked in ${used} and ${DEFAULT_MESSAGES_LOCALE})`);
    },
    missing: () => [...missing],
  };
}

/** A piece of a formatted message: literal message text, or the value of a `{name}` slot. */
export type MessagePart = { readonly literal: string } | { readonly slot: string };

/** `Replaced by {event}.` -> literal and slot parts. */
export function messageParts(message: string): MessagePart[] {
  return message.split(/\{([A-Za-z][A-Za-z0-9_]*)\}/).map((piece, index) => (index % 2 === 1 ? { slot: piece } : { literal: piece }));
}
