/**
 * The OpenAPI 3.1.0 fragment of a catalog: `info`, category `tags`, the subscription API as
 * `paths`, every event under `webhooks`, and `components.schemas` holding shared, payload,
 * event and subscription schemas. See https://spec.openapis.org/oas/v3.1.0.
 */
import { namingInput, textIn } from '../../model/query.js';
import type { Catalog, JsonSchema } from '../../model/types.js';
import { payloadSchemaBody, sharedSchemaBody } from '../json-schema/catalog-schemas.js';
import { envelopeProperties, eventSchemaBody } from '../json-schema/event-schema.js';
import { deliveryBodySchema, propertyPointer } from '../json-schema/delivery-body.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { localizeSchema } from '../json-schema/rewrite-schema.js';
import { openApiSchema } from '../json-schema/standard-keywords.js';
import { schemaPlaces } from '../json-schema/schema-set.js';
import { generatedStamp } from '../json-schema/stamp.js';
import { annotationsOf } from '../json-schema/translations.js';
import { categoryTags } from './category-tags.js';
import { componentNames, componentRef, type ComponentNames } from './component-names.js';
import { deliveryHeaderParameters } from './delivery-headers.js';
import { operationIds } from '../../names/output-names.js';
import { uniqueNamer } from './naming.js';
import { receiverResponses } from './receiver-responses.js';
import { subscriptionPaths } from './subscription-paths.js';
import { subscriptionSchemas } from './subscription-schemas.js';
import { batchPathItem, webhookPathItem, type WebhookContext } from './webhook-operation.js';

export const OPENAPI_VERSION = '3.1.0';

/** The whole document, keys in a fixed order. */
export function openApiDocument(catalog: Catalog): JsonObject {
  const names = componentNames(catalog);
  const placeOf = schemaPlaces(catalog, names, componentRef);
  const uniqueTag = uniqueNamer('label');
  const operations = operationIds(namingInput(catalog));
  const { tags, tagOf } = categoryTags(catalog, uniqueTag);

  const headers = deliveryHeaderParameters(catalog);
  const responses = receiverResponses(catalog);
  const webhook: WebhookContext = { headerParameters: headers.refs, responses: responses.refs };
  const envelope = envelopeProperties(catalog);
  const webhooks: JsonObject = {};
  const eventSchemas: JsonObject = {};
  if (names.batch !== undefined && operations.batch !== undefined) {
    const batchName = names.batch;
    const batchRoot = componentRef(batchName);
    setOwn(webhooks, catalog.id, batchPathItem(catalog, { operationId: operations.batch, schemaRef: batchRoot }, webhook));
    const eventRefs = catalog.events.map((event) => componentRef(names.event(event.key)));
    setOwn(
      eventSchemas,
      batchName,
      deliveryBodySchema(catalog, eventRefs, (field) => ({ ...placeOf(batchName), root: propertyPointer(batchRoot, field) })),
    );
  }
  for (const event of catalog.events) {
    const payloadName = names.payload(event.key);
    const eventName = names.event(event.key);
    const operationId = operations.webhooks.get(event.key);
    if (operationId !== undefined) {
      const operation = { operationId, tag: tagOf.get(event.category) ?? uniqueTag(event.category), schemaRef: componentRef(eventName) };
      setOwn(webhooks, event.key, webhookPathItem(catalog, event, operation, webhook));
    }
    setOwn(eventSchemas, payloadName, payloadSchemaBody(event, placeOf(payloadName), localizeSchema(event.payload, catalog.sourceLocale)));
    setOwn(eventSchemas, eventName, eventSchemaBody(catalog, event, componentRef(payloadName), placeOf(eventName), envelope));
  }

  const document: JsonObject = { openapi: OPENAPI_VERSION, info: info(catalog), tags };
  const api = catalog.subscriptions;
  if (api !== undefined && names.subscription !== undefined) {
    const subscriptionTag = uniqueTag(textIn(api.title, catalog.sourceLocale) || 'subscriptions');
    tags.push({ name: subscriptionTag, ...descriptionOnly(catalog, api) });
    const created = names.subscription.created;
    const refs = {
      resource: componentRef(names.subscription.resource),
      create: componentRef(names.subscription.create),
      update: componentRef(names.subscription.update),
      created: componentRef(created ?? names.subscription.resource),
    };
    document['paths'] = subscriptionPaths(catalog, api, refs, subscriptionTag, operations.subscription, { ...placeOf(names.subscription.resource), root: '#' });
  }
  document['webhooks'] = webhooks;
  const schemas: JsonObject = {};
  for (const [name, schema] of Object.entries({ ...plainSchemas(catalog, names), ...eventSchemas })) setOwn(schemas, name, openApiSchema(schema as JsonSchema));
  const components: JsonObject = { schemas };
  if (headers.refs.length > 0) components['parameters'] = headers.components;
  components['responses'] = responses.components;
  document['components'] = components;
  return document;
}

function info(catalog: Catalog): JsonObject {
  const { title, ...rest } = annotationsOf(catalog, { title: catalog.title, description: catalog.description });
  return { title: title ?? catalog.id, version: catalog.version, ...rest, 'x-generated-by': generatedStamp(catalog) };
}

function descriptionOnly(catalog: Catalog, api: NonNullable<Catalog['subscriptions']>): JsonObject {
  const { title: _title, ...rest } = annotationsOf(catalog, { title: api.title, description: api.description });
  return rest;
}

/** The subscription resources, then the shared schemas. */
function plainSchemas(catalog: Catalog, names: ComponentNames): JsonObject {
  const schemas: JsonObject = {};
  const placeOf = schemaPlaces(catalog, names, componentRef);
  const api = catalog.subscriptions;
  if (api !== undefined && names.subscription !== undefined) {
    const subscription = names.subscription;
    const made = subscriptionSchemas(catalog, api, (which) => placeOf(subscription[which] ?? subscription.resource), componentRef(subscription.resource));
    for (const which of ['resource', 'create', 'update', 'created'] as const) {
      const name = subscription[which];
      const schema = made[which];
      if (name !== undefined && schema !== undefined) setOwn(schemas, name, schema);
    }
  }
  for (const named of catalog.schemas) {
    const name = names.shared(named.name);
    setOwn(schemas, name, sharedSchemaBody(catalog, named, placeOf(name)));
  }
  return schemas;
}
