/**
 * The fixed words of a page (table headings, labels, notices) come from per-locale message
 * files, so an Estonian page has no English words. A page's messages follow the same chain as
 * its texts (`zh-Hant-TW` -> `zh-Hant` -> `zh` -> the catalog's fallback locale -> its source
 * locale), then English: the first file of the chain serves the page, and an id it lacks comes
 * from the next file that has it. The page says so in its front matter.
 */
import type { TemplateSet } from '../emitter.js';
import { DEFAULT_MESSAGES_LOCALE, messageChain } from '../../messages/chain.js';

export { DEFAULT_MESSAGES_LOCALE } from '../../messages/chain.js';

export interface PageMessages {
  /** The locale of the message file used (differs from the page's when it fell back). */
  readonly locale: string;
  /** `id` -> text, from the first file along the chain that has it. */
  text(id: string): string;
  /** Ids that had to come from a later file of the chain, in first-use order. */
  missing(): string[];
}

/** Messages for one page whose texts follow `chain` (the page's locale first). An id no file
 * has is a template error and throws. */
export function pageMessages(templates: TemplateSet, chain: readonly string[]): PageMessages {
  const files = messageChain(templates, chain);
  const used = files[0] ?? DEFAULT_MESSAGES_LOCALE;
  const missing = new Set<string>();
  return {
    locale: used,
    text(id) {
      for (const locale of files) {
        const messages = templates.messages[locale]!;
        if (!Object.hasOwn(messages, id)) continue;
        if (locale !== used) missing.add(id);
        return messages[id]!;
      }
      throw new Error(`template message "${id}" is in no message file (looked in ${files.join(', ') || 'none'})`);
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
