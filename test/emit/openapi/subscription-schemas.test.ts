/** `subscriptionSchemas` makes a separate `created` schema only when the provider's secret is
 * returned by create alone; a secret returned always is part of the resource. */
import { describe, expect, it } from 'vitest';
import { subscriptionSchemas } from '../../../src/emit/openapi/subscription-schemas.js';
import type { SchemaPlace } from '../../../src/emit/json-schema/rewrite-schema.js';
import { catalogDoc, writtenCatalog } from '../json-schema/written-catalog.js';

const RESOURCE_REF = '#/components/schemas/WebhookSubscription';

async function schemasWithSecretReturned(returned: 'always' | 'create') {
  const secret = { description: { en: 'Signs.', et: 'Allkiri.' }, generatedBy: 'provider', returned };
  const catalog = await writtenCatalog(catalogDoc({ subscriptions: { title: 'Hooks', description: 'Hooks.', path: '/hooks', secret } }));
  const place = (): SchemaPlace => ({ sharedRef: (name) => `#/components/schemas/${name}`, root: RESOURCE_REF, sourceLocale: 'en' });
  return subscriptionSchemas(catalog, catalog.subscriptions!, place, RESOURCE_REF);
}

describe('subscriptionSchemas', () => {
  it('puts a secret returned always in the resource, with no created schema', async () => {
    const schemas = await schemasWithSecretReturned('always');
    expect(Object.keys(schemas)).toEqual(['resource', 'create', 'update']);
    expect(schemas.resource?.['required']).toContain('secret');
  });

  it('makes a created schema for a secret only create returns', async () => {
    const schemas = await schemasWithSecretReturned('create');
    expect(Object.keys(schemas)).toEqual(['resource', 'create', 'update', 'created']);
    expect(schemas.created?.['allOf']).toMatchObject([{ $ref: RESOURCE_REF }, { required: ['secret'] }]);
  });
});
