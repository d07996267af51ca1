/**
 * The whole OpenAPI document of small written catalogs: which top-level parts a catalog gets
 * (no `paths` without a subscription API, one webhook per event unless deliveries are batches),
 * shared refs in path parameters, and the subscription schemas under `components.schemas`.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { catalogDoc, event, type Json, writtenCatalog } from '../json-schema/written-catalog.js';

const SUBSCRIPTIONS: Json = { title: { en: 'Hooks', et: 'Konksud' }, description: { en: 'Hooks.', et: 'Konksud.' }, path: '/hooks' };

async function documentOf(over: Json): Promise<Json> {
  return openApiDocument(await writtenCatalog(catalogDoc(over))) as Json;
}

describe('the OpenAPI document', () => {
  it('has no paths without a subscription API, and one webhook per event', async () => {
    const doc = await documentOf({ events: [event('orders.create', { type: 'object' }), event('orders.paid', { type: 'object' })] });
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'tags', 'webhooks', 'components']);
    expect(Object.keys(doc['webhooks'])).toEqual(['orders.create', 'orders.paid']);
    expect(doc['tags'].map((tag: Json) => tag['name'])).toEqual(['Orders']);
  });

  it('points a path parameter’s shared ref at components.schemas, and stays valid OpenAPI', async () => {
    const owner = { name: 'owner', description: { en: 'The owner.', et: 'Omanik.' }, schema: { $ref: '#/schemas/Owner' } };
    const doc = await documentOf({
      schemas: { Owner: { type: 'string', minLength: 2 } },
      subscriptions: { ...SUBSCRIPTIONS, path: '/owners/{owner}/hooks', pathParameters: [owner] },
    });
    const parameters = doc['paths']['/owners/{owner}/hooks']['parameters'];
    expect(parameters[0]).toMatchObject({ name: 'owner', in: 'path', required: true, schema: { $ref: '#/components/schemas/Owner' } });
    expect(doc['components']['schemas']['Owner']).toMatchObject({ type: 'string', minLength: 2 });
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
  });

  it('lists the subscription schemas, without a Created one when the resource carries the secret', async () => {
    const doc = await documentOf({ subscriptions: { ...SUBSCRIPTIONS, secret: { description: { en: 'Signs.', et: 'Allkiri.' }, generatedBy: 'provider' } } });
    expect(Object.keys(doc['components']['schemas'])).toEqual([
      'WebhookSubscription',
      'WebhookSubscriptionCreate',
      'WebhookSubscriptionUpdate',
      'OrdersCreatePayload',
      'OrdersCreateEvent',
    ]);
  });

  it("points a discriminator's mapping at the components, as it does $refs (names made PascalCase)", async () => {
    const pet = {
      oneOf: [{ $ref: '#/schemas/house-cat' }, { $ref: '#/schemas/dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/schemas/house-cat', dog: '#/schemas/dog' } },
    };
    const doc = await documentOf({
      schemas: { 'house-cat': { type: 'object', properties: { kind: { const: 'cat' } } }, dog: { type: 'object', properties: { kind: { const: 'dog' } } } },
      events: [event('orders.create', pet)],
    });
    const payload = Object.values(doc['components']['schemas'] as Json).find((schema) => schema['discriminator'] !== undefined);
    const components = Object.keys(doc['components']['schemas']);
    expect(payload['oneOf'].map((ref: Json) => ref['$ref'])).toEqual(Object.values(payload['discriminator']['mapping']));
    for (const target of Object.values(payload['discriminator']['mapping']) as string[])
      expect(components).toContain(target.replace('#/components/schemas/', ''));
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
  });

  it("keeps a mapping value that is no shared schema's reference as written: a component reference or a bare name", async () => {
    const pet = { oneOf: [{ $ref: '#/schemas/dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } };
    const doc = await documentOf({ schemas: { dog: { type: 'object' } }, events: [event('orders.create', pet)] });
    const payload = Object.values(doc['components']['schemas'] as Json).find((schema) => schema['discriminator'] !== undefined);
    expect(payload['discriminator']).toEqual({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } });
  });

  it('gives a discriminator without a mapping an entry for each shared schema published under another name', async () => {
    const pet = { anyOf: [{ $ref: '#/schemas/house-cat' }, { $ref: '#/schemas/Dog' }], discriminator: { propertyName: 'kind' } };
    const doc = await documentOf({ schemas: { 'house-cat': { type: 'object' }, Dog: { type: 'object' } }, events: [event('orders.create', pet)] });
    const payload = Object.values(doc['components']['schemas'] as Json).find((schema) => schema['discriminator'] !== undefined);
    // `Dog` keeps its name, so its value needs no entry; `house-cat` is published as `HouseCat`.
    expect(payload['discriminator']).toEqual({ propertyName: 'kind', mapping: { 'house-cat': '#/components/schemas/HouseCat' } });
    expect(Object.keys(doc['components']['schemas'])).toContain('HouseCat');
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
  });
});
