/** The catalog order of events: category order, then subgroup order, then order of declaration. */

interface Placed {
  readonly category: string;
  readonly group?: string | undefined;
}

interface Ordering {
  readonly id: string;
  readonly groups?: readonly { readonly id: string }[] | undefined;
}

/** `events` in catalog order (a stable sort; unknown categories last). */
export function inCatalogOrder<T>(events: readonly T[], placeOf: (event: T) => Placed, categories: readonly Ordering[]): T[] {
  const rank = new Map<string, number>();
  categories.forEach((c, i) => {
    rank.set(`${c.id}/`, i * 1000);
    (c.groups ?? []).forEach((g, j) => rank.set(`${c.id}/${g.id}`, i * 1000 + j + 1));
  });
  const ranks = events.map((e) => {
    const { category, group } = placeOf(e);
    return rank.get(`${category}/${group ?? ''}`) ?? Number.MAX_SAFE_INTEGER;
  });
  return events
    .map((_, i) => i)
    .sort((a, b) => ranks[a]! - ranks[b]! || a - b)
    .map((i) => events[i]!);
}
