/**
 * `withDescriptions` reaches every description of a catalog model, in every locale and in every
 * schema node, and nothing else (titles, summaries, examples, enum values stay as written); it
 * copies only what changes.
 */
import { describe, expect, it } from 'vitest';
import { withDescriptions } from '../../../src/emit/description/model.js';
import type { Catalog, Localized } from '../../../src/model/types.js';

/** A text in the source locale, and an empty one in the other (an empty text is never converted). */
function t(label: string, et = ''): Localized {
  return { en: { text: label, fallback: false }, et: { text: et, fallback: et === '' } };
}

function catalog(): Catalog {
  const schema = (at: string) => ({
    type: 'object',
    description: `${at} schema`,
    title: `${at} title`,
    'x-translations': { et: { description: `${at} et`, title: `${at} et title` }, fr: 'not an object' },
    properties: {
      inner: { type: 'string', description: { en: `${at} inner en`, et: '', de: 3 } },
      description: { type: 'string', const: 'a property named description', enum: ['description'] },
    },
    items: [{ description: `${at} tuple` }],
    examples: [{ description: 'instance data' }],
    default: { description: 'instance data' },
  });
  return {
    id: 'c',
    version: '1',
    title: t('catalog title'),
    description: t('catalog', 'catalog et'),
    locales: ['en', 'et'],
    sourceLocale: 'en',
    docsUrl: undefined,
    categories: [{ id: 'cat', title: t('cat title'), description: t('cat'), groups: [{ id: 'g', title: t('g title'), description: t('group') }] }],
    events: [
      {
        key: 'e',
        category: 'cat',
        group: 'g',
        title: t('e title'),
        description: t('event'),
        payload: schema('payload'),
        examples: [{ name: 'x', summary: t('summary'), payload: { description: 'instance data' } }],
        since: undefined,
        deprecated: { since: '1', reason: t('reason'), replacement: undefined },
        tags: [],
        deliveredAs: { name: 'e', action: undefined },
        source: { file: 'x.yaml', line: 1, column: 1 },
      },
    ],
    schemas: [
      { name: 'S', title: t('S title'), description: t('shared'), schema: schema('shared') },
      { name: 'T', title: undefined, description: undefined, schema: true },
    ],
    envelope: {
      shape: 'batch',
      typeField: 'type',
      dataField: 'data',
      typeHeader: undefined,
      actionField: undefined,
      batch: { field: 'events', item: 'envelope', description: t('batch'), properties: { count: schema('batch field') }, required: [] },
      properties: { id: schema('envelope field') },
      required: [],
      description: t('envelope'),
      headers: [{ name: 'X', required: true, description: t('header'), example: 'x' }],
      signature: { kind: 'standard-webhooks', tolerance: 300, description: t('signature') },
      responses: [{ status: '200', description: t('response') }],
      retries: t('retries'),
    },
    subscriptions: {
      title: t('api title'),
      description: t('api'),
      path: '/hooks',
      pathParameters: [],
      idField: 'id',
      idParameter: 'id',
      idSchema: { type: 'string' },
      eventsField: 'events',
      wildcards: { all: false, families: 'none' },
      targets: ['url'],
      operations: [{ name: 'create', summary: t('op summary'), description: t('operation') }],
      secret: { description: t('secret'), generatedBy: 'user', required: true, returned: 'always', minLength: undefined },
      fields: [{ name: 'f', required: true, schema: schema('api field'), title: t('f title'), description: t('field') }],
    },
  } as unknown as Catalog;
}

/** The paths of the strings that differ between `a` and `b`, which have the same layout. */
function changedStrings(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a === 'string' || typeof b === 'string') return a === b ? [] : [at];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((key) => changedStrings((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}/${key}`));
}

const SCHEMA_DESCRIPTIONS = ['/description', '/x-translations/et/description', '/properties/inner/description/en', '/items/0/description'];

describe('withDescriptions', () => {
  it('converts every description, in every locale and schema node, and nothing else', () => {
    const before = catalog();
    const after = withDescriptions(before, (text) => `<${text}>`);
    const schema = (at: string) => SCHEMA_DESCRIPTIONS.map((path) => `${at}${path}`);
    expect(changedStrings(before, after).sort()).toEqual(
      [
        '/description/en/text',
        '/description/et/text',
        '/categories/0/description/en/text',
        '/categories/0/groups/0/description/en/text',
        '/events/0/description/en/text',
        ...schema('/events/0/payload'),
        '/schemas/0/description/en/text',
        ...schema('/schemas/0/schema'),
        '/envelope/description/en/text',
        ...schema('/envelope/properties/id'),
        '/envelope/headers/0/description/en/text',
        '/envelope/signature/description/en/text',
        '/envelope/responses/0/description/en/text',
        '/envelope/batch/description/en/text',
        ...schema('/envelope/batch/properties/count'),
        '/subscriptions/description/en/text',
        '/subscriptions/operations/0/description/en/text',
        '/subscriptions/secret/description/en/text',
        '/subscriptions/fields/0/description/en/text',
        ...schema('/subscriptions/fields/0/schema'),
      ].sort(),
    );
    expect(after.description).toEqual({ en: { text: '<catalog>', fallback: false }, et: { text: '<catalog et>', fallback: false } });
    expect(after.events[0]!.payload['properties']).toEqual({
      inner: { type: 'string', description: { en: '<payload inner en>', et: '', de: 3 } },
      description: { type: 'string', const: 'a property named description', enum: ['description'] },
    });
    expect(after.events[0]!.payload['x-translations']).toEqual({ et: { description: '<payload et>', title: 'payload et title' }, fr: 'not an object' });
    // The input is left as it was.
    expect(before).toEqual(catalog());
  });

  it('keeps the other locales of a text when one of them changes', () => {
    const before = catalog();
    const after = withDescriptions(before, (text) => (text === 'catalog' ? 'changed' : text));
    expect(after.description).toEqual({ en: { text: 'changed', fallback: false }, et: { text: 'catalog et', fallback: false } });
    expect(after.description['et']).toBe(before.description['et']);
  });

  it('returns the catalog itself when nothing changes', () => {
    const before = catalog();
    expect(withDescriptions(before, (text) => text)).toBe(before);
  });

  it('copies only the parts that change', () => {
    const before = catalog();
    const after = withDescriptions(before, (text) => (text === 'header' ? 'HEADER' : text));
    expect(after).not.toBe(before);
    expect(after.envelope.headers[0]!.description['en']!.text).toBe('HEADER');
    expect(after.envelope).not.toBe(before.envelope);
    expect(after.envelope.responses).toBe(before.envelope.responses);
    expect(after.envelope.properties).toBe(before.envelope.properties);
    expect(after.envelope.signature).toBe(before.envelope.signature);
    expect(after.envelope.batch).toBe(before.envelope.batch);
    expect(after.categories).toBe(before.categories);
    expect(after.events).toBe(before.events);
    expect(after.schemas).toBe(before.schemas);
    expect(after.subscriptions).toBe(before.subscriptions);
    expect(after.description).toBe(before.description);
  });

  it('copies one schema node of a payload, and the nodes above it', () => {
    const before = catalog();
    const after = withDescriptions(before, (text) => (text === 'payload inner en' ? 'changed' : text));
    expect(after.events).not.toBe(before.events);
    const [was, is] = [before.events[0]!.payload, after.events[0]!.payload] as const;
    expect(is).not.toBe(was);
    expect(is['x-translations']).toBe(was['x-translations']);
    expect(is['items']).toBe(was['items']);
    expect((is['properties'] as Record<string, unknown>)['description']).toBe((was['properties'] as Record<string, unknown>)['description']);
    expect(after.events[0]!.description).toBe(before.events[0]!.description);
    expect(after.schemas).toBe(before.schemas);
  });

  it('reaches a catalog without subscriptions, signature or batch', () => {
    const base = catalog();
    const before = { ...base, subscriptions: undefined, envelope: { ...base.envelope, signature: undefined, batch: undefined, shape: 'envelope' } } as Catalog;
    const after = withDescriptions(before, (text) => `<${text}>`);
    expect(after.subscriptions).toBeUndefined();
    expect(after.envelope.signature).toBeUndefined();
    expect(after.envelope.batch).toBeUndefined();
    expect(after.envelope.description['en']!.text).toBe('<envelope>');
  });

  it('gives a property named __proto__ as an own property', () => {
    const base = catalog();
    const properties = JSON.parse('{"__proto__": {"type": "string", "description": "proto"}}');
    const before = { ...base, envelope: { ...base.envelope, properties } } as Catalog;
    const after = withDescriptions(before, (text) => `<${text}>`);
    expect(Object.hasOwn(after.envelope.properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(after.envelope.properties)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(after.envelope.properties, '__proto__')?.value).toEqual({ type: 'string', description: '<proto>' });
  });
});
