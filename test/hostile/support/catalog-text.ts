/**
 * What a catalog says, read independently of hookcat's loader (the `yaml` package directly):
 * the texts and the payload strings that every output must give back unchanged.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** Keywords holding localized text: a string in the source locale, or a map locale -> text. */
const TEXT_KEYS = new Set(['title', 'description', 'summary', 'reason', 'retries']);
const SUBSCHEMA = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const SUBSCHEMA_LIST = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const VALUE_KEYWORDS = ['enum', 'const', 'default', 'examples'];

export interface EventText {
  readonly key: string;
  readonly category: string;
  /** Text by locale, after falling back to the source locale. */
  readonly title: (locale: string) => string;
  readonly description: (locale: string) => string;
  readonly examples: readonly unknown[];
}

export interface CategoryText {
  readonly id: string;
  readonly title: (locale: string) => string;
}

export interface CatalogText {
  readonly id: string;
  readonly locales: readonly string[];
  readonly sourceLocale: string;
  /** Every text of the catalog in every locale but descriptions: titles, summaries, reasons, header examples. */
  readonly texts: readonly string[];
  /** Names of payload properties, anywhere in any schema. */
  readonly propertyNames: readonly string[];
  /** String values of `enum` and `const`. */
  readonly enumStrings: readonly string[];
  /** Every string and key inside schema values (`enum`, `const`, `default`, `examples`) and example payloads. */
  readonly valueStrings: readonly string[];
  /** Titles inside payload schemas, in every locale. */
  readonly schemaTexts: readonly string[];
  /** Descriptions of the catalog's parts (catalog, categories, events, envelope, subscriptions), in
   * every locale: written in the markdown subset, so outputs show them rather than copy them. */
  readonly descriptions: readonly string[];
  /** Descriptions inside payload schemas, in every locale. */
  readonly schemaDescriptions: readonly string[];
  readonly events: readonly EventText[];
  readonly categories: readonly CategoryText[];
  readonly sharedSchemaNames: readonly string[];
}

type Data = Record<string, unknown>;

/** Reads every `.yaml`/`.yml` file of a catalog folder (not following links) and collects its text. */
export async function readCatalogText(folder: string): Promise<CatalogText> {
  const files = await yamlFiles(folder, '');
  const documents: Data[] = [];
  for (const file of files) {
    const text = (await readFile(path.join(folder, file), 'utf8')).replace(/^\uFEFF/, '');
    // YAML 1.1 merge keys (`<<: *base`) merged, as catalogs read them.
    const data: unknown = parse(text, { merge: true });
    if (isObject(data)) documents.push(data);
  }
  const metadata = documents.map((d) => d['catalog']).find(isObject) ?? {};
  const sourceLocale = String(metadata['sourceLocale']);
  const locales = (metadata['locales'] as string[] | undefined) ?? [sourceLocale];
  const collected = {
    texts: new Set<string>(),
    propertyNames: new Set<string>(),
    enumStrings: new Set<string>(),
    valueStrings: new Set<string>(),
    schemaTexts: new Set<string>(),
    descriptions: new Set<string>(),
    schemaDescriptions: new Set<string>(),
  };
  const events: EventText[] = [];
  const categories: CategoryText[] = [];
  const sharedSchemaNames: string[] = [];
  for (const document of documents) {
    collectTexts(document, collected);
    for (const [name, schema] of Object.entries(asObject(document['schemas']))) {
      sharedSchemaNames.push(name);
      collectSchema(schema, collected);
    }
    const envelope = asObject(document['envelope']);
    for (const schema of Object.values(asObject(envelope['properties']))) collectSchema(schema, collected);
    for (const header of asList(envelope['headers']))
      if (typeof asObject(header)['example'] === 'string') collected.texts.add(asObject(header)['example'] as string);
    for (const field of asList(asObject(document['subscriptions'])['fields'])) collectSchema(asObject(field)['schema'], collected);
    for (const category of asList(document['categories']).map(asObject)) {
      categories.push({ id: String(category['id']), title: localized(category['title'], sourceLocale) });
    }
    for (const event of asList(document['events']).map(asObject)) {
      collectSchema(event['payload'], collected);
      const examples = asList(event['examples']).map((e) => asObject(e)['payload']);
      for (const payload of examples) collectValue(payload, collected.valueStrings);
      events.push({
        key: String(event['key']),
        category: String(event['category']),
        title: localized(event['title'], sourceLocale),
        description: localized(event['description'], sourceLocale),
        examples,
      });
    }
  }
  return {
    id: String(metadata['id']),
    locales,
    sourceLocale,
    texts: [...collected.texts],
    propertyNames: [...collected.propertyNames],
    enumStrings: [...collected.enumStrings],
    valueStrings: [...collected.valueStrings],
    schemaTexts: [...collected.schemaTexts],
    descriptions: [...collected.descriptions],
    schemaDescriptions: [...collected.schemaDescriptions],
    events,
    categories,
    sharedSchemaNames,
  };
}

async function yamlFiles(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await yamlFiles(root, child)));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) found.push(child);
  }
  return found;
}

/** Localized text as a function of the locale, falling back to the source locale. */
function localized(value: unknown, sourceLocale: string): (locale: string) => string {
  if (typeof value === 'string') return () => value;
  const map = asObject(value);
  return (locale) => {
    const text = Object.hasOwn(map, locale) ? map[locale] : map[sourceLocale];
    return typeof text === 'string' ? text : '';
  };
}

/** Every text under a text keyword, anywhere (descriptions apart); names in name maps and schema values are not texts. */
function collectTexts(value: unknown, into: { readonly texts: Set<string>; readonly descriptions: Set<string> }, nameMap = false): void {
  if (Array.isArray(value)) {
    for (const item of value) collectTexts(item, into);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (nameMap) collectTexts(child, into);
    else if (key === 'properties' || key === 'schemas' || SUBSCHEMA_MAP.includes(key)) collectTexts(child, into, true);
    else if (key === 'examples' && asList(child).every((e) => isObject(e) && Object.hasOwn(e, 'payload'))) {
      for (const example of asList(child)) addText(asObject(example)['summary'], into.texts);
    } else if (VALUE_KEYWORDS.includes(key)) continue;
    else if (TEXT_KEYS.has(key) && (typeof child === 'string' || isTextMap(child))) addText(child, key === 'description' ? into.descriptions : into.texts);
    else collectTexts(child, into);
  }
}

function isTextMap(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

function addText(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (isObject(value)) for (const text of Object.values(value)) if (typeof text === 'string') into.add(text);
}

interface SchemaStrings {
  readonly propertyNames: Set<string>;
  readonly enumStrings: Set<string>;
  readonly valueStrings: Set<string>;
  readonly schemaTexts: Set<string>;
  readonly schemaDescriptions: Set<string>;
}

function collectSchema(schema: unknown, into: SchemaStrings, depth = 0): void {
  if (!isObject(schema) || depth > 300) return;
  addText(schema['title'], into.schemaTexts);
  addText(schema['description'], into.schemaDescriptions);
  for (const keyword of ['enum', 'const']) {
    const values = keyword === 'enum' ? asList(schema[keyword]) : [schema[keyword]];
    for (const value of values) if (typeof value === 'string') into.enumStrings.add(value);
  }
  for (const keyword of VALUE_KEYWORDS) if (Object.hasOwn(schema, keyword)) collectValue(schema[keyword], into.valueStrings);
  for (const keyword of ['properties', 'patternProperties'])
    for (const name of Object.keys(asObject(schema[keyword]))) if (keyword === 'properties') into.propertyNames.add(name);
  for (const keyword of SUBSCHEMA) collectSchema(schema[keyword], into, depth + 1);
  for (const keyword of SUBSCHEMA_LIST) for (const item of asList(schema[keyword])) collectSchema(item, into, depth + 1);
  for (const keyword of SUBSCHEMA_MAP) for (const item of Object.values(asObject(schema[keyword]))) collectSchema(item, into, depth + 1);
}

/** Every string and every key in a JSON value. */
export function collectValue(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectValue(item, into);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      collectValue(child, into);
    }
  }
}

export function isObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: unknown): Data {
  return isObject(value) ? value : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
