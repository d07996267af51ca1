/**
 * `events.md`: every event, grouped by category and subgroup in catalog order, one table
 * (title | key | description) per subgroup, then the count per category and the total.
 */
import { eventsIn } from '../../model/query.js';
import type { EventType } from '../../model/types.js';
import { categorySummary } from './category-summary.js';
import { oneLine } from './escape.js';
import { LINKS, PAGE_ORDER, type PageContext, type PageView } from './page.js';

function eventRow(ctx: PageContext, event: EventType) {
  return {
    key: event.key,
    url: LINKS.fromTop.event(event.key),
    title: ctx.text.pick(event.title, `events/${event.key}/title`),
    description: ctx.text.description(event.description, `events/${event.key}/description`),
    deprecated: event.deprecated !== undefined,
  };
}

export function eventsPage(ctx: PageContext): PageView {
  const { catalog, text } = ctx;
  const catalogTitle = text.pick(catalog.title, 'catalog/title');
  const categories = catalog.categories.map((category) => {
    const events = eventsIn(catalog, category);
    return {
      id: category.id,
      title: text.pick(category.title, `categories/${category.id}/title`),
      description: text.description(category.description, `categories/${category.id}/description`),
      count: events.length,
      // Events outside any subgroup come first, in a table of their own.
      events: events.filter((e) => e.group === undefined || !category.groups.some((g) => g.id === e.group)).map((e) => eventRow(ctx, e)),
      groups: category.groups.map((group) => ({
        id: group.id,
        title: text.pick(group.title, `categories/${category.id}/groups/${group.id}/title`),
        description: text.description(group.description, `categories/${category.id}/groups/${group.id}/description`),
        events: eventsIn(catalog, category, group).map((e) => eventRow(ctx, e)),
      })),
    };
  });
  const title = ctx.messages.text('eventsPageTitle');
  return {
    path: 'events.md',
    template: 'events',
    title: oneLine(title),
    description: oneLine(catalogTitle.text),
    order: PAGE_ORDER.events,
    extra: {},
    view: {
      catalog: { title: catalogTitle, description: text.description(catalog.description, 'catalog/description'), version: catalog.version },
      links: LINKS.fromTop,
      categories,
      summary: categorySummary(ctx),
    },
  };
}
