/**
 * The subscription resource of the management API: `WebhookSubscription` (what the API returns),
 * `WebhookSubscriptionCreate` (what a client sends to create one), `WebhookSubscriptionUpdate` (a
 * partial change) and, when only the response to create carries the secret the provider made,
 * `WebhookSubscriptionCreated` (the resource and that secret). The id has the catalog's id schema
 * (a string or an integer). The events field (`events`, or the catalog's name for it) is an enum
 * of exactly the catalog's event keys in catalog order, then the event families the API accepts,
 * then `*` when it subscribes to every event. The signing secret is write-only when the user
 * makes it (responses tell only whether it is set), read-only when the provider does.
 * With one target kind its property is required; with both, neither is: an `anyOf` of
 * `required` lists would say "one of them", but turns openapi-typescript's type into `unknown`.
 */
import { subscribableEvents, TRANSLATIONS_KEYWORD } from '../../model/query.js';
import type { Catalog, SubscriptionApi } from '../../model/types.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { rewriteSchema, type SchemaPlace } from '../json-schema/rewrite-schema.js';
import { annotationsOf, mergeTranslations } from '../json-schema/translations.js';

/** Name of the read-only property telling whether a secret the user made is set. */
export const SECRET_SET_PROPERTY = 'secretSet';
/** Name of the secret's property. */
export const SECRET_PROPERTY = 'secret';

export type SubscriptionSchema = 'resource' | 'create' | 'update' | 'created';

/** The schemas, by kind (`created` only when the response to create differs from the resource).
 * `placeOf` gives the rewrite place of each; `resourceRef` is the `$ref` to the resource. */
export function subscriptionSchemas(
  catalog: Catalog,
  api: SubscriptionApi,
  placeOf: (which: SubscriptionSchema) => SchemaPlace,
  resourceRef: string,
): { [which in SubscriptionSchema]?: JsonObject } {
  const target = targetProperties(api);
  const events = eventsProperty(catalog, api);
  const single = api.targets.length === 1 ? api.targets : [];
  const requiredFields = api.fields.filter((f) => f.required).map((f) => f.name);
  const secret = api.secret;
  const userSecret = secret?.generatedBy === 'user';
  const providerSecret = secret?.generatedBy === 'provider';

  const resource: JsonObject = { type: 'object', ...annotationsOf(catalog, { title: api.title, description: api.description }) };
  const resourceProperties: JsonObject = {};
  setOwn(resourceProperties, api.idField, { ...rewriteSchema(api.idSchema, placeOf('resource')), readOnly: true });
  Object.assign(resourceProperties, target);
  setOwn(resourceProperties, api.eventsField, events);
  addFields(catalog, api, resourceProperties, placeOf('resource'));
  const secretFacts = secret === undefined ? {} : annotationsOf(catalog, { description: secret.description });
  if (userSecret) resourceProperties[SECRET_SET_PROPERTY] = { type: 'boolean', readOnly: true, ...secretFacts };
  const secretInResource = providerSecret && secret.returned === 'always';
  if (secretInResource) resourceProperties[SECRET_PROPERTY] = readableSecret(api, secretFacts);
  resource['required'] = [
    api.idField,
    ...single,
    api.eventsField,
    ...requiredFields,
    ...(userSecret ? [SECRET_SET_PROPERTY] : []),
    ...(secretInResource ? [SECRET_PROPERTY] : []),
  ];
  resource['properties'] = resourceProperties;

  const writable = (place: SchemaPlace): JsonObject => {
    const properties: JsonObject = { ...target };
    setOwn(properties, api.eventsField, events);
    addFields(catalog, api, properties, place);
    if (userSecret) properties[SECRET_PROPERTY] = writableSecret(api, secretFacts);
    return properties;
  };
  const create: JsonObject = {
    type: 'object',
    required: [...single, api.eventsField, ...requiredFields, ...(userSecret && secret.required ? [SECRET_PROPERTY] : [])],
    properties: writable(placeOf('create')),
  };
  const update: JsonObject = { type: 'object', minProperties: 1, properties: writable(placeOf('update')) };
  const schemas: { [which in SubscriptionSchema]?: JsonObject } = { resource, create, update };
  if (providerSecret && secret.returned === 'create') {
    schemas.created = {
      allOf: [{ $ref: resourceRef }, { type: 'object', required: [SECRET_PROPERTY], properties: { [SECRET_PROPERTY]: readableSecret(api, secretFacts) } }],
    };
  }
  return schemas;
}

function targetProperties(api: SubscriptionApi): JsonObject {
  const out: JsonObject = {};
  if (api.targets.includes('url')) out['url'] = { type: 'string', format: 'uri' };
  if (api.targets.includes('email')) out['email'] = { type: 'string', format: 'email' };
  return out;
}

function eventsProperty(catalog: Catalog, api: SubscriptionApi): JsonObject {
  return { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...subscribableEvents(catalog, api).values] } };
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

/** A secret the user makes: sent, never returned. */
function writableSecret(api: SubscriptionApi, facts: JsonObject): JsonObject {
  const secret: JsonObject = { type: 'string', writeOnly: true };
  if (api.secret?.minLength !== undefined) secret['minLength'] = api.secret.minLength;
  return { ...secret, ...facts };
}

/** A secret the provider makes: returned, never sent. */
function readableSecret(api: SubscriptionApi, facts: JsonObject): JsonObject {
  const secret: JsonObject = { type: 'string', readOnly: true };
  if (api.secret?.minLength !== undefined) secret['minLength'] = api.secret.minLength;
  return { ...secret, ...facts };
}
