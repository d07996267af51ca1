/**
 * Realistic payload schemas for the synthetic catalogs, each with a matching example: about 15
 * fields, nested objects, enums, formats, nullable fields, arrays and `$ref`s to shared schemas.
 */
import type { YamlValue } from './block-yaml.js';
import { localized, phrase, pick, type Random } from './words.js';

type Schema = { [keyword: string]: YamlValue };

interface Field {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
  readonly example: YamlValue;
}

const ref = (name: string): Schema => ({ $ref: `#/schemas/${name}` });
const uuid = (random: Random): string => {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
};
const money = (random: Random): YamlValue => ({ amount: Math.floor(random() * 100000), currency: pick(random, CURRENCIES) });
const CURRENCIES = ['EUR', 'PLN', 'USD', 'GBP'];
const address = (random: Random): YamlValue => ({
  line1: 'Tartu mnt 2',
  line2: null,
  city: pick(random, ['Tallinn', 'Kraków', 'Lyon', 'Tartu']),
  postalCode: '10115',
  country: pick(random, ['EE', 'PL', 'FR']),
});

/** The shared schemas of every synthetic catalog, with an example value of each. */
export function sharedSchemas(
  random: Random,
  locales: readonly string[],
): { schemas: Record<string, Schema>; examples: Record<string, (random: Random) => YamlValue> } {
  const title = (): YamlValue => localized(random, locales, 2, phrase);
  const describe = (): YamlValue => localized(random, locales, 7);
  const schemas: Record<string, Schema> = {
    Money: {
      type: 'object',
      title: title(),
      required: ['amount', 'currency'],
      properties: {
        amount: { type: 'integer', description: describe() },
        currency: { type: 'string', enum: CURRENCIES },
      },
      additionalProperties: false,
    },
    Address: {
      type: 'object',
      title: title(),
      required: ['line1', 'city', 'postalCode', 'country'],
      properties: {
        line1: { type: 'string', minLength: 1 },
        line2: { type: 'string', nullable: true },
        city: { type: 'string' },
        postalCode: { type: 'string', pattern: '^[0-9A-Z -]{3,10}$' },
        country: { type: 'string', pattern: '^[A-Z]{2}$', description: describe() },
      },
      additionalProperties: false,
    },
    Customer: {
      type: 'object',
      title: title(),
      required: ['id', 'email', 'name'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        email: { type: 'string', format: 'email' },
        name: { type: 'string' },
        locale: { type: 'string', enum: ['en', 'et', 'pl', 'fr'] },
        address: ref('Address'),
      },
      additionalProperties: false,
    },
    Actor: {
      type: 'object',
      title: title(),
      required: ['kind', 'id'],
      properties: {
        kind: { type: 'string', enum: ['user', 'system', 'api-key'], description: describe() },
        id: { type: 'string' },
        name: { type: 'string', nullable: true },
      },
    },
    LineItem: {
      type: 'object',
      title: title(),
      required: ['sku', 'quantity', 'unitPrice', 'total'],
      properties: {
        sku: { type: 'string', pattern: '^[A-Z0-9-]{3,32}$' },
        quantity: { type: 'integer', minimum: 1 },
        unitPrice: ref('Money'),
        total: ref('Money'),
        attributes: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    },
    Period: {
      type: 'object',
      title: title(),
      required: ['start', 'end'],
      properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } },
    },
  };
  const examples: Record<string, (random: Random) => YamlValue> = {
    Money: money,
    Address: address,
    Customer: (r) => ({ id: uuid(r), email: 'ola.nowak@example.pl', name: 'Ola Nowak', locale: pick(r, ['en', 'et', 'pl', 'fr']), address: address(r) }),
    Actor: (r) => ({ kind: pick(r, ['user', 'system', 'api-key']), id: `usr_${Math.floor(r() * 1e6)}`, name: null }),
    LineItem: (r) => ({ sku: 'BOWL-CELADON-18', quantity: 2, unitPrice: money(r), total: money(r), attributes: { glaze: 'celadon' } }),
    Period: () => ({ start: '2026-01-01', end: '2026-01-31' }),
  };
  // Generic shared records, as large catalogs have many (Tax, Discount, Device...).
  for (const name of [
    'Tax',
    'Discount',
    'Fee',
    'Device',
    'Session',
    'Approval',
    'Attachment',
    'Contact',
    'Location',
    'Limit',
    'Schedule',
    'ExternalReference',
  ]) {
    schemas[name] = {
      type: 'object',
      title: title(),
      required: ['id', 'kind'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: ['standard', 'special', 'other'] },
        label: { type: 'string', description: describe() },
        value: { type: 'number', minimum: 0 },
        updatedAt: { type: 'string', format: 'date-time' },
      },
      additionalProperties: false,
    };
    examples[name] = (r) => ({
      id: uuid(r),
      kind: pick(r, ['standard', 'special', 'other']),
      label: 'Standard',
      value: Math.round(r() * 1000) / 10,
      updatedAt: '2026-11-25T10:00:00Z',
    });
  }
  return { schemas, examples };
}

/** One event's payload schema (about 15 fields) and an example that matches it. */
export function eventPayload(
  random: Random,
  locales: readonly string[],
  shared: ReturnType<typeof sharedSchemas>,
  resource: string,
): { schema: Schema; example: YamlValue } {
  const describe = (): YamlValue => localized(random, locales, 4);
  const sharedNames = Object.keys(shared.schemas);
  const statuses = ['pending', 'active', 'completed', 'failed'];
  const pool: (() => Field)[] = [
    () => ({ name: 'amount', required: true, schema: ref('Money'), example: money(random) }),
    () => ({ name: 'customer', required: false, schema: ref('Customer'), example: shared.examples['Customer']!(random) }),
    () => ({ name: 'actor', required: false, schema: { ...ref('Actor') }, example: shared.examples['Actor']!(random) }),
    () => {
      const name = pick(random, sharedNames.slice(5));
      return { name: `${name.charAt(0).toLowerCase()}${name.slice(1)}`, required: false, schema: ref(name), example: shared.examples[name]!(random) };
    },
    () => ({ name: 'reference', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}-[0-9]{6}$' }, example: 'KR-004211' }),
    () => ({ name: 'count', required: false, schema: { type: 'integer', minimum: 0 }, example: Math.floor(random() * 50) }),
    () => ({ name: 'live', required: true, schema: { type: 'boolean' }, example: random() < 0.5 }),
    () => ({ name: 'note', required: false, schema: { type: 'string', nullable: true, maxLength: 500 }, example: null }),
    () => ({ name: 'email', required: false, schema: { type: 'string', format: 'email' }, example: 'seller@example.com' }),
    () => ({ name: 'url', required: false, schema: { type: 'string', format: 'uri' }, example: 'https://example.com/r/1' }),
    () => ({
      name: 'details',
      required: true,
      schema: {
        type: 'object',
        description: describe(),
        required: ['kind', 'score'],
        properties: {
          kind: { type: 'string', enum: ['manual', 'automatic', 'scheduled'] },
          score: { type: 'number', minimum: 0, maximum: 1 },
          limits: {
            type: 'object',
            properties: { daily: { type: 'integer', minimum: 0 } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      example: { kind: 'manual', score: 0.5, limits: { daily: 10 } },
    }),
    () => ({ name: 'items', required: false, schema: { type: 'array', minItems: 1, items: ref('LineItem') }, example: [shared.examples['LineItem']!(random)] }),
    () => ({ name: 'labels', required: false, schema: { type: 'array', items: { type: 'string' }, uniqueItems: true }, example: ['priority', 'b2b'] }),
    () => ({ name: 'dueDate', required: false, schema: { type: 'string', format: 'date' }, example: '2026-12-01' }),
    () => ({ name: 'billingAddress', required: false, schema: { anyOf: [ref('Address'), { type: 'null' }] }, example: null }),
    () => ({ name: 'period', required: false, schema: ref('Period'), example: shared.examples['Period']!(random) }),
    () => ({ name: 'channel', required: true, schema: { type: 'string', enum: ['web', 'mobile', 'api', 'pos'] }, example: 'api' }),
    () => ({ name: 'attempt', required: false, schema: { type: 'integer', minimum: 1, maximum: 10 }, example: 1 }),
    () => ({
      name: 'metadata',
      required: false,
      schema: { type: 'object', maxProperties: 20, additionalProperties: { type: 'string', maxLength: 200 } },
      example: { source: 'import' },
    }),
  ];
  const fields: Field[] = [
    { name: `${camel(resource)}Id`, required: true, schema: { type: 'string', format: 'uuid', description: describe() }, example: uuid(random) },
    { name: 'createdAt', required: true, schema: { type: 'string', format: 'date-time' }, example: '2026-11-25T09:30:00Z' },
    { name: 'status', required: true, schema: { type: 'string', enum: statuses }, example: pick(random, statuses) },
  ];
  for (const make of shuffled(random, pool).slice(0, 12)) fields.push(make());
  const properties: Record<string, YamlValue> = {};
  const example: Record<string, YamlValue> = {};
  for (const field of fields) {
    properties[field.name] = field.schema;
    if (field.required || random() < 0.2) example[field.name] = field.example;
  }
  return {
    schema: { type: 'object', required: fields.filter((f) => f.required).map((f) => f.name), properties, additionalProperties: false },
    example,
  };
}

function camel(text: string): string {
  return text.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
