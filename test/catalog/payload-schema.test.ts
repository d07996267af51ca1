/** Payload schemas as the catalog writes them, read as plain JSON Schema 2020-12. */
import { describe, expect, it } from 'vitest';
import { absolutizeRefs, annotationSet, CHECK_BASE, NormalizedPayloads, normalizePayloadSchema, readingKey } from '../../src/catalog/payload-schema.js';

describe('localized titles and descriptions', () => {
  it('become the source-locale text, with the other locales under x-translations', () => {
    const schema = { type: 'string', title: { en: 'Id', et: 'Tunnus' }, description: { et: 'Kirjeldus', en: 'About', fi: 'Kuvaus' } };
    expect(normalizePayloadSchema(schema, 'en')).toEqual({
      type: 'string',
      title: 'Id',
      description: 'About',
      'x-translations': { et: { title: 'Tunnus', description: 'Kirjeldus' }, fi: { description: 'Kuvaus' } },
    });
  });

  it('take the first text when the source locale has none, and skip values that are no text', () => {
    expect(normalizePayloadSchema({ title: { et: 'Tunnus', fi: 'Tunniste' } }, 'en')).toEqual({
      title: 'Tunnus',
      'x-translations': { fi: { title: 'Tunniste' } },
    });
    expect(normalizePayloadSchema({ title: { et: 5, en: 'Id' } }, 'en')).toEqual({ title: 'Id' });
    expect(normalizePayloadSchema({ title: { en: 5 } }, 'en')).toEqual({ title: '' });
  });

  it('leave plain text and texts of nested schemas in their own schema', () => {
    const plain = { title: 'Id', description: 'About' };
    expect(normalizePayloadSchema(plain, 'en')).toBe(plain);
    expect(normalizePayloadSchema({ properties: { a: { title: { en: 'A', et: 'Ah' } } } }, 'en')).toEqual({
      properties: { a: { title: 'A', 'x-translations': { et: { title: 'Ah' } } } },
    });
  });

  it('keep a locale named `__proto__` as an ordinary name', () => {
    const schema = JSON.parse('{"title": {"en": "Id", "__proto__": "P"}}') as unknown;
    const translations = (normalizePayloadSchema(schema, 'en') as Record<string, Record<string, unknown>>)['x-translations']!;
    expect(Object.keys(translations)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(translations, '__proto__')?.value).toEqual({ title: 'P' });
  });
});

describe('nullable', () => {
  const read = (schema: unknown) => normalizePayloadSchema(schema, 'en');

  it('adds null to the type, once', () => {
    expect(read({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(read({ type: 'null', nullable: true })).toEqual({ type: 'null' });
    expect(read({ type: ['string', 'integer'], nullable: true })).toEqual({ type: ['string', 'integer', 'null'] });
    expect(read({ type: ['null', 'string'], nullable: true })).toEqual({ type: ['null', 'string'] });
  });

  it('adds null to the enum, once, and turns a const into a two-value enum', () => {
    expect(read({ type: 'string', enum: ['a', 'b'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(read({ enum: ['a', null], nullable: true })).toEqual({ enum: ['a', null] });
    expect(read({ const: 'a', nullable: true })).toEqual({ enum: ['a', null] });
    expect(read({ const: null, nullable: true })).toEqual({ enum: [null] });
    expect(read({ type: 'string', const: 'a', nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });

  it('wraps a schema that names no type or values in anyOf with null', () => {
    expect(read({ minLength: 1, nullable: true })).toEqual({ anyOf: [{ minLength: 1 }, { type: 'null' }] });
  });

  it('is dropped when not true', () => {
    expect(read({ type: 'string', nullable: false })).toEqual({ type: 'string' });
    expect(read({ type: 'string', nullable: 'yes' })).toEqual({ type: 'string' });
  });
});

describe('the whole normalization', () => {
  it('converts older drafts, custom keywords, texts and nullable in one node', () => {
    const schema = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'integer', tsType: 'Id', title: { en: 'Id' }, nullable: true };
    expect(normalizePayloadSchema(schema, 'en', new Set(['tsType']))).toEqual({ type: ['integer', 'null'], 'x-tsType': 'Id', title: 'Id' });
    expect(normalizePayloadSchema(schema, 'en')).toEqual({ type: ['integer', 'null'], title: 'Id' });
  });

  it('returns booleans and other values as they are', () => {
    expect(normalizePayloadSchema(true, 'en')).toBe(true);
    expect(normalizePayloadSchema(null, 'en')).toBe(null);
  });
});

describe('NormalizedPayloads', () => {
  it('keeps one result per schema, locale and annotations', () => {
    const payloads = new NormalizedPayloads();
    const schema = { title: { en: 'Id', et: 'Tunnus' }, tsType: 'Id' };
    const first = payloads.get(schema, 'en');
    expect(first).toEqual({ title: 'Id', 'x-translations': { et: { title: 'Tunnus' } } });
    expect(payloads.get(schema, 'en', new Set())).toBe(first);
    expect(payloads.get({ ...schema }, 'en')).not.toBe(first);
    expect(payloads.get(schema, 'et')).toEqual({ title: 'Tunnus', 'x-translations': { en: { title: 'Id' } } });
    const annotated = payloads.get(schema, 'et', new Set(['tsType']));
    expect(annotated).toEqual({ title: 'Tunnus', 'x-tsType': 'Id', 'x-translations': { en: { title: 'Id' } } });
    expect(payloads.get(schema, 'et', new Set(['tsType']))).toBe(annotated);
  });

  it('normalizes values that are no object without keeping them', () => {
    const payloads = new NormalizedPayloads();
    expect(payloads.get(false, 'en')).toBe(false);
    expect(payloads.get(undefined, 'en')).toBe(undefined);
    expect(payloads.get(null, 'en')).toBe(null);
  });
});

describe('readingKey and annotationSet', () => {
  it('name the locale, and the sorted annotations when there are some', () => {
    expect(readingKey('en', new Set())).toBe('en');
    expect(readingKey('en', new Set(['tsType', 'api']))).toBe('en api,tsType');
  });

  it('make a set of the declared annotations, empty when none are declared', () => {
    expect([...annotationSet(['tsType', 'api'])]).toEqual(['tsType', 'api']);
    expect(annotationSet(undefined).size).toBe(0);
  });
});

describe('absolutizeRefs', () => {
  it('rewrites refs to shared schemas only, copying only the schemas on their way', () => {
    const untouched = { $ref: '#/$defs/Local' };
    const schema = { properties: { a: { $ref: '#/schemas/Money', description: 'Paid' }, b: untouched, c: { $ref: 5 } } };
    const out = absolutizeRefs(schema) as typeof schema;
    expect(out).toEqual({ properties: { a: { $ref: `${CHECK_BASE}Money`, description: 'Paid' }, b: untouched, c: { $ref: 5 } } });
    expect(CHECK_BASE).toBe('https://hookcat.invalid/schemas/');
    expect(out.properties.b).toBe(untouched);
    expect(schema.properties.a).toEqual({ $ref: '#/schemas/Money', description: 'Paid' });
    const plain = { type: 'string' };
    expect(absolutizeRefs(plain)).toBe(plain);
  });
});
