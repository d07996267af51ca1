/**
 * fast-check arbitraries for valid catalogs full of hostile text: random locales, categories,
 * event keys, nested payload schemas with hostile property names and enum values, shared
 * schemas named like JavaScript built-ins, and examples that match their schemas.
 * Catalogs are plain data written to YAML by the `yaml` package, not by hookcat.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** An object with these entries as own properties, `__proto__` included (plain assignment would set the prototype). */
export function own(entries: Iterable<readonly [string, Json]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const HOSTILE_TEXT = [
  '*/ export const pwned = 1; /*',
  '`${pwned()}` and ``double``',
  'quotes \' " \\\' \\"',
  'line one\nline two\n\nparagraph',
  '| cell | split |',
  "<script>alert('pwned')</script>",
  '{{ constructor.constructor("pwned")() }}',
  'line\u2028separator\u2029paragraph',
  'rtl \u202eevil\u202c zero\u200bwidth',
  'nul \u0000 bell \u0007 esc \u001b[31m del \u007f csi \u009b',
  'back\\slash \\n C:\\new',
  '# heading\n- list\n```\ncode\n```',
  'text\n@pwned tag',
  'yes',
  '~',
  '0x1F',
  '---',
  ' padded ',
  'Šokolaad õun žürii',
  'Zażółć gęślą jaźń',
  'Noël où cœur',
  '订单已创建',
  'تم إنشاء الطلب',
  'emoji 😀 cafe\u0301',
];

const SPECIAL_CHARS = [
  '*',
  '/',
  '`',
  '$',
  '{',
  '}',
  '|',
  '<',
  '>',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u202e',
  '\u200b',
  '\u0000',
  '\\',
  '"',
  "'",
  '#',
  '&',
  '@',
  ':',
  '-',
  ' ',
  'a',
  'é',
  '中',
  'ب',
  '😀',
];

/** Non-empty text, mostly hostile. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: fc.constantFrom(...SPECIAL_CHARS), minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
);

const PROPERTY_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'class',
  'default',
  'delete',
  '0',
  '1e3',
  '',
  ' ',
  'a b',
  '*/',
  '${x}',
  '`',
  '"',
  "'",
  '\\',
  'a.b',
  'a/b',
  '~1',
  '|',
  '<b>',
  '@pwned',
  'new\nline',
  'nul\u0000',
  'ü',
  '価格',
  'properties',
  'type',
  'required',
  'items',
];

/** Property names: names JavaScript treats specially, markup, control characters, or anything. */
export const propertyNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROPERTY_NAMES),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL_CHARS), maxLength: 8 }),
);

const WORDS = ['order', 'created', 'paid', 'item', 'user', 'a', 'x1', 'constructor', 'prototype', 'to-string', 'value_of', 'proto', 'refund', 'partial'];
const wordArb = fc.constantFrom(...WORDS);
const idArb = wordArb;
const eventKeyArb = fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((words) => words.join('.'));
const SCHEMA_NAMES = [
  'Order',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  'valueOf',
  'Object',
  'Record',
  'Promise',
  'EventType',
  'EventPayloads',
  'String',
  'order_item',
  'OrderItem',
  'Json',
];

const LOCALES = ['en', 'et', 'pl', 'fr', 'zh', 'ar', 'ja', 'pt-BR'];

/** A payload schema; `refs` are shared schema names it may refer to. */
function schemaArb(refs: readonly string[]): fc.Arbitrary<JsonObject> {
  const described = (schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> =>
    fc
      .tuple(schema, fc.option(textArb, { nil: undefined }))
      .map(([s, description]) => (description === undefined ? s : own([...Object.entries(s), ['description', description]])));
  const leaf = fc.oneof(
    fc.constant(own([['type', 'string']])),
    fc.constant(own([['type', 'integer']])),
    fc.constant(own([['type', 'boolean']])),
    fc.constant(own([['type', ['number', 'null']]])),
    fc.uniqueArray(textArb, { minLength: 1, maxLength: 5 }).map((values) =>
      own([
        ['type', 'string'],
        ['enum', values],
      ]),
    ),
    textArb.map((value) => own([['const', value]])),
    ...(refs.length > 0 ? [fc.constantFrom(...refs).map((name) => own([['$ref', `#/schemas/${name}`]]))] : []),
  );
  const { schema } = fc.letrec<{ schema: JsonObject; object: JsonObject; array: JsonObject }>((tie) => ({
    schema: fc.oneof({ depthSize: 'small', withCrossShrink: true }, described(leaf), tie('object'), tie('array')),
    object: fc
      .tuple(fc.uniqueArray(fc.tuple(propertyNameArb, tie('schema')), { maxLength: 4, selector: ([name]) => name }), fc.boolean(), fc.boolean())
      .map(([properties, closed, requireAll]) =>
        own([
          ['type', 'object'],
          ['properties', own(properties)],
          ...(requireAll ? [['required', properties.map(([name]) => name)] as const] : []),
          ...(closed ? [['additionalProperties', false] as const] : []),
        ]),
      ),
    array: tie('schema').map((items) =>
      own([
        ['type', 'array'],
        ['items', items],
      ]),
    ),
  }));
  return schema;
}

/** A value that `schema` accepts (every property filled in, first enum value, first branch). */
export function exampleFor(schema: Json, shared: ReadonlyMap<string, Json>, depth = 0): Json {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema) || depth > 20) return null;
  const ref = schema['$ref'];
  if (typeof ref === 'string') return exampleFor(shared.get(ref.slice('#/schemas/'.length)) ?? null, shared, depth + 1);
  if (Object.hasOwn(schema, 'const')) return schema['const'] ?? null;
  const values = schema['enum'];
  if (Array.isArray(values)) return values[0] ?? null;
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'string':
      return 'an example */ ${x} `y` | <b>';
    case 'integer':
      return 7;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [exampleFor(schema['items'] ?? null, shared, depth + 1)];
    case 'object': {
      const properties = schema['properties'];
      const entries = properties !== null && typeof properties === 'object' && !Array.isArray(properties) ? Object.entries(properties) : [];
      return own(entries.map(([name, sub]) => [name, exampleFor(sub, shared, depth + 1)] as const));
    }
    default:
      return null;
  }
}

/** Text for every locale, as a plain string (source locale) or a map with some translations missing. */
function localizedArb(locales: readonly string[]): fc.Arbitrary<Json> {
  return fc.oneof(
    textArb,
    fc
      .tuple(textArb, fc.subarray(locales.slice(1)), fc.array(textArb, { minLength: locales.length, maxLength: locales.length }))
      .map(([source, others, texts]) => own([[locales[0]!, source], ...others.map((locale, i) => [locale, texts[i]!] as const)])),
  );
}

export interface CatalogFiles {
  /** Path relative to the catalog folder -> data written as YAML. */
  readonly files: ReadonlyMap<string, JsonObject>;
}

/** A valid catalog, as the data of its files. `size` bounds events per catalog. */
export function catalogArb(maxEvents = 4): fc.Arbitrary<CatalogFiles> {
  return fc
    .record({
      locales: fc.shuffledSubarray(LOCALES, { minLength: 1, maxLength: 3 }),
      sharedNames: fc.uniqueArray(fc.constantFrom(...SCHEMA_NAMES), { maxLength: 3 }),
      categoryIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
      keys: fc.uniqueArray(eventKeyArb, { minLength: 1, maxLength: maxEvents }),
      split: fc.boolean(),
    })
    .chain(({ locales, sharedNames, categoryIds, keys, split }) =>
      fc
        .record({
          title: localizedArb(locales),
          description: localizedArb(locales),
          shared: fc.tuple(...sharedNames.map(() => schemaArb([]))),
          categories: fc.tuple(...categoryIds.map(() => fc.tuple(localizedArb(locales), localizedArb(locales)))),
          events: fc.tuple(...keys.map(() => fc.tuple(localizedArb(locales), localizedArb(locales), schemaArb(sharedNames), fc.nat()))),
        })
        .map(({ title, description, shared, categories, events }) => {
          const sharedSchemas = new Map<string, Json>(sharedNames.map((name, i) => [name, shared[i]!]));
          const catalog = own([
            [
              'catalog',
              own([
                ['id', 'random'],
                ['version', '1.0'],
                ['locales', locales],
                ['sourceLocale', locales[0]!],
                ['title', title],
                ['description', description],
              ]),
            ],
            [
              'categories',
              categoryIds.map((id, i) =>
                own([
                  ['id', id],
                  ['title', categories[i]![0]],
                  ['description', categories[i]![1]],
                ]),
              ),
            ],
            ...(sharedNames.length > 0 ? [['schemas', own([...sharedSchemas])] as const] : []),
          ]);
          // Every category gets an event (a category without events is an error): the first
          // events go one to each category, the rest anywhere.
          const eventData = keys.map((key, i) => {
            const [eventTitle, eventDescription, payload, pick] = events[i]!;
            const category = i < categoryIds.length ? categoryIds[i]! : categoryIds[pick % categoryIds.length]!;
            return own([
              ['key', key],
              ['category', category],
              ['title', eventTitle],
              ['description', eventDescription],
              ['payload', payload],
              ['examples', [own([['payload', exampleFor(payload, sharedSchemas)]])]],
            ]);
          });
          const covered = eventData.slice(0, Math.min(categoryIds.length, keys.length));
          const categoriesUsed = covered.length === categoryIds.length;
          const catalogData = categoriesUsed
            ? catalog
            : own([...Object.entries(catalog).filter(([k]) => k !== 'categories'), ['categories', (catalog['categories'] as Json[]).slice(0, keys.length)]]);
          const files = new Map<string, JsonObject>([['catalog.yaml', catalogData]]);
          if (split && eventData.length > 1) {
            files.set('events/first.yaml', own([['events', eventData.slice(0, 1)]]));
            files.set('events/rest.yaml', own([['events', eventData.slice(1)]]));
          } else files.set('events/all.yaml', own([['events', eventData]]));
          return { files };
        }),
    );
}

/** The YAML text of each file, written by the `yaml` package (no anchors, so no aliases). */
export function catalogTexts(catalog: CatalogFiles): Map<string, string> {
  return new Map([...catalog.files].map(([file, data]) => [file, stringify(data, { aliasDuplicateObjects: false })]));
}

export async function writeCatalog(dir: string, texts: ReadonlyMap<string, string | Buffer>): Promise<void> {
  for (const [file, text] of texts) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}
