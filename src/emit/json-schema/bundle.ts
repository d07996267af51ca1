/**
 * One self-contained schema for every delivery of a catalog: a `oneOf` over the delivered
 * events, each told apart by the `const` of its type field, with shared, payload and event
 * schemas under `$defs` so a validator needs only this file. Written from per-event text.
 */
import { bundleDef } from './bundle-defs.js';
import { sharedSchemaBody } from './catalog-schemas.js';
import type { EventSchemaTexts, SchemaTextContext } from './event-texts.js';
import { jsonArrayOf, jsonMember, jsonMemberOf, jsonObjectOf, type MemberText } from './json-text.js';
import { schemaFile } from './schema-files.js';
import { annotationsOf } from './translations.js';

/** The bundle file's text, given the texts of every event in catalog order. */
export function bundleText(context: SchemaTextContext, events: readonly EventSchemaTexts[]): string {
  const { catalog } = context;
  const head = { ...context.header(schemaFile.bundle), ...annotationsOf(catalog, { title: catalog.title, description: catalog.description }) };
  const members: MemberText[] = Object.entries(head).map(([key, value]) => [key, jsonMember(key, value, 0)]);
  if (events.length > 0)
    members.push([
      'oneOf',
      jsonMemberOf(
        'oneOf',
        jsonArrayOf(
          events.map((e) => e.oneOfItem),
          1,
        ),
        0,
      ),
    ]);
  else members.push(['not', jsonMember('not', {}, 0)]);
  members.push(['$defs', jsonMemberOf('$defs', jsonObjectOf(defs(context, events), 1), 0)]);
  return `${jsonObjectOf(members, 0)}\n`;
}

function defs(context: SchemaTextContext, events: readonly EventSchemaTexts[]): MemberText[] {
  const { catalog } = context;
  const members: MemberText[] = catalog.schemas.map((named) => {
    const name = bundleDef.shared(named.name);
    return [name, jsonMember(name, sharedSchemaBody(catalog, named, context.defPlace(name)), 1)];
  });
  catalog.events.forEach((event, i) => {
    const texts = events[i]!;
    members.push([bundleDef.payload(event.key), texts.payloadDef], [bundleDef.event(event.key), texts.eventDef]);
  });
  return members;
}
