/** Events added, removed, deprecated and replaced, and the changes to each payload. */
import type { Catalog, EventType } from '../../model/types.js';
import type { ChangeList } from './report.js';

function replacementText(event: EventType): string {
  const replacement = event.deprecated?.replacement;
  return replacement === undefined ? '' : `; use \`${replacement}\``;
}

/** Compares the events of two versions of one catalog, matched by key. */
export function diffEvents(list: ChangeList, before: Catalog, after: Catalog): void {
  const afterByKey = new Map(after.events.map((e) => [e.key, e]));
  const beforeKeys = new Set(before.events.map((e) => e.key));
  for (const old of before.events) {
    const now = afterByKey.get(old.key);
    if (now === undefined) {
      list.add('event.removed', old.key, '', `event \`${old.key}\` was removed`);
      continue;
    }
    diffDeprecation(list, old, now);
    if (bare(before) && bare(after)) diffDelivery(list, old, now);
    list.addSchema('payload', old.key, { schema: old.payload, shared: before.schemas }, { schema: now.payload, shared: after.schemas });
  }
  for (const event of after.events) {
    if (!beforeKeys.has(event.key)) list.add('event.added', event.key, '', `event \`${event.key}\` was added`);
  }
}

/** Whether events are named by a header (and an action) rather than by a field of an envelope. */
function bare(catalog: Catalog): boolean {
  const { shape, batch } = catalog.envelope;
  return shape === 'bare' || (shape === 'batch' && batch?.item === 'bare');
}

/** A bare event delivered under another header value or action: receivers built on the old
 * catalog route it nowhere (the catalog's own key and payload may be the same). */
function diffDelivery(list: ChangeList, old: EventType, now: EventType): void {
  const was = old.deliveredAs;
  const is = now.deliveredAs;
  if (was.name === is.name && was.action === is.action) return;
  const shown = (d: EventType['deliveredAs']): string => `\`${d.name}\`${d.action === undefined ? '' : ` with action \`${d.action}\``}`;
  list.add('event.delivery.changed', now.key, '', `event \`${now.key}\` is delivered as ${shown(is)}, no longer as ${shown(was)}`, {
    before: { name: was.name, action: was.action ?? null },
    after: { name: is.name, action: is.action ?? null },
  });
}

function diffDeprecation(list: ChangeList, old: EventType, now: EventType): void {
  if (old.deprecated === undefined && now.deprecated !== undefined) {
    list.add('event.deprecated', now.key, '', `event \`${now.key}\` is deprecated${replacementText(now)}`);
  }
  if (old.deprecated !== undefined && now.deprecated === undefined) list.add('event.undeprecated', now.key, '', `event \`${now.key}\` is no longer deprecated`);
  const replacement = now.deprecated?.replacement;
  if (replacement !== undefined && replacement !== old.deprecated?.replacement) {
    list.add('event.replaced', now.key, '', `event \`${now.key}\` is replaced by \`${replacement}\``, {
      before: old.deprecated?.replacement ?? null,
      after: replacement,
    });
  }
}
