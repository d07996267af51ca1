/**
 * The subscription-management API as OpenAPI `paths` (§4.8.8): the collection at `<path>`
 * (list, create), one subscription at `<path>/{<idParameter>}` (get, update, delete) and
 * `<path>/{<idParameter>}/test` (send a test event). Only the operations the catalog offers
 * appear, in the catalog's order. The path's own parameters (`/repos/{owner}/{repo}/hooks`) and
 * the id (a string or an integer) are Parameter Objects (§4.8.12) of each Path Item.
 */
import type { Catalog, SubscriptionApi, SubscriptionOperation, SubscriptionOperationName } from '../../model/types.js';
import { SUBSCRIPTION_OPERATION_IDS } from '../../names/output-names.js';
import { setOwn, type JsonObject } from '../json-schema/json-object.js';
import { rewriteSchema, type SchemaPlace } from '../json-schema/rewrite-schema.js';
import { annotationsOf } from '../json-schema/translations.js';

export interface SubscriptionRefs {
  readonly resource: string;
  readonly create: string;
  readonly update: string;
  /** What create answers with: the resource, or the resource and the secret the provider made. */
  readonly created: string;
}

type Where = 'collection' | 'item' | 'test';

/** Where each operation lives, and its HTTP method. */
const ROUTES: { readonly [name in SubscriptionOperationName]: { where: Where; method: string } } = {
  list: { where: 'collection', method: 'get' },
  create: { where: 'collection', method: 'post' },
  get: { where: 'item', method: 'get' },
  update: { where: 'item', method: 'patch' },
  delete: { where: 'item', method: 'delete' },
  test: { where: 'test', method: 'post' },
};

/** The Paths Object; `operationIds` gives each operation's id (see `src/names/output-names.ts`),
 * `place` says where the parameters' schemas refer to shared schemas. */
export function subscriptionPaths(
  catalog: Catalog,
  api: SubscriptionApi,
  refs: SubscriptionRefs,
  tag: string,
  operationIds: ReadonlyMap<SubscriptionOperationName, string>,
  place: SchemaPlace,
): JsonObject {
  const pathParameters: JsonObject[] = api.pathParameters.map((p) => ({
    name: p.name,
    in: 'path',
    required: true,
    ...annotationsOf(catalog, { description: p.description }),
    schema: rewriteSchema(p.schema, place),
  }));
  const idParameter: JsonObject = { name: api.idParameter, in: 'path', required: true, schema: rewriteSchema(api.idSchema, place) };
  const items: { [where in Where]: JsonObject } = { collection: {}, item: {}, test: {} };
  for (const operation of api.operations) {
    const route = ROUTES[operation.name];
    const item = items[route.where];
    const parameters = route.where === 'collection' ? pathParameters : [...pathParameters, idParameter];
    if (parameters.length > 0) item['parameters'] = parameters;
    item[route.method] = {
      operationId: operationIds.get(operation.name) ?? SUBSCRIPTION_OPERATION_IDS[operation.name],
      ...annotationsOf(catalog, { summary: operation.summary, description: operation.description }),
      tags: [tag],
      ...exchange(operation, refs),
    };
  }
  const paths: JsonObject = {};
  const itemPath = `${api.path}/{${api.idParameter}}`;
  const pathOf: { [where in Where]: string } = { collection: api.path, item: itemPath, test: `${itemPath}/test` };
  for (const where of ['collection', 'item', 'test'] as const) {
    if (Object.keys(items[where]).length > 0) setOwn(paths, pathOf[where], items[where]);
  }
  return paths;
}

/** Request body and responses of one operation. Response descriptions are HTTP reason phrases. */
function exchange(operation: SubscriptionOperation, refs: SubscriptionRefs): JsonObject {
  const json = (ref: string): JsonObject => ({ 'application/json': { schema: { $ref: ref } } });
  switch (operation.name) {
    case 'list':
      return { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { $ref: refs.resource } } } } } } };
    case 'create':
      return {
        requestBody: { required: true, content: json(refs.create) },
        responses: { '201': { description: 'Created', content: json(refs.created) }, ...BAD_REQUEST },
      };
    case 'get':
      return { responses: { '200': { description: 'OK', content: json(refs.resource) }, ...NOT_FOUND } };
    case 'update':
      return {
        requestBody: { required: true, content: json(refs.update) },
        responses: { '200': { description: 'OK', content: json(refs.resource) }, ...BAD_REQUEST, ...NOT_FOUND },
      };
    case 'delete':
      return { responses: { '204': { description: 'No Content' }, ...NOT_FOUND } };
    case 'test':
      return { responses: { '202': { description: 'Accepted' }, ...NOT_FOUND } };
  }
}

/** A request the provider rejects: an invalid URL or e-mail address, an unknown event type, a short secret. */
const BAD_REQUEST: JsonObject = { '400': { description: 'Bad Request' } };
/** No subscription with that id. */
const NOT_FOUND: JsonObject = { '404': { description: 'Not Found' } };
