/**
 * A hand-built model that uses every JSON Schema feature the TypeScript emitter maps, plus
 * hostile text everywhere text can go. Its generated module is a golden
 * (`generated/features/types.ts`) and `feature-assertions.ts` checks its types.
 */
import type { Catalog, EventType, JsonSchema, JsonValue, Localized, NamedSchema } from '../../../src/model/types.js';

/** Text that tries to break out of every place it can land in a TypeScript file. */
export const HOSTILE =
  'Ends */ here; `tick` ${x} \'single\' "double" <script>alert(1)</script> {{title}}\r\nnext line\u2028after LS\u2029after PS\n@param injected\n * starred @evil tag\u0007bell \ud800 lone';

const text = (value: string): Localized => ({ en: { text: value, fallback: false }, et: { text: value, fallback: true } });

let line = 0;
function event(key: string, payload: JsonSchema, extra: Partial<EventType> = {}): EventType {
  line += 10;
  return {
    key,
    category: 'features',
    group: undefined,
    title: text(`Event ${key}`),
    description: text(`Description of ${key}.`),
    payload,
    examples: [],
    since: undefined,
    deprecated: undefined,
    tags: [],
    deliveredAs: { name: key, action: undefined },
    source: { file: 'events.yaml', line, column: 3 },
    ...extra,
  };
}

const schema = (name: string, body: JsonSchema, title?: string): NamedSchema => ({
  name,
  title: title === undefined ? undefined : text(title),
  description: undefined,
  schema: body,
});

const str = { type: 'string' } as const;
const hostileValues: JsonValue[] = ['*/', '`${x}`', "it's", 'say "hi"', 'line\nbreak', 'ls\u2028ps\u2029', '<script>', '{{x}}', '\\'];

const schemas: NamedSchema[] = [
  schema(
    'Money',
    {
      type: 'object',
      description: 'An amount in a currency.',
      required: ['amount', 'currency'],
      properties: { amount: { type: 'integer', description: 'Minor units.' }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
      additionalProperties: false,
    },
    'Money',
  ),
  // Names that collide: with Money (after the first letter is upper-cased), with the fixed
  // API names, with a global the module uses, and with a payload name.
  schema('money', { type: 'string', pattern: '^[0-9]+$' }),
  schema('EventType', { enum: ['shadow'] }),
  schema('Record', { type: 'object', properties: { id: str } }),
  schema('BookingCreatedPayload', { type: 'object', properties: { legacy: { type: 'boolean' } } }),
  schema('TreeNode', {
    type: 'object',
    required: ['label', 'children'],
    properties: {
      label: str,
      children: { type: 'array', items: { $ref: '#/schemas/TreeNode' } },
      parent: { oneOf: [{ $ref: '#/schemas/TreeNode' }, { type: 'null' }] },
    },
  }),
  schema('Json', {
    description: HOSTILE,
    anyOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'null' },
      { type: 'array', items: { $ref: '#/schemas/Json' } },
      { type: 'object', additionalProperties: { $ref: '#/schemas/Json' } },
    ],
  }),
];

const events: EventType[] = [
  event('features.scalars', {
    type: 'object',
    required: ['text', 'count', 'ratio', 'flag', 'nothing', 'maybe', 'legacyNullable', 'when', 'kind', 'hostileEnum', 'numbers', 'mixed', 'anything', 'nested'],
    properties: {
      text: { type: 'string', title: 'Text', description: HOSTILE },
      count: { type: 'integer', default: 3 },
      ratio: { type: 'number', deprecated: true, description: 'Use `count`.' },
      flag: { type: 'boolean' },
      nothing: { type: 'null' },
      maybe: { type: ['string', 'null'] },
      legacyNullable: { type: 'integer', nullable: true },
      when: { type: 'string', format: 'date-time' },
      kind: { const: HOSTILE },
      hostileEnum: { enum: hostileValues },
      numbers: { enum: [-1, 0, 1.5, 1e21] },
      mixed: { enum: ['a', 1, true, null] },
      objectConst: { const: { a: [1, 'two'], b: null } },
      anything: {},
      alsoAnything: true,
      gone: false,
      nested: {
        type: 'object',
        description: 'A nested object: its members are written inline.',
        required: ['inner'],
        properties: { inner: { type: 'object', properties: { deepest: { type: 'string', description: 'Three levels down.' } } } },
      },
      'content-type': str,
      ['__proto__']: str,
      constructor: str,
      '1st': str,
      ünits: str,
      'with space': str,
      "quote'name": str,
      'ends */ comment': str,
      'line\u2028sep': str,
      'back\\slash': str,
      $dollar: str,
      _under: str,
    },
  }),
  event('features.objects', {
    type: 'object',
    required: ['labels', 'closed', 'open', 'anyObject', 'emptyClosed', 'patterned', 'undeclared'],
    properties: {
      labels: {
        type: 'object',
        properties: { primary: { type: 'integer' }, secondary: { type: 'boolean' } },
        required: ['primary'],
        additionalProperties: str,
      },
      closed: { type: 'object', properties: { a: str }, additionalProperties: false },
      open: { type: 'object', properties: { a: str }, additionalProperties: true },
      anyObject: { type: 'object' },
      emptyClosed: { type: 'object', additionalProperties: false },
      patterned: { type: 'object', patternProperties: { '^x-': { type: 'integer' } }, additionalProperties: false },
      patternedOpen: { type: 'object', patternProperties: { '^x-': { type: 'integer' } } },
      inferred: { properties: { a: str } },
      mapOfMoney: { type: 'object', additionalProperties: { $ref: '#/schemas/Money' } },
    },
  }),
  event('features.arrays', {
    type: 'object',
    required: ['strings', 'unknowns', 'unions', 'closedTuple', 'openTuple', 'restTuple', 'optionalTuple', 'negatives', 'empty'],
    properties: {
      strings: { type: 'array', items: str },
      unknowns: { type: 'array' },
      unions: { type: 'array', items: { type: ['string', 'integer'] } },
      closedTuple: { type: 'array', prefixItems: [{ type: 'number' }, str], items: false, minItems: 2 },
      openTuple: { type: 'array', prefixItems: [{ type: 'number' }], minItems: 1 },
      restTuple: { type: 'array', prefixItems: [str], items: { type: 'boolean' }, minItems: 1 },
      optionalTuple: { type: 'array', prefixItems: [str, { type: ['number', 'null'] }], items: false, minItems: 1 },
      negatives: { type: 'array', items: { const: -1 } },
      empty: { type: 'array', items: false },
      matrix: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
    },
  }),
  event('features.combinators', {
    type: 'object',
    required: ['choice', 'either', 'both', 'tagged', 'nullableRef'],
    properties: {
      choice: { oneOf: [str, { type: 'integer' }] },
      either: { anyOf: [{ $ref: '#/schemas/Money' }, { const: 'free' }] },
      both: { allOf: [{ $ref: '#/schemas/Money' }, { type: 'object', required: ['note'], properties: { note: str } }] },
      tagged: { type: 'object', oneOf: [{ $ref: '#/schemas/Money' }, { $ref: '#/schemas/TreeNode' }] },
      nullableRef: { $ref: '#/schemas/Money', nullable: true },
      impossible: { allOf: [false, str] },
    },
  }),
  event('features.recursive', { $ref: '#/schemas/TreeNode' }),
  event('features.json', { $ref: '#/schemas/Json' }),
  event('features.alias', { type: ['string', 'integer', 'boolean', 'null'] }),
  event('features.nothing', {}),
  event('features.never', false as unknown as JsonSchema),
  event('booking.created', { type: 'object', properties: { id: str } }),
  event('account.url-name.update', { type: 'object', properties: { urlName: str } }),
  event('account.url_name.update', { type: 'object', properties: { url_name: str } }),
  event(
    'features.hostile',
    { type: 'object', description: HOSTILE, properties: { [HOSTILE]: { type: 'string', description: HOSTILE, format: HOSTILE, default: HOSTILE } } },
    { title: text(HOSTILE), description: text(HOSTILE), since: '1.2', deprecated: { since: '2.0', reason: text(HOSTILE), replacement: 'features.scalars' } },
  ),
  event('features.deprecated-bare', { type: 'object' }, { deprecated: { since: undefined, reason: undefined, replacement: undefined } }),
  // Out of the key syntax on purpose: the emitter must still write valid TypeScript.
  event('odd.key\'with"quotes\u2028*/', { type: 'string' }),
];

/** The feature model. Envelope fields are renamed to check they are read from the catalog. */
export const featureCatalog: Catalog = {
  id: 'features',
  version: '1.0.0',
  title: text('Features'),
  description: text('Every schema feature.'),
  locales: ['en', 'et'],
  sourceLocale: 'en',
  docsUrl: 'https://docs.example.com/features/',
  categories: [{ id: 'features', title: text('Features'), description: text('All of them.'), groups: [] }],
  events,
  schemas,
  envelope: {
    shape: 'envelope',
    typeField: 'kind',
    typeHeader: undefined,
    actionField: undefined,
    batch: undefined,
    dataField: 'payload',
    properties: {
      id: { type: 'string', format: 'uuid', description: 'Delivery id.' },
      attempt: { type: 'integer', description: HOSTILE },
      meta: { type: 'object', properties: { region: str } },
    },
    required: ['id'],
    description: text(HOSTILE),
    headers: [],
    signature: undefined,
    responses: [],
    retries: undefined,
  },
  subscriptions: undefined,
};
