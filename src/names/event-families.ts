/**
 * Event families: the leading parts of keys, which a subscription API may accept to subscribe to
 * every event in them, written in the catalog's own key style: `issues` (or `issues.*`) for
 * `issues.opened` and `issues.closed`, `orders/*` for `orders/create`, `customer` and
 * `customer.subscription` for `customer.subscription.created`.
 */

/** How a family is written: its leading parts (`issues`), or those and `*` (`issues.*`). */
export type FamilyForm = 'prefix' | 'star';

/** Every family of `keys`, in the order of their first key, each once. */
export function eventFamilies(keys: readonly string[], form: FamilyForm): string[] {
  const families = new Set<string>();
  for (const key of keys) {
    for (const separator of key.matchAll(/[./:]/g)) {
      const prefix = key.slice(0, separator.index);
      families.add(form === 'prefix' ? prefix : `${prefix}${separator[0]}*`);
    }
  }
  return [...families];
}

/** The value that subscribes to every event. */
export const ALL_EVENTS = '*';
