/**
 * A payload schema as the rows of a field table: nested fields flattened with their paths
 * (`customer.address.city`), array items as `items[]`, map values as `labels.*`, tuple
 * members as `location[0]`, and the fields of `oneOf`/`anyOf` branches marked with their
 * variant (its title, or its number).
 *
 * A shared schema is never expanded here: a field that refers to one links its page
 * (`schemas/<Name>.md`), which holds its own table. So a table has at most one row per schema
 * node written in the definition it shows, and the pages of a catalog grow linearly with it,
 * however the shared schemas refer to each other.
 */
import type { JsonSchema, LocalText } from '../../model/types.js';
import type { TextPicker } from './local-text.js';
import { facetsOf, itemsOf, objectShape, prefixItemsOf, refName, resolveRef, typeName, variantsOf, type SharedSchemas } from './schema-shape.js';

/** A link to the page of a shared schema. */
export interface SchemaLink {
  readonly name: string;
  readonly url: string;
}

export interface FieldRow {
  readonly path: string;
  /** Type in JSON Schema notation, e.g. `string | null`, `Member`, `Comment[]`. */
  readonly type: string;
  /** The shared schemas the type names, linked to their pages. */
  readonly links: readonly SchemaLink[];
  /** Constraints such as `format: uuid`. */
  readonly facets: readonly string[];
  /** Which `oneOf`/`anyOf` branch the field belongs to: branch titles, or numbers such as `2`
   * or `1.3`; null outside. */
  readonly variant: string | null;
  readonly required: boolean;
  /** Null when the schema says nothing (templates get null, never undefined, for absent values). */
  readonly description: LocalText | null;
}

/** Deepest nesting shown; deeper fields are left out (the type column still names them). */
const MAX_DEPTH = 12;

/** What every row of one table is built with. */
export interface TableContext {
  readonly shared: SharedSchemas;
  readonly text: TextPicker;
  /** Prefix of fallback labels, e.g. `events/post.updated/payload`. */
  readonly label: string;
  /** The URL of a shared schema's page, relative to the page the table is on. */
  readonly schemaUrl: (name: string) => string;
}

interface Walk extends TableContext {
  readonly rows: FieldRow[];
}

interface Place {
  readonly prefix: string;
  readonly variant: string | null;
  readonly depth: number;
}

/** Rows for the fields of `schema` (the schema itself has no row; see `rootLinks`). */
export function fieldRows(schema: JsonSchema, table: TableContext): FieldRow[] {
  const walk: Walk = { ...table, rows: [] };
  addChildren(walk, schema, { prefix: '', variant: null, depth: 0 });
  return walk.rows;
}

/** Rows for named top-level fields (used for the envelope, whose fields are listed apart). */
export function namedFieldRows(fields: ReadonlyArray<readonly [string, JsonSchema]>, required: ReadonlySet<string>, table: TableContext): FieldRow[] {
  const walk: Walk = { ...table, rows: [] };
  const place: Place = { prefix: '', variant: null, depth: 0 };
  for (const [name, schema] of fields) addField(walk, name, schema, required.has(name), place);
  return walk.rows;
}

/** The shared schemas a schema names at its top: itself a `$ref`, the items of an array, the
 * members of `allOf`, or the one schema of `anyOf`/`oneOf` beside `null`. */
export function schemaLinks(schema: JsonSchema, table: TableContext): SchemaLink[] {
  const names = new Set<string>();
  const add = (node: JsonSchema | undefined): void => {
    const name = node === undefined ? undefined : refName(node, table.shared);
    if (name !== undefined) names.add(name);
  };
  add(schema);
  add(itemsOf(schema));
  for (const base of baseLinks(schema, table)) names.add(base.name);
  const branches = variantsOf(schema).filter((branch) => branch['type'] !== 'null');
  if (branches.length === 1) add(branches[0]);
  return [...names].map((name) => ({ name, url: table.schemaUrl(name) }));
}

/** The one branch of a `oneOf`/`anyOf` of a schema and `null` (`[{ $ref: Address }, { type: 'null' }]`): no choice, only a nullable value. */
function onlyBesideNull(schema: JsonSchema): JsonSchema | undefined {
  const branches = variantsOf(schema);
  const nonNull = branches.filter((branch) => branch['type'] !== 'null');
  return branches.length === 2 && nonNull.length === 1 ? nonNull[0] : undefined;
}

/** The shared schemas whose fields `schema` has besides its own (`allOf` members that are refs). */
export function baseLinks(schema: JsonSchema, table: TableContext): SchemaLink[] {
  const names = objectShape(schema)
    .bases.map((base) => refName(base, table.shared))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].map((name) => ({ name, url: table.schemaUrl(name) }));
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** A field's description; without one of its own, what the shared schema it names says. */
function describe(walk: Walk, schema: JsonSchema, path: string): LocalText | null {
  const label = `${walk.label}/${path}`;
  const own = walk.text.pickSchema(schema, 'description', label);
  if (own !== undefined) return own;
  const named = refName(schema, walk.shared) ?? refName(itemsOf(schema) ?? {}, walk.shared) ?? refName(onlyBesideNull(schema) ?? {}, walk.shared);
  const referred = named === undefined ? undefined : walk.shared.get(named);
  if (referred === undefined) return null;
  return walk.text.pickSchema(referred, 'description', label) ?? walk.text.pickSchema(referred, 'title', label) ?? null;
}

function addField(walk: Walk, path: string, schema: JsonSchema, required: boolean, place: Place): void {
  const row: FieldRow = {
    path,
    type: typeName(schema),
    links: schemaLinks(schema, walk),
    facets: facetsOf(resolveRef(schema, walk.shared).schema),
    variant: place.variant,
    required,
    description: describe(walk, schema, path),
  };
  walk.rows.push(row);
  addChildren(walk, schema, { ...place, prefix: path, depth: place.depth + 1 });
}

/** The label of branch `index` of a `oneOf`/`anyOf` at `place`: its title (or the title of
 * the shared schema it is), or its number. */
function variantLabel(walk: Walk, branch: JsonSchema, index: number, place: Place): string {
  const name = refName(branch, walk.shared);
  const titled = branch['title'] === undefined && name !== undefined ? (walk.shared.get(name) ?? branch) : branch;
  const title = walk.text.pickSchema(titled, 'title', `${walk.label}/${place.prefix}/variants/${index + 1}`)?.text;
  const own = title === undefined || title === '' ? String(index + 1) : title;
  if (place.variant === null) return own;
  return /^[0-9.]+$/.test(place.variant) && /^[0-9]+$/.test(own) ? `${place.variant}.${own}` : `${place.variant} › ${own}`;
}

function addChildren(walk: Walk, schema: JsonSchema, place: Place): void {
  // A shared schema is linked from the row that names it, never expanded.
  if (place.depth > MAX_DEPTH || refName(schema, walk.shared) !== undefined) return;

  const shape = objectShape(schema);
  for (const [key, value] of shape.properties) addField(walk, join(place.prefix, key), value, shape.required.has(key), place);
  if (shape.additional !== undefined) addField(walk, join(place.prefix, '*'), shape.additional, false, place);

  const tuple = prefixItemsOf(schema);
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  tuple.forEach((member, index) => addField(walk, `${place.prefix}[${index}]`, member, index < minItems, place));
  const items = itemsOf(schema);
  if (items !== undefined) addChildren(walk, items, { ...place, prefix: `${place.prefix}[]`, depth: place.depth + 1 });

  // One branch beside `null` is no choice: the field's own row says `Address | null` and links
  // it (no second row, "variant 1", that is never required), and an inline object's fields are its own.
  const only = place.prefix === '' ? undefined : onlyBesideNull(schema);
  if (only !== undefined) {
    if (refName(only, walk.shared) === undefined) addChildren(walk, only, { ...place, depth: place.depth + 1 });
    return;
  }
  variantsOf(schema).forEach((branch, index) => {
    const variant = variantLabel(walk, branch, index, place);
    // A branch that is a shared schema gets a row of its own, linking it.
    if (refName(branch, walk.shared) !== undefined) addField(walk, place.prefix, branch, false, { ...place, variant });
    else addChildren(walk, branch, { ...place, variant, depth: place.depth + 1 });
  });
}
