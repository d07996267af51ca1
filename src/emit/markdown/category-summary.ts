/** Events per category and the total, computed from the catalog (never copied from a source page). */
import { eventsIn } from '../../model/query.js';
import type { LocalText } from '../../model/types.js';
import type { PageContext } from './page.js';

export interface CategoryCount {
  readonly id: string;
  readonly title: LocalText;
  readonly count: number;
}

export interface CategorySummary {
  readonly categories: readonly CategoryCount[];
  readonly total: number;
}

export function categorySummary(ctx: PageContext): CategorySummary {
  const categories = ctx.catalog.categories.map((category) => ({
    id: category.id,
    title: ctx.text.pick(category.title, `categories/${category.id}/title`),
    count: eventsIn(ctx.catalog, category).length,
  }));
  return { categories, total: ctx.catalog.events.length };
}
