/**
 * A catalog example as it is delivered, in the catalog's delivery shape: the payload in its
 * envelope (or bare, or as the one item of a batch), with the header that names a bare event,
 * and with envelope values (ids, timestamps) made up deterministically from the example, so
 * output is stable. Made-up values satisfy their schemas: see `sample-value.ts`, and the check
 * that asks for an `examples` value where a schema has constraints no value can be made for.
 */
import { itemForm } from '../model/query.js';
import type { Catalog, EventType, Example, JsonSchema, JsonValue } from '../model/types.js';
import { setOwn, type JsonObject } from './json-schema/json-object.js';
import { sampleValue } from './sample-value.js';

export { EXAMPLE_TIME, uuidFrom } from './sample-value.js';

/** What a receiver gets for one example: the headers that name the event, and the body. */
export interface ExampleDelivery {
  readonly headers: { readonly [name: string]: string };
  readonly body: JsonValue;
}

/** The delivery of `example` of `event`: headers and body. */
export function exampleDelivery(catalog: Catalog, event: EventType, example: Example): ExampleDelivery {
  const seed = `${catalog.id}/${event.key}/${example.name}`;
  const { typeHeader } = catalog.envelope;
  const headers: Record<string, string> = {};
  if (itemForm(catalog) === 'bare' && typeHeader !== undefined) headers[typeHeader] = event.deliveredAs.name;
  return { headers, body: inBatch(catalog, deliveredEvent(catalog, event, example, seed), seed) };
}

/** The delivered body for `example`. */
export function deliveryBody(catalog: Catalog, event: EventType, example: Example): JsonValue {
  return exampleDelivery(catalog, event, example).body;
}

/** One event as delivered: the bare payload, or type field, other envelope fields and the payload. */
function deliveredEvent(catalog: Catalog, event: EventType, example: Example, seed: string): JsonValue {
  if (itemForm(catalog) === 'bare') return example.payload;
  const { typeField, dataField, properties } = catalog.envelope;
  const body: JsonObject = {};
  setOwn(body, typeField, event.key);
  sampleFields(catalog, properties, [typeField, ...(dataField === undefined ? [] : [dataField])], body, seed);
  if (dataField !== undefined) setOwn(body, dataField, example.payload);
  else if (example.payload !== null && typeof example.payload === 'object' && !Array.isArray(example.payload)) {
    for (const [name, value] of Object.entries(example.payload)) setOwn(body, name, value);
  }
  return body;
}

/** A batch of one: the body's own fields, then the list holding `item`. Other shapes: `item`. */
function inBatch(catalog: Catalog, item: JsonValue, seed: string): JsonValue {
  const batch = catalog.envelope.batch;
  if (catalog.envelope.shape !== 'batch' || batch === undefined) return item;
  if (batch.field === undefined) return [item];
  const body: JsonObject = {};
  sampleFields(catalog, batch.properties, [batch.field], body, `${seed}/batch`);
  setOwn(body, batch.field, [item]);
  return body;
}

/** Sets a made-up value for each field of `properties` but those in `skip`. */
function sampleFields(catalog: Catalog, properties: { readonly [name: string]: JsonSchema }, skip: readonly string[], into: JsonObject, seed: string): void {
  for (const [name, schema] of Object.entries(properties)) {
    if (skip.includes(name)) continue;
    const value = sampleValue(catalog, schema, `${seed}/${name}`);
    if (value !== undefined) setOwn(into, name, value);
  }
}
