/**
 * One event as an OpenAPI 3.1 webhook (§4.8.1 `webhooks`): a `post` the provider sends to the
 * receiver, with the delivered envelope as the request body, the catalog's examples wrapped
 * in that envelope, the delivery headers, and the answers the receiver may give.
 */
import { itemForm } from '../../model/query.js';
import type { Catalog, EventType } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { annotationsOf } from '../json-schema/translations.js';
import { deliveryBody } from '../delivery-example.js';

/** What every webhook operation of a catalog shares, computed once. */
export interface WebhookContext {
  /** `$ref`s to the delivery header parameters. */
  readonly headerParameters: readonly JsonObject[];
  /** Status -> `$ref` of the receiver's possible answers. */
  readonly responses: JsonObject;
}

/** What is particular to this event's operation. */
export interface WebhookNames {
  readonly operationId: string;
  readonly tag: string;
  /** `$ref` of the event's envelope schema. */
  readonly schemaRef: string;
}

/** The Path Item (`{ post }`) for `event`. */
export function webhookPathItem(catalog: Catalog, event: EventType, names: WebhookNames, context: WebhookContext): JsonObject {
  const operation: JsonObject = {
    operationId: names.operationId,
    ...annotationsOf(catalog, { summary: event.title, description: event.description }),
    tags: [names.tag],
  };
  if (event.deprecated !== undefined) {
    operation['deprecated'] = true;
    operation['x-deprecation'] = deprecationOf(catalog, event);
  }
  if (event.since !== undefined) operation['x-since'] = event.since;
  const parameters = [...typeHeaderParameter(catalog, event), ...context.headerParameters];
  if (parameters.length > 0) operation['parameters'] = parameters;
  operation['requestBody'] = requestBody(catalog, event, names.schemaRef);
  operation['responses'] = context.responses;
  return { post: operation };
}

/** The header that names a bare event, fixed to the name this event is delivered under. */
function typeHeaderParameter(catalog: Catalog, event: EventType): JsonObject[] {
  const { typeHeader } = catalog.envelope;
  if (itemForm(catalog) !== 'bare' || typeHeader === undefined) return [];
  return [{ name: typeHeader, in: 'header', required: true, schema: { type: 'string', const: event.deliveredAs.name } }];
}

/** The Path Item of a batch delivery: one webhook whose body lists events of any type. */
export function batchPathItem(catalog: Catalog, names: Omit<WebhookNames, 'tag'>, context: WebhookContext): JsonObject {
  const batch = catalog.envelope.batch;
  const operation: JsonObject = {
    operationId: names.operationId,
    ...annotationsOf(catalog, { summary: catalog.title, description: batch?.description ?? catalog.envelope.description }),
  };
  if (context.headerParameters.length > 0) operation['parameters'] = [...context.headerParameters];
  const media: JsonObject = { schema: { $ref: names.schemaRef } };
  const examples: JsonObject = {};
  for (const event of catalog.events) {
    for (const example of event.examples) {
      const summary = example.summary === undefined ? {} : annotationsOf(catalog, { summary: example.summary });
      setOwn(examples, `${event.key}/${example.name}`, { ...summary, value: deliveryBody(catalog, event, example) });
    }
  }
  if (Object.keys(examples).length > 0) media['examples'] = examples;
  operation['requestBody'] = {
    ...annotationsOf(catalog, { description: catalog.envelope.description }),
    required: true,
    content: { 'application/json': media },
  };
  operation['responses'] = context.responses;
  return { post: operation };
}

function requestBody(catalog: Catalog, event: EventType, schemaRef: string): JsonObject {
  const media: JsonObject = { schema: { $ref: schemaRef } };
  if (event.examples.length > 0) {
    const examples: JsonObject = {};
    for (const example of event.examples) {
      const summary = example.summary === undefined ? {} : annotationsOf(catalog, { summary: example.summary });
      setOwn(examples, example.name, { ...summary, value: deliveryBody(catalog, event, example) });
    }
    media['examples'] = examples;
  }
  return {
    ...annotationsOf(catalog, { description: catalog.envelope.description }),
    required: true,
    content: { 'application/json': media },
  };
}

function deprecationOf(catalog: Catalog, event: EventType): JsonObject {
  const deprecation = event.deprecated;
  const out: JsonObject = {};
  if (deprecation?.since !== undefined) out['since'] = deprecation.since;
  if (deprecation?.reason !== undefined) Object.assign(out, annotationsOf(catalog, { reason: deprecation.reason }));
  if (deprecation?.replacement !== undefined) out['replacement'] = deprecation.replacement;
  return out;
}
