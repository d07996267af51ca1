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
 */
import { type FirstMet, shareRepeated } from '../emit/runtime/repeated-subschemas.js';
import type { JsonSchema } from '../model/types.js';
import { schemaTypeName, TYPESCRIPT_API_NAMES } from '../names/output-names.js';
import { isObject } from '../catalog/schema-walk.js';
import type { ImportedCatalog } from './imported.js';
import { accepts } from './names.js';

const SHARED_PREFIX = '#/schemas/';

/** A catalog's reference to a shared schema means the same wherever it is written. */
const isSharedRef = (ref: string): boolean => ref.startsWith(SHARED_PREFIX) && !ref.slice(SHARED_PREFIX.length).includes('/');

/** `catalog` with every repeated object of its payloads and shared schemas shared by name. */
export function withRepeatedObjectsShared(catalog: ImportedCatalog): ImportedCatalog {
  const shared = [...catalog.schemas].filter((entry): entry is [string, JsonSchema] => isObject(entry[1]));
  const payloads = catalog.events.map((event) => event.payload).filter((payload): payload is JsonSchema => isObject(payload));
  const named = new Map(shared.map(([name, schema]) => [schema, `${SHARED_PREFIX}${name}`]));
  const taken = new Set([...catalog.schemas.keys()].flatMap(nameIdentities));
  for (const name of Object.values(TYPESCRIPT_API_NAMES)) taken.add(name.toLowerCase());
  const names: string[] = [];
  const roots = [...shared.map(([, schema]) => schema), ...payloads];
  const result = shareRepeated(
    roots,
    (n, first) => {
      names[n] = claimedName(wantedName(first), taken);
      return `${SHARED_PREFIX}${names[n]}`;
    },
    { placeFree: isSharedRef, named },
  );
  if (result.schemas.every((schema, i) => schema === roots[i])) return catalog;
  const rewritten = new Map(roots.map((schema, i) => [schema, result.schemas[i]!]));
  const schemas = new Map([...catalog.schemas].map(([name, schema]) => [name, rewritten.get(schema as JsonSchema) ?? schema]));
  result.repeated.forEach((schema, n) => schemas.set(names[n]!, schema));
  return {
    ...catalog,
    schemas,
    events: catalog.events.map((event) => ({ ...event, payload: rewritten.get(event.payload as JsonSchema) ?? event.payload })),
  };
}

/** A name for a repeated object: its title (`Simple User` -> `simple-user`), else the property
 * it was first met under, else `object`. */
function wantedName({ schema, property }: FirstMet): string {
  const title = typeof schema['title'] === 'string' ? kebab(schema['title']) : '';
  if (accepts('schema', title)) return title;
  const fromProperty = property === undefined ? '' : kebab(property);
  return accepts('schema', fromProperty) ? fromProperty : 'object';
}

/** `Simple User` -> `simple-user`; `pull_request` -> `pull-request`; `AuthorAssociation` -> `author-association`. */
function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .slice(0, 60);
}

/** `wanted`, or `wanted-2`, `wanted-3`... : the first that neither a file name nor an output
 * name (TypeScript type, OpenAPI component) of the catalog has yet. */
function claimedName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; nameIdentities(name).some((identity) => taken.has(identity)); i++) name = `${wanted}-${i}`;
  for (const identity of nameIdentities(name)) taken.add(identity);
  return name;
}

/** What a shared schema's name must not share with another's: its file name (compared without
 * case, as macOS and Windows do) and its output name. */
function nameIdentities(name: string): string[] {
  return [name.toLowerCase(), schemaTypeName(name).toLowerCase()];
}
