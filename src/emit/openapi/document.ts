/**
 * The OpenAPI 3.1.0 fragment of a catalog: `info`, category `tags`, the subscription API as
 * `paths`, every event under `webhooks`, and `components.schemas` holding shared, payload,
 * event and subscription schemas. See https://spec.openapis.org/oas/v3.1.0.
 */
import { textIn } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import type { JsonObject } from '../json-schema/json-object.js';
import { sharedSchemaBody } from '../json-schema/catalog-schemas.js';
import { schemaPlaces } from '../json-schema/schema-set.js';
import { generatedStamp } from '../json-schema/stamp.js';
import { annotationsOf } from '../json-schema/translations.js';
import { categoryTags } from './category-tags.js';
import { componentNames, componentRef, type ComponentNames } from './component-names.js';
import { deliveryHeaderParameters } from './delivery-headers.js';
import type { DocumentMap, DocumentMember } from './document-text.js';
import { eventOpenApiTexts, openApiTextContext } from './event-texts.js';
import { camelCase, uniqueNamer } from './naming.js';
import { receiverResponses } from './receiver-responses.js';
import { subscriptionPaths } from './subscription-paths.js';
import { subscriptionSchemas } from './subscription-schemas.js';

export const OPENAPI_VERSION = '3.1.0';

/** The whole document, keys in a fixed order; per-event members come written (see `event-texts.ts`). */
export function openApiDocument(catalog: Catalog): DocumentMap {
  const names = componentNames(catalog);
  const placeOf = schemaPlaces(catalog, names, componentRef);
  const uniqueTag = uniqueNamer('label');
  const uniqueOperationId = uniqueNamer();
  const { tags, tagOf } = categoryTags(catalog, uniqueTag);

  const headers = deliveryHeaderParameters(catalog);
  const responses = receiverResponses(catalog);
  const sharedNames = catalog.schemas.map((named) => names.shared(named.name));
  const context = openApiTextContext(catalog, sharedNames, { headerParameters: headers.refs, responses: responses.refs }, placeOf);
  const webhooks: DocumentMember[] = [];
  const eventSchemas: DocumentMember[] = [];
  for (const event of catalog.events) {
    const eventNames = {
      operationId: uniqueOperationId(camelCase(event.key)),
      tag: tagOf.get(event.category) ?? uniqueTag(event.category),
      payload: names.payload(event.key),
      event: names.event(event.key),
    };
    const texts = eventOpenApiTexts(event, eventNames, context);
    webhooks.push({ key: event.key, written: texts.webhook });
    eventSchemas.push({ key: eventNames.payload, written: texts.payload }, { key: eventNames.event, written: texts.event });
  }

  const members: DocumentMember[] = [
    { key: 'openapi', value: OPENAPI_VERSION },
    { key: 'info', value: info(catalog) },
    { key: 'tags', value: tags },
  ];
  const api = catalog.subscriptions;
  if (api !== undefined && names.subscription !== undefined) {
    const subscriptionTag = uniqueTag(textIn(api.title, catalog.sourceLocale) || 'subscriptions');
    tags.push({ name: subscriptionTag, ...descriptionOnly(catalog, api) });
    const refs = {
      resource: componentRef(names.subscription.resource),
      create: componentRef(names.subscription.create),
      update: componentRef(names.subscription.update),
    };
    members.push({ key: 'paths', value: subscriptionPaths(catalog, api, refs, subscriptionTag, uniqueOperationId) });
  }
  members.push({ key: 'webhooks', map: { members: webhooks } });
  const components: DocumentMember[] = [{ key: 'schemas', map: { members: [...plainSchemas(catalog, names), ...eventSchemas] } }];
  if (headers.refs.length > 0) components.push({ key: 'parameters', value: headers.components });
  components.push({ key: 'responses', value: responses.components });
  members.push({ key: 'components', map: { members: components } });
  return { members };
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
function plainSchemas(catalog: Catalog, names: ComponentNames): DocumentMember[] {
  const members: DocumentMember[] = [];
  const placeOf = schemaPlaces(catalog, names, componentRef);
  const api = catalog.subscriptions;
  if (api !== undefined && names.subscription !== undefined) {
    const subscription = names.subscription;
    const { resource, create, update } = subscriptionSchemas(catalog, api, (which) => placeOf(subscription[which]));
    members.push({ key: subscription.resource, value: resource }, { key: subscription.create, value: create }, { key: subscription.update, value: update });
  }
  for (const named of catalog.schemas) {
    const name = names.shared(named.name);
    members.push({ key: name, value: sharedSchemaBody(catalog, named, placeOf(name)) });
  }
  return members;
}
