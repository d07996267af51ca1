/**
 * Objects a source writes out more than once become shared schemas of the imported catalog, as a
 * catalog written by hand would have them. GitHub's description repeats its repository object in
 * 28 events and the `head`/`base` branch object 27 times, and writes 194 copies of schemas it also
 * names as components: each copy becomes a `$ref` to one shared schema (a copy of a named one, to
 * that one). The catalog, its pages, types and schemas shrink to about half (bench/README.md).
 *
 * What a payload accepts does not change: a `$ref` to an identical schema validates as that schema
 * does, and schemas where that could be told apart are left as they are (see
 * `emit/runtime/repeated-subschemas.ts`, which shares the same way inside the receiver runtime).
 * Only objects get a new shared schema: a repeated enum or boolean stays where its property
 * documents it. A copy keeps its `description` and `deprecated` beside its `$ref`, where the
 * types and pages of its property read them.
 */
import { type FirstMet, shareRepeated } from '../emit/runtime/repeated-subschemas.js';
import type { JsonSchema } from '../model/types.js';
import { eventComponentName, payloadTypeName, RESERVED_OUTPUT_NAMES, schemaTypeName } from '../names/output-names.js';
import { isObject } from '../catalog/schema-walk.js';
import type { ImportedCatalog } from './imported.js';
import { accepts } from './names.js';

const SHARED_PREFIX = '#/schemas/';

/** Names of JavaScript's own objects: a type so named would hide them in the generated module. */
const JAVASCRIPT_GLOBALS = ['Object', 'Array', 'String', 'Number', 'Boolean', 'BigInt', 'Symbol', 'Date', 'Error', 'Map', 'RegExp', 'JSON', 'Math', 'Function'];

/** Longest name made from a title or property, before a `-2` is added. */
const MAX_WANTED = 60;

/** A catalog's reference to a shared schema means the same wherever it is written. */
const isSharedRef = (ref: string): boolean => ref.startsWith(SHARED_PREFIX) && !ref.slice(SHARED_PREFIX.length).includes('/');

/** `catalog` with every repeated object of its payloads and shared schemas shared by name. */
export function withRepeatedObjectsShared(catalog: ImportedCatalog): ImportedCatalog {
  const shared = [...catalog.schemas].filter((entry): entry is [string, JsonSchema] => isObject(entry[1]));
  const events = catalog.events.filter((event) => isObject(event.payload));
  const roots = [...shared.map(([, schema]) => schema), ...events.map((event) => event.payload as JsonSchema)];
  const rootNames = [...shared.map(([name]) => name), ...events.map((event) => event.key)];
  const names = new OutputNames([
    ...catalog.schemas.keys(),
    ...catalog.events.flatMap((event) => [payloadTypeName(event.key), eventComponentName(event.key)]),
    ...RESERVED_OUTPUT_NAMES,
    ...JAVASCRIPT_GLOBALS,
  ]);
  const discriminated = roots.some(hasDiscriminator);
  const named: string[] = [];
  const result = shareRepeated(
    roots,
    (n, first) => {
      named[n] = names.claim(wantedName(first, rootNames[first.root]!));
      return `${SHARED_PREFIX}${named[n]}`;
    },
    {
      placeFree: isSharedRef,
      named: new Map(shared.map(([name, schema]) => [schema, `${SHARED_PREFIX}${name}`])),
      shares: (schema) => isObjectSchema(schema) && !(discriminated && extendsByRef(schema)),
      keptAtUse: ['description', 'deprecated'],
    },
  );
  if (result.schemas.every((schema, i) => schema === roots[i])) return catalog;
  const rewritten = new Map(roots.map((schema, i) => [schema, result.schemas[i]!]));
  const schemas = new Map([...catalog.schemas].map(([name, schema]) => [name, rewritten.get(schema as JsonSchema) ?? schema]));
  result.repeated.forEach((schema, n) => schemas.set(named[n]!, schema));
  return {
    ...catalog,
    schemas,
    events: catalog.events.map((event) => ({ ...event, payload: rewritten.get(event.payload as JsonSchema) ?? event.payload })),
  };
}

/** A schema of objects (`type: object`, or `properties` without a type). */
function isObjectSchema(schema: JsonSchema): boolean {
  const type = schema['type'];
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || (type === undefined && isObject(schema['properties']));
}

/** Whether `schema` extends another by `allOf` and `$ref`: moved out, it would be a named
 * subtype that a discriminator of the schema it extends picks by its name. */
function extendsByRef(schema: JsonSchema): boolean {
  const allOf = schema['allOf'];
  return Array.isArray(allOf) && allOf.some((part) => isObject(part) && typeof part['$ref'] === 'string');
}

function hasDiscriminator(schema: unknown): boolean {
  return JSON.stringify(schema).includes('"discriminator":');
}

/** A name for a repeated object: its title (`Simple User` -> `simple-user`), else the property
 * it was first met under, else its place: the item of a list that the shared schema or event
 * `root` is (`installation-repositories-item`). */
function wantedName({ schema, property }: FirstMet, root: string): string {
  for (const text of [schema['title'], property]) {
    const name = typeof text === 'string' ? words(text) : '';
    if (accepts('schema', name)) return name;
  }
  const fromRoot = words(`${root} item`);
  return accepts('schema', fromRoot) ? fromRoot : 'item';
}

/** `Simple User` -> `simple-user`; `pull_request` -> `pull-request`; `HTTPServer` ->
 * `http-server`; `Événement créé` -> `evenement-cree`. */
function words(text: string): string {
  const list = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  let name = '';
  for (const word of list) {
    const next = name === '' ? word : `${name}-${word}`;
    if (next.length > MAX_WANTED) break;
    name = next;
  }
  return name;
}

/**
 * The names a catalog's shared schemas must not share with anything else of it: a file name
 * (compared without case, as macOS and Windows do), or an output name (the TypeScript type and
 * OpenAPI component, PascalCase) that another schema, an event or hookcat has.
 */
class OutputNames {
  private readonly taken = new Set<string>();
  /** The next number to try after `wanted`, so that claiming n names alike costs n tries. */
  private readonly next = new Map<string, number>();

  constructor(names: readonly string[]) {
    for (const name of names) this.take(name);
  }

  /** `wanted`, or `wanted-2`, `wanted-3`...: the first one free, now taken. */
  claim(wanted: string): string {
    let i = this.next.get(wanted) ?? 1;
    let name = i === 1 ? wanted : `${wanted}-${i}`;
    while (this.isTaken(name)) name = `${wanted}-${++i}`;
    this.next.set(wanted, i + 1);
    this.take(name);
    return name;
  }

  private isTaken(name: string): boolean {
    return this.taken.has(name.toLowerCase()) || this.taken.has(schemaTypeName(name).toLowerCase());
  }

  private take(name: string): void {
    this.taken.add(name.toLowerCase());
    this.taken.add(schemaTypeName(name).toLowerCase());
  }
}
