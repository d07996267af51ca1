/**
 * What the module says about each event, written once per event object: its payload declaration
 * and its member of `EventPayloads`. The model keeps an event's object while its file is
 * unchanged, so regenerating after an edit writes only the edited file's events.
 */
import type { Catalog, EventType } from '../../model/types.js';
import { CatalogMemo } from './catalog-memo.js';
import { payloadDeclaration } from './declarations.js';
import { eventPayloadsMember } from './event-api.js';
import { writeStatements, type StatementText } from './module-text.js';
import type { TypeNames } from './naming.js';
import { declarationStatement, memberStatement } from './type-writer.js';

export interface EventTexts {
  /** The payload type's name and its replacement's: the texts depend on them. */
  readonly name: string;
  readonly replacementName: string | undefined;
  readonly declaration: StatementText;
  /** The event's member of `EventPayloads`, indented one level (see `interfaceText`). */
  readonly member: StatementText;
}

/**
 * Texts written by earlier calls, by event. Besides the event and the names kept with its texts,
 * they depend on what is the same for the whole catalog (source locale, docs URL, the shared
 * schemas' type names): the context; a new context starts a new map.
 */
const written = new CatalogMemo<WeakMap<EventType, EventTexts>>();

/** The texts of every event, in catalog order. */
export function eventTexts(catalog: Catalog, names: TypeNames): EventTexts[] {
  const context = JSON.stringify([catalog.sourceLocale, catalog.docsUrl ?? null, [...names.schemas]]);
  const events = written.get(catalog.id, context, () => new WeakMap());
  return catalog.events.map((event) => {
    const name = names.payloads.get(event.key)!;
    const replacement = event.deprecated?.replacement;
    const replacementName = replacement === undefined ? undefined : names.payloads.get(replacement);
    const known = events.get(event);
    if (known !== undefined && known.name === name && known.replacementName === replacementName) return known;
    const [member, declaration] = writeStatements([
      memberStatement(eventPayloadsMember(catalog, event, names)),
      declarationStatement(payloadDeclaration(catalog, event, names)),
    ]);
    const texts: EventTexts = { name, replacementName, declaration: declaration!, member: member! };
    events.set(event, texts);
    return texts;
  });
}
