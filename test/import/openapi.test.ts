/**
 * `importOpenApi` on small documents made to go wrong: webhooks that are no path item or have no
 * operation are named (HI101) rather than dropped in silence, and keys and shared-schema names
 * that differ only in letter case (one file on macOS and Windows, HC340) get a suffix (HI108).
 */
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../../src/import/openapi.js';

const body = (schema: unknown) => ({ post: { requestBody: { content: { 'application/json': { schema } } } } });
const document = (webhooks: Record<string, unknown>, schemas: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1' },
  webhooks,
  components: { schemas },
});

describe('importOpenApi', () => {
  it('names each webhook it leaves out because it is no path item with an operation', () => {
    const { catalog, problems } = importOpenApi(
      document({
        ok: body({ type: 'object' }),
        empty: {},
        nothing: null,
        list: [],
        text: 'post',
        loop: { $ref: '#/webhooks/loop' },
        nowhere: { $ref: '#/webhooks/missing' },
        parametersOnly: { parameters: [{ in: 'header', name: 'X-Event' }] },
        nullPost: { post: null },
      }),
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect(catalog!.events.map((e) => e.key)).toEqual(['ok']);
    expect(problems.map((p) => `${p.code} ${p.severity} ${p.pointer}`)).toEqual(
      ['empty', 'nothing', 'list', 'text', 'loop', 'nowhere', 'parametersOnly', 'nullPost'].map((name) => `HI101 warning /webhooks/${name}`),
    );
  });

  it('writes a delivery name no header can carry as deliveredAs.name accepts it, with HI102', () => {
    const { catalog, problems } = importOpenApi(
      document({ 'commande-créée': body({ type: 'object' }), ' spaced\tname ': body({ type: 'object' }), 'order/created': body({ type: 'object' }) }),
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect(catalog!.events.map((e) => [e.key, e.deliveredAs?.name])).toEqual([
      ['commande-creee', undefined],
      ['spaced-name', undefined],
      ['order.created', 'order/created'],
    ]);
    const respelled = problems.filter((p) => p.code === 'HI102' && p.message.startsWith('the delivery name'));
    expect(respelled.map((p) => p.message)).toEqual([
      'the delivery name `commande-créée` is not a header value the catalog format accepts (printable ASCII): written `commande-creee`',
      'the delivery name ` spaced\tname ` is not a header value the catalog format accepts (printable ASCII): written `spaced-name`',
    ]);
  });

  it('names by the whole operation a webhook whose body has no action field, beside webhooks whose bodies have one', () => {
    const op = (operationId: string, schema: unknown) => ({ post: { ...body(schema).post, operationId } });
    const action = (value: string) => ({ type: 'object', properties: { action: { const: value }, id: { type: 'string' } } });
    const { catalog } = importOpenApi(
      document(
        {
          'pet-added': op('pet/added', action('added')),
          'pet-sold': op('pet/sold', { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { action: { enum: ['sold', 'resold'] } } }] }),
          'orders-create': op('orders/create', { type: 'object', properties: { id: { type: 'string' } } }),
          ping: op('ping', { type: 'object' }),
        },
        { Base: { type: 'object', properties: { id: { type: 'string' } } } },
      ),
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect(catalog!.envelope.actionField).toBe('action');
    expect(catalog!.events.map((e) => [e.key, e.deliveredAs])).toEqual([
      ['pet.added', undefined],
      // Its body has an action field, of more than one value: the operation id gives the action.
      ['pet.sold', undefined],
      ['orders.create', { name: 'orders/create', action: undefined }],
      ['ping', undefined],
    ]);
  });

  it('reads what the document gives by reference or override, and names what it leaves out or cuts', () => {
    const long = 'x'.repeat(12_000);
    const { catalog, problems } = importOpenApi(
      {
        openapi: '3.1.0',
        info: { title: 'Shop', version: 2.1, description: long },
        tags: [{ name: 'billing', description: long }],
        webhooks: {
          paid: {
            parameters: [
              { in: 'header', name: 'X-Event', required: true },
              { in: 'header', name: 'X-Signature', description: 'From the path item' },
            ],
            post: {
              tags: ['billing'],
              parameters: [
                { in: 'header', name: 'x-signature', description: 'HMAC of the body' },
                { in: 'header', name: 'X-Context', description: long, example: { attempt: 1, id: 'a' } },
              ],
              requestBody: {
                content: {
                  'application/json': {
                    schema: { type: 'object' },
                    examples: {
                      inline: { summary: long, value: { id: 1 } },
                      remote: { externalValue: 'https://example.com/paid.json' },
                      lost: { $ref: '#/nowhere' },
                    },
                  },
                },
              },
              responses: { '200': { $ref: '#/components/responses/Ack' }, '410': { description: 'Gone' } },
            },
          },
        },
        components: { schemas: {}, responses: { Ack: { description: 'Acknowledge within 5 seconds' } } },
      },
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect(catalog!.version).toBe('2.1');
    expect(catalog!.envelope.headers.map((h) => [h.name, h.description.length, h.example])).toEqual([
      ['x-signature', 'HMAC of the body'.length, undefined],
      ['X-Context', 10_000, 'attempt,1,id,a'],
    ]);
    expect(catalog!.envelope.responses).toEqual([
      { status: '200', description: 'Acknowledge within 5 seconds' },
      { status: '410', description: 'Gone' },
    ]);
    expect(catalog!.events[0]!.examples.map((e) => [e.name, e.summary?.length])).toEqual([['inline', 10_000]]);
    expect([catalog!.description?.length, catalog!.categories[0]!.description.length]).toEqual([10_000, 10_000]);
    expect(problems.map((p) => `${p.code} ${p.pointer}`).sort()).toEqual(
      [
        'HI102 /info/version',
        'HI107 /info/description',
        'HI107 /tags/0/description',
        'HI107 /webhooks/paid/post/parameters',
        'HI107 /webhooks/paid/post/requestBody/content/application~1json/examples/inline/summary',
        'HI101 /webhooks/paid/post/requestBody/content/application~1json/examples/remote',
        'HI101 /webhooks/paid/post/requestBody/content/application~1json/examples/lost',
      ].sort(),
    );
  });

  it('reads `openapi: 3.1` that YAML made a number, and a media type in any letter case; names the version it refuses', () => {
    const doc = { ...document({ paid: { post: { requestBody: { content: { 'Application/JSON': { schema: { type: 'object' } } } } } } }), openapi: 3.1 };
    expect(importOpenApi(doc, { id: 'shop', typeHeader: 'X-Event' }).catalog!.events.map((e) => e.key)).toEqual(['paid']);
    const { problems } = importOpenApi({ ...doc, openapi: '3.2.0' }, { id: 'shop' });
    expect(problems.map((p) => p.message)).toEqual(['not an OpenAPI 3.0 or 3.1 document (`openapi: 3.2.0`)']);
  });

  it('imports nothing, with HI100, when no webhook has a JSON body (Twilio sends forms)', () => {
    const form = { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } } } };
    const { catalog, problems } = importOpenApi(document({ sms: form, call: form }), { id: 'voice' });
    expect(catalog).toBeUndefined();
    expect(problems.map((p) => `${p.code} ${p.severity} ${p.pointer}`)).toEqual([
      'HI101 warning /webhooks/sms/post',
      'HI101 warning /webhooks/call/post',
      'HI100 error /webhooks',
    ]);
  });

  it('gives keys that differ only in letter case a suffix, as it does equal keys', () => {
    const { catalog, problems } = importOpenApi(document({ Paid: body({ type: 'object' }), paid: body({ type: 'object' }), PAID: body({ type: 'object' }) }), {
      id: 'shop',
      typeHeader: 'X-Event',
    });
    expect(catalog!.events.map((e) => e.key)).toEqual(['Paid', 'paid_2', 'PAID_3']);
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual(['HI108 /webhooks/paid/post', 'HI108 /webhooks/PAID/post']);
  });

  it('gives shared schemas whose names differ only in letter case a suffix, with HI108 and not HI102', () => {
    const { catalog, problems } = importOpenApi(
      document(
        {
          a: body({ $ref: '#/components/schemas/User' }),
          b: body({ $ref: '#/components/schemas/user' }),
          c: body({ type: 'object', properties: { u: { $ref: '#/components/schemas/User' }, v: { $ref: '#/components/schemas/user' } } }),
        },
        { User: { type: 'object', title: 'Upper' }, user: { type: 'string', title: 'lower' } },
      ),
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect([...catalog!.schemas.keys()]).toEqual(['User', 'user_2']);
    expect(catalog!.events.map((e) => e.payload)).toEqual([
      { $ref: '#/schemas/User' },
      { $ref: '#/schemas/user_2' },
      { type: 'object', properties: { u: { $ref: '#/schemas/User' }, v: { $ref: '#/schemas/user_2' } } },
    ]);
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual(['HI108 /components/schemas/user']);
  });

  it("points a discriminator's mapping at the shared schemas, as its $refs are, and names a value that resolves to nothing", () => {
    const pet = {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/cat' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', kitten: 'cat', fish: '#/components/schemas/Fish' } },
    };
    const { catalog, problems } = importOpenApi(
      document({ adopted: body({ $ref: '#/components/schemas/Pet' }) }, { Pet: pet, Cat: { type: 'object' }, cat: { type: 'object' } }),
      {
        id: 'shop',
        typeHeader: 'X-Event',
      },
    );
    // Pet is the payload itself (one use): the mapping is read there.
    expect(catalog!.events[0]!.payload).toEqual({
      oneOf: [{ $ref: '#/schemas/Cat' }, { $ref: '#/schemas/cat_2' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/schemas/Cat', kitten: '#/schemas/cat_2' } },
    });
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toContain('HI103 /components/schemas/Pet/discriminator/mapping/fish');
  });

  it('gives a discriminator without a mapping an entry for each option the catalog names otherwise, so its values still pick it', () => {
    const pet = { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/cat' }], discriminator: { propertyName: 'kind' } };
    const { catalog } = importOpenApi(
      document({ adopted: body({ $ref: '#/components/schemas/Pet' }) }, { Pet: pet, Cat: { type: 'object' }, cat: { type: 'object' } }),
      {
        id: 'shop',
        typeHeader: 'X-Event',
      },
    );
    expect(catalog!.events[0]!.payload).toEqual({
      oneOf: [{ $ref: '#/schemas/Cat' }, { $ref: '#/schemas/cat_2' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/schemas/cat_2' } },
    });
    const same = importOpenApi(
      document({ adopted: body({ $ref: '#/components/schemas/Pet' }) }, { Pet: { ...pet, oneOf: [pet.oneOf[0]] }, Cat: { type: 'object' } }),
      {
        id: 'shop',
        typeHeader: 'X-Event',
      },
    );
    expect(same.catalog!.events[0]!.payload).toEqual({ oneOf: [{ $ref: '#/schemas/Cat' }], discriminator: { propertyName: 'kind' } });
  });

  it('reads a reference with broken percent-encoding as one that resolves to nothing (HI103), not as an internal error', () => {
    const { catalog, problems } = importOpenApi(
      document(
        {
          a: body({
            type: 'object',
            properties: { x: { $ref: '#/components/schemas/%zz' }, y: { $ref: '#/components/schemas/U%E0%A4%A' }, z: { $ref: '#/components/schemas/ok%7E' } },
          }),
          b: { $ref: '#/webhooks/%' },
        },
        { 'ok~': { type: 'string' } },
      ),
      { id: 'shop', typeHeader: 'X-Event' },
    );
    expect(catalog!.events[0]!.payload).toEqual({ type: 'object', properties: { x: {}, y: {}, z: { $ref: '#/schemas/ok_' } } });
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'HI101 /webhooks/b',
      'HI103 /webhooks/a/post/requestBody/content/application~1json/schema/properties/x/$ref',
      'HI103 /webhooks/a/post/requestBody/content/application~1json/schema/properties/y/$ref',
      'HI102 /components/schemas/ok~0',
    ]);
  });
});
