/**
 * The subscription resource of the management API: `Subscription` (what the API returns),
 * `SubscriptionCreate` (what a client sends to create one) and `SubscriptionUpdate` (a partial
 * change). The subscribed `events` are an enum of exactly the catalog's event keys, in catalog
 * order; the signing secret is write-only and never returned, only whether it is set.
 * With one target kind its property is required; with both, neither is: an `anyOf` of
 * `required` lists would say "one of them", but turns openapi-typescript's type into `unknown`.
 */
import { TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { Catalog, SubscriptionApi } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { rewriteSchema, type SchemaPlace } from '../json-schema/rewrite-schema.js';
import { annotationsOf, mergeTranslations } from '../json-schema/translations.js';

/** Name of the read-only property telling whether a secret is set. */
export const SECRET_SET_PROPERTY = 'secretSet';

/** The three schemas, in the order resource, create, update. `placeOf` gives the rewrite place of each. */
export function subscriptionSchemas(catalog: Catalog, api: SubscriptionApi, placeOf: (which: 'resource' | 'create' | 'update') => SchemaPlace) {
  const target = targetProperties(api);
  const events = eventsProperty(catalog);
  const single = api.targets.length === 1 ? api.targets : [];
  const requiredFields = api.fields.filter((f) => f.required).map((f) => f.name);

  const resource: JsonObject = { type: 'object', ...annotationsOf(catalog, { title: api.title, description: api.description }) };
  const resourceProperties: JsonObject = {};
  setOwn(resourceProperties, api.idField, { type: 'string', readOnly: true });
  Object.assign(resourceProperties, target, { events });
  addFields(catalog, api, resourceProperties, placeOf('resource'));
  if (api.secret !== undefined) {
    resourceProperties[SECRET_SET_PROPERTY] = { type: 'boolean', readOnly: true, ...annotationsOf(catalog, { description: api.secret.description }) };
  }
  resource['required'] = [api.idField, ...single, 'events', ...requiredFields, ...(api.secret === undefined ? [] : [SECRET_SET_PROPERTY])];
  resource['properties'] = resourceProperties;

  const writable = (place: SchemaPlace): JsonObject => {
    const properties: JsonObject = { ...target, events };
    addFields(catalog, api, properties, place);
    if (api.secret !== undefined) properties['secret'] = secretProperty(catalog, api);
    return properties;
  };
  const create: JsonObject = {
    type: 'object',
    required: [...single, 'events', ...requiredFields, ...(api.secret === undefined ? [] : ['secret'])],
    properties: writable(placeOf('create')),
  };
  const update: JsonObject = { type: 'object', minProperties: 1, properties: writable(placeOf('update')) };
  return { resource, create, update };
}

function targetProperties(api: SubscriptionApi): JsonObject {
  const out: JsonObject = {};
  if (api.targets.includes('url')) out['url'] = { type: 'string', format: 'uri' };
  if (api.targets.includes('email')) out['email'] = { type: 'string', format: 'email' };
  return out;
}

function eventsProperty(catalog: Catalog): JsonObject {
  return { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: catalog.events.map((e) => e.key) } };
}

function addFields(catalog: Catalog, api: SubscriptionApi, properties: JsonObject, place: SchemaPlace): void {
  for (const field of api.fields) {
    const schema = rewriteSchema(field.schema, place);
    const annotations = annotationsOf(catalog, { title: field.title, description: field.description });
    const translations = mergeTranslations(annotations[TRANSLATIONS_KEYWORD], schema[TRANSLATIONS_KEYWORD]);
    const property: JsonObject = { ...schema, ...annotations };
    if (translations !== undefined) property[TRANSLATIONS_KEYWORD] = translations;
    setOwn(properties, field.name, property);
  }
}

function secretProperty(catalog: Catalog, api: SubscriptionApi): JsonObject {
  const secret: JsonObject = { type: 'string', writeOnly: true };
  if (api.secret?.minLength !== undefined) secret['minLength'] = api.secret.minLength;
  return { ...secret, ...(api.secret === undefined ? {} : annotationsOf(catalog, { description: api.secret.description })) };
}
