/** What the generated types say about an event, in the catalog's source locale. */
import { textIn } from '../../model/query.js';
import type { Catalog, EventType } from '../../model/types.js';
import { keyFileName } from '../../names/file-names.js';
import { docLines, type DocLines, type DocTag } from './doc-comment.js';
import type { TypeNames } from './naming.js';

/** Full doc comment of an event's payload type: title, description, the key, and tags. */
export function eventDoc(catalog: Catalog, event: EventType, names: TypeNames): DocLines {
  return docLines({
    paragraphs: [textIn(event.title, catalog.sourceLocale), textIn(event.description, catalog.sourceLocale), `Payload of \`${event.key}\` events.`],
    tags: eventTags(catalog, event, names),
  });
}

/** Short doc comment for an event's entry in a map: title and the deprecation, if any. */
export function eventSummaryDoc(catalog: Catalog, event: EventType, names: TypeNames): DocLines {
  return docLines({
    paragraphs: [textIn(event.title, catalog.sourceLocale)],
    tags: eventTags(catalog, event, names).filter((tag) => tag.name === 'deprecated'),
  });
}

/** `@since`, `@deprecated` (since, reason, replacement) and `@see` (the event's docs page). */
function eventTags(catalog: Catalog, event: EventType, names: TypeNames): DocTag[] {
  const tags: DocTag[] = [];
  if (event.since !== undefined) tags.push({ name: 'since', text: event.since });
  const deprecated = event.deprecated;
  if (deprecated !== undefined) {
    const replacement = deprecated.replacement;
    const replacementType = replacement === undefined ? undefined : names.payloads.get(replacement);
    const text = [
      deprecated.since === undefined ? undefined : `Since ${deprecated.since}.`,
      deprecated.reason === undefined ? undefined : textIn(deprecated.reason, catalog.sourceLocale),
      replacement === undefined ? undefined : `Use \`${replacement}\`${replacementType === undefined ? '' : ` ({@link ${replacementType}})`} instead.`,
    ];
    tags.push({ name: 'deprecated', text: text.filter((part) => part !== undefined && part !== '').join(' ') });
  }
  if (catalog.docsUrl !== undefined) tags.push({ name: 'see', text: eventPageUrl(catalog.docsUrl, catalog.sourceLocale, event.key) });
  return tags;
}

/** `<docsUrl>/<locale>/events/<key>`: where the docs emitter publishes the event's page, the key
 * in its file-name form (`orders/create` -> `orders~create`; locale and name are percent-encoded,
 * which leaves valid locales and file names unchanged). */
export function eventPageUrl(docsUrl: string, locale: string, key: string): string {
  return `${docsUrl.replace(/\/+$/, '')}/${encodeURIComponent(locale)}/events/${encodeURIComponent(keyFileName(key))}`;
}
