/**
 * Small catalogs for the JSON Schema emitter's tests, written as YAML (JSON) to a temporary
 * folder and loaded through the real loader, and the emitted files read back by their path
 * under `<catalog-id>/schemas/`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emitJsonSchemas } from '../../../src/emit/json-schema.js';
import type { Catalog } from '../../../src/model/types.js';
import { loadOrFail } from '../json-schema-catalogs.js';

// biome-ignore lint/suspicious/noExplicitAny: emitted JSON is walked freely in assertions
export type Json = Record<string, any>;

/** A catalog file with one category and one event `orders.create`; `over` replaces top-level parts. */
export function catalogDoc(over: Json = {}): Json {
  return {
    catalog: { id: 'shop', version: '1.0', locales: ['en', 'et'], sourceLocale: 'en', title: { en: 'Shop', et: 'Pood' } },
    categories: [{ id: 'orders', title: { en: 'Orders', et: 'Tellimused' }, description: { en: 'Orders.', et: 'Tellimused.' } }],
    events: [event('orders.create', { type: 'object', properties: { id: { type: 'string' } } })],
    ...over,
  };
}

/** An event of the `orders` category with `payload`. */
export function event(key: string, payload: Json): Json {
  return { key, category: 'orders', title: { en: 'Created', et: 'Loodud' }, description: { en: 'Created.', et: 'Loodi.' }, payload };
}

/** `doc` written as the catalog's one file and loaded; fails on any loader error. */
export async function writtenCatalog(doc: Json): Promise<Catalog> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hookcat-json-schema-'));
  try {
    await writeFile(path.join(folder, 'catalog.yaml'), JSON.stringify(doc));
    return await loadOrFail(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Every emitted file of `catalog`, parsed, by its path under `<catalog-id>/schemas/`. */
export function emitted(catalog: Catalog): Map<string, Json> {
  const prefix = `${catalog.id}/schemas/`;
  return new Map(emitJsonSchemas(catalog).map((file) => [file.path.slice(prefix.length), JSON.parse(file.contents) as Json]));
}
