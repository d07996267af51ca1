/**
 * Changed copies of a catalog as a reload in the same process makes them: a new `Catalog`
 * object whose unchanged events are the very same `EventType` objects, so emitters that keep
 * text per event (see `src/emit/json-schema/memo.ts`) are tested on what could go stale.
 */
import type { Catalog, EventType, Localized } from '../../src/model/types.js';

function edited(text: Localized): Localized {
  return Object.fromEntries(Object.entries(text).map(([locale, local]) => [locale, { ...local, text: `${local.text} (edited)` }]));
}

/** Catalog changes that leave it valid, each as a new catalog sharing the unchanged parts. */
export function catalogVariants(catalog: Catalog): { name: string; catalog: Catalog }[] {
  const { events, envelope } = catalog;
  const first = events[0];
  const last = catalog.categories.at(-1);
  const withEvents = (name: string, changed: readonly EventType[]) => ({ name, catalog: { ...catalog, events: changed } });
  const variants = [
    { name: 'the envelope requires less', catalog: { ...catalog, envelope: { ...envelope, required: [] } } },
    { name: 'another type field', catalog: { ...catalog, envelope: { ...envelope, typeField: 'eventType' } } },
    { name: 'no headers or responses', catalog: { ...catalog, envelope: { ...envelope, headers: [], responses: [] } } },
    {
      name: 'a new envelope property',
      catalog: {
        ...catalog,
        envelope: {
          ...envelope,
          properties: { ...envelope.properties, extra: { type: 'string', format: 'uuid', title: { [catalog.sourceLocale]: 'Extra', xx: 'Ekstra' } } },
        },
      },
    },
    { name: 'fewer locales', catalog: { ...catalog, locales: catalog.locales.slice(0, 1) } },
    { name: 'another source locale', catalog: { ...catalog, sourceLocale: catalog.locales.at(-1) ?? catalog.sourceLocale } },
    { name: 'another version and no docs URL', catalog: { ...catalog, version: `${catalog.version}.1`, docsUrl: undefined } },
    { name: 'another id', catalog: { ...catalog, id: `${catalog.id}x` } },
    { name: 'no subscription API', catalog: { ...catalog, subscriptions: undefined } },
    { name: 'categories without titles', catalog: { ...catalog, categories: catalog.categories.map((c) => ({ ...c, title: {} })) } },
    {
      name: 'a new shared schema first',
      catalog: { ...catalog, schemas: [{ name: 'AddedFirst', title: undefined, description: undefined, schema: { type: 'string' } }, ...catalog.schemas] },
    },
    { name: 'shared schemas reversed', catalog: { ...catalog, schemas: [...catalog.schemas].reverse() } },
    {
      name: 'a shared schema changed',
      catalog: { ...catalog, schemas: catalog.schemas.map((s, i) => (i === 0 ? { ...s, schema: { ...s.schema, default: null } } : s)) },
    },
    {
      name: 'NaN where null was',
      catalog: { ...catalog, schemas: catalog.schemas.map((s, i) => (i === 0 ? { ...s, schema: { ...s.schema, default: Number.NaN } } : s)) },
    },
    withEvents('events reversed', [...events].reverse()),
    withEvents('the first event dropped', events.slice(1)),
  ];
  if (first !== undefined) {
    variants.push(
      withEvents('the first event edited', [{ ...first, title: edited(first.title), deprecated: undefined }, ...events.slice(1)]),
      withEvents('names that collide', [...events, { ...first, key: `${first.key.replace(/\./g, '_')}_x` }, { ...first, key: first.key.replace(/\./g, '-') }]),
    );
    if (last !== undefined)
      variants.push(
        withEvents(
          'an event moved to the last category',
          events.map((e, i) => (i === 0 ? { ...e, category: last.id, group: last.groups[0]?.id } : e)),
        ),
      );
  }
  return variants;
}
