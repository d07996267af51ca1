/**
 * `events/<key>.md`: one event — title, key, category, description, since, how a bare delivery
 * names it (header and action), deprecation with a link to the replacement, the payload as a
 * field table, and examples as whole deliveries (the naming header, then the JSON body).
 */
import { findEvent, itemForm } from '../../model/query.js';
import type { EventType } from '../../model/types.js';
import { exampleDelivery } from '../delivery-example.js';
import { oneLine } from './escape.js';
import { baseLinks, fieldRows, type TableContext } from './field-table.js';
import { refName } from './schema-shape.js';
import { eventPagePath, LINKS, PAGE_ORDER, plainText, type PageContext, type PageView } from './page.js';

/** How a bare event is told apart: the header naming it and, with an action field, its action. */
function deliveredAs(ctx: PageContext, event: EventType): { header: string; name: string; action: string | null; value: string | null } | null {
  const { typeHeader, actionField } = ctx.catalog.envelope;
  if (itemForm(ctx.catalog) !== 'bare' || typeHeader === undefined) return null;
  const action = event.deliveredAs.action;
  return {
    header: typeHeader,
    name: event.deliveredAs.name,
    action: action === undefined || actionField === undefined ? null : actionField,
    value: action ?? null,
  };
}

export function eventPage(ctx: PageContext, event: EventType, index: number): PageView {
  const { catalog, text } = ctx;
  const own = `events/${event.key}`;
  const category = catalog.categories.find((c) => c.id === event.category);
  const group = category?.groups.find((g) => g.id === event.group);
  const title = text.pick(event.title, `${own}/title`);
  const description = text.description(event.description, `${own}/description`);
  const deprecation = event.deprecated;
  const replacement = deprecation?.replacement === undefined ? undefined : findEvent(catalog, deprecation.replacement);
  const table: TableContext = { shared: ctx.shared, text, label: `${own}/payload`, schemaUrl: LINKS.fromEvent.schema };
  const schemaName = refName(event.payload, ctx.shared);
  const shared = schemaName === undefined ? undefined : catalog.schemas.find((s) => s.name === schemaName);
  const view = {
    links: LINKS.fromEvent,
    event: {
      key: event.key,
      title,
      description,
      since: event.since ?? null,
      tags: event.tags,
      category: category === undefined ? null : { title: text.pick(category.title, `categories/${category.id}/title`) },
      group: category === undefined || group === undefined ? null : { title: text.pick(group.title, `categories/${category.id}/groups/${group.id}/title`) },
    },
    deprecation:
      deprecation === undefined
        ? null
        : {
            since: deprecation.since ?? null,
            reason: text.pickOptional(deprecation.reason, `${own}/deprecation`) ?? null,
            replacement:
              replacement === undefined
                ? null
                : { key: replacement.key, url: LINKS.fromEvent.event(replacement.key), title: text.pick(replacement.title, `events/${replacement.key}/title`) },
          },
    payload: {
      schema:
        schemaName === undefined
          ? null
          : {
              name: schemaName,
              url: LINKS.fromEvent.schema(schemaName),
              // The named schema's description, else the schema's own, as on the schema's page (the
              // loader leaves `NamedSchema.description` unset: the text is in the schema).
              description:
                shared === undefined
                  ? null
                  : (text.optionalDescription(shared.description, `schemas/${schemaName}/description`) ??
                    text.pickSchema(shared.schema, 'description', `schemas/${schemaName}/description`) ??
                    null),
            },
      // A payload that is a shared schema shows that schema's own fields (the schemas they use are links).
      // Shared schemas whose fields the payload has besides its own (`allOf`).
      bases: baseLinks(shared?.schema ?? event.payload, table),
      rows: fieldRows(shared?.schema ?? event.payload, table),
    },
    delivery: deliveredAs(ctx, event),
    examples: event.examples.map((example) => {
      const delivery = exampleDelivery(catalog, event, example);
      const headers = Object.entries(delivery.headers).map(([name, value]) => `${name}: ${value}`);
      return {
        name: example.name,
        summary: text.pickOptional(example.summary, `${own}/examples/${example.name}`) ?? null,
        headers: headers.length === 0 ? null : headers.join('\n'),
        body: delivery.body,
      };
    }),
  };
  const extra: { [key: string]: string | boolean } = { event: event.key, category: event.category };
  // For the docs site's sidebar, which groups event pages by category.
  if (category !== undefined) extra['category_title'] = oneLine(text.pick(category.title, `categories/${category.id}/title`).text);
  if (deprecation !== undefined) extra['deprecated'] = true;
  return {
    path: eventPagePath(event.key),
    template: 'event',
    title: oneLine(title.text),
    description: plainText(ctx, description.text),
    order: PAGE_ORDER.firstEvent + index,
    extra,
    view,
  };
}
