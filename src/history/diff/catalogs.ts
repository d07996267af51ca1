/** `hookcat diff`'s engine: two lists of catalog models in, classified changes out. */
import type { Catalog } from '../../model/types.js';
import type { Change } from './change.js';
import { diffEnvelope } from './envelope.js';
import { diffEvents } from './events.js';
import { ChangeList } from './report.js';
import { diffSubscriptions } from './subscriptions.js';

/**
 * Every change from `before` to `after`, catalogs matched by id. Order: catalogs by id; within
 * one, the envelope (properties, headers, signature), the subscription API, then the events
 * (those of the old version in its order, then the added ones in the new order).
 */
export function diffCatalogs(before: readonly Catalog[], after: readonly Catalog[]): Change[] {
  const ids = [...new Set([...before.map((c) => c.id), ...after.map((c) => c.id)])].sort();
  return ids.flatMap((id) => {
    const list = new ChangeList(id);
    const b = before.find((c) => c.id === id);
    const a = after.find((c) => c.id === id);
    if (b === undefined) list.add('catalog.added', 'catalog', '', `catalog \`${id}\` was added`);
    else if (a === undefined) list.add('catalog.removed', 'catalog', '', `catalog \`${id}\` was removed`);
    else {
      diffEnvelope(list, b, a);
      diffSubscriptions(list, b, a);
      diffEvents(list, b, a);
    }
    return list.changes;
  });
}
