/**
 * Where the translatable texts of a catalog file are: every value the catalog format types as
 * text (`#/$defs/text` in schema.json), and the `title`/`description` of payload schemas. Each
 * text gets a stable id built from names, not positions (`events/order.created/title`), so an
 * id survives reordering; array items are named by their `key`, `id`, `name`, `status` or
 * `version`.
 */

import { walkSchema } from '../../catalog/schema-walk.js';
import type { DataPath } from '../../catalog/source-file.js';

export type { DataPath };

export interface TextPlace {
  /** Stable id: segments joined with `/`, each escaped as in a JSON Pointer (`~0`, `~1`). */
  readonly id: string;
  /** Where the text stands in the file's data. */
  readonly path: DataPath;
  /** The text as written: a plain string (source locale) or a map from locale to text. */
  readonly value: unknown;
}

type Data = { readonly [key: string]: unknown };

function isMap(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' || (isMap(value) && Object.values(value).every((v) => typeof v === 'string') && Object.keys(value).length > 0);
}

const NAMING_FIELDS = ['key', 'id', 'name', 'status', 'version'];

function segmentOf(item: unknown, index: number, fallback: (i: number) => string): string {
  if (isMap(item)) for (const field of NAMING_FIELDS) if (typeof item[field] === 'string') return item[field] as string;
  return fallback(index);
}

function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Collects texts while walking one file. */
class Collector {
  readonly places: TextPlace[] = [];

  text(id: readonly (string | number)[], path: DataPath, value: unknown): void {
    if (value !== undefined && isText(value)) this.places.push({ id: id.map(escapeSegment).join('/'), path, value });
  }

  /** `fields` of `owner` (at `id`/`path`) that are texts. */
  fields(owner: unknown, id: readonly (string | number)[], path: DataPath, fields: readonly string[]): void {
    if (!isMap(owner)) return;
    for (const field of fields) this.text([...id, field], [...path, field], owner[field]);
  }

  /** Each item of the list `owner[field]`, named, with its text `fields`. */
  items(owner: unknown, field: string, id: readonly (string | number)[], path: DataPath, fields: readonly string[], fallback = (i: number) => String(i)): void {
    const list = isMap(owner) ? owner[field] : undefined;
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => this.fields(item, [...id, field, segmentOf(item, i, fallback)], [...path, field, i], fields));
  }

  /** `title`/`description` throughout a payload schema (every subschema, as the loader walks them). */
  schema(schema: unknown, id: readonly (string | number)[], path: DataPath): void {
    walkSchema(schema, path, (node, at) => {
      const where = at();
      this.fields(node, [...id, ...where.slice(path.length)], where, ['title', 'description']);
    });
  }
}

function catalogBlock(c: Collector, data: Data): void {
  const catalog = data['catalog'];
  c.fields(catalog, ['catalog'], ['catalog'], ['title', 'description']);
  c.items(catalog, 'versions', ['catalog'], ['catalog'], ['notes']);
}

function envelopeBlock(c: Collector, data: Data): void {
  const envelope = data['envelope'];
  if (!isMap(envelope)) return;
  c.fields(envelope, ['envelope'], ['envelope'], ['description', 'retries']);
  c.fields(envelope['signature'], ['envelope', 'signature'], ['envelope', 'signature'], ['description']);
  c.items(envelope, 'headers', ['envelope'], ['envelope'], ['description']);
  c.items(envelope, 'responses', ['envelope'], ['envelope'], ['description']);
  const properties = envelope['properties'];
  if (isMap(properties))
    for (const name of Object.keys(properties)) c.schema(properties[name], ['envelope', 'properties', name], ['envelope', 'properties', name]);
}

function subscriptionsBlock(c: Collector, data: Data): void {
  const api = data['subscriptions'];
  if (!isMap(api)) return;
  c.fields(api, ['subscriptions'], ['subscriptions'], ['title', 'description']);
  c.fields(api['secret'], ['subscriptions', 'secret'], ['subscriptions', 'secret'], ['description']);
  c.items(api, 'operations', ['subscriptions'], ['subscriptions'], ['summary', 'description']);
  c.items(api, 'fields', ['subscriptions'], ['subscriptions'], ['title', 'description']);
  c.items(api, 'pathParameters', ['subscriptions'], ['subscriptions'], ['description']);
  for (const list of ['fields', 'pathParameters']) {
    const items = api[list];
    if (!Array.isArray(items)) continue;
    items.forEach((f, i) =>
      c.schema(isMap(f) ? f['schema'] : undefined, ['subscriptions', list, segmentOf(f, i, String), 'schema'], ['subscriptions', list, i, 'schema']),
    );
  }
}

function categoriesBlock(c: Collector, data: Data): void {
  const categories = data['categories'];
  if (!Array.isArray(categories)) return;
  categories.forEach((category, i) => {
    const id = ['categories', segmentOf(category, i, String)];
    c.fields(category, id, ['categories', i], ['title', 'description']);
    c.items(category, 'groups', id, ['categories', i], ['title', 'description']);
  });
}

function eventsBlock(c: Collector, data: Data): void {
  const events = data['events'];
  if (!Array.isArray(events)) return;
  events.forEach((event, i) => {
    const id = ['events', segmentOf(event, i, String)];
    const path = ['events', i];
    c.fields(event, id, path, ['title', 'description']);
    c.items(event, 'examples', id, path, ['summary'], (n) => `example-${n + 1}`);
    if (isMap(event)) {
      c.fields(event['deprecated'], [...id, 'deprecated'], [...path, 'deprecated'], ['reason']);
      c.schema(event['payload'], [...id, 'payload'], [...path, 'payload']);
    }
  });
}

/** Every translatable text of one file's data, in file order of the blocks. */
export function textPlaces(data: unknown): TextPlace[] {
  const c = new Collector();
  if (!isMap(data)) return c.places;
  catalogBlock(c, data);
  envelopeBlock(c, data);
  subscriptionsBlock(c, data);
  categoriesBlock(c, data);
  const schemas = data['schemas'];
  if (isMap(schemas)) for (const name of Object.keys(schemas)) c.schema(schemas[name], ['schemas', name], ['schemas', name]);
  eventsBlock(c, data);
  return c.places;
}
