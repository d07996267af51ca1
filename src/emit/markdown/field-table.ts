/**
 * A payload schema as the rows of a field table: nested fields flattened with their paths
 * (`customer.address.city`), array items as `items[]`, map values as `labels.*`, tuple
 * members as `location[0]`, refs resolved to their fields (once per path: a recursive ref
 * stops), and the fields of `oneOf`/`anyOf` branches marked with their variant number.
 */
import type { JsonSchema, LocalText } from '../../model/types.js';
import type { TextPicker } from './local-text.js';
import { facetsOf, itemsOf, objectShape, prefixItemsOf, resolveRef, typeName, variantsOf, type SharedSchemas } from './schema-shape.js';

export interface FieldRow {
  readonly path: string;
  /** Type in JSON Schema notation, e.g. `string | null`, `Member`, `Comment[]`. */
  readonly type: string;
  /** Constraints such as `format: uuid`. */
  readonly facets: readonly string[];
  /** Which `oneOf`/`anyOf` branch the field belongs to, e.g. `2` or `1.3`; null outside. */
  readonly variant: string | null;
  readonly required: boolean;
  /** Null when the schema says nothing (templates get null, never undefined, for absent values). */
  readonly description: LocalText | null;
}

/** Deepest nesting shown; deeper fields are left out (the type column still names them). */
const MAX_DEPTH = 12;

interface Walk {
  readonly shared: SharedSchemas;
  readonly text: TextPicker;
  /** Prefix of fallback labels, e.g. `events/post.updated/payload`. */
  readonly label: string;
  readonly rows: FieldRow[];
}

interface Place {
  readonly prefix: string;
  /** Shared schemas being expanded on this path (a ref to one of them is not expanded again). */
  readonly expanding: ReadonlySet<string>;
  readonly variant: string | null;
  readonly depth: number;
}

/** Rows for the fields of `schema` (the schema itself has no row). */
export function fieldRows(schema: JsonSchema, shared: SharedSchemas, text: TextPicker, label: string): FieldRow[] {
  const walk: Walk = { shared, text, label, rows: [] };
  addChildren(walk, schema, { prefix: '', expanding: new Set(), variant: null, depth: 0 });
  return walk.rows;
}

/** Rows for named top-level fields (used for the envelope, whose fields are listed apart). */
export function namedFieldRows(
  fields: ReadonlyArray<readonly [string, JsonSchema]>,
  required: ReadonlySet<string>,
  shared: SharedSchemas,
  text: TextPicker,
  label: string,
): FieldRow[] {
  const walk: Walk = { shared, text, label, rows: [] };
  const place: Place = { prefix: '', expanding: new Set(), variant: null, depth: 0 };
  for (const [name, schema] of fields) addField(walk, name, schema, required.has(name), place);
  return walk.rows;
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

function addField(walk: Walk, path: string, schema: JsonSchema, required: boolean, place: Place): void {
  const { schema: target } = resolveRef(schema, walk.shared);
  // Without a description of its own, a field says what the shared schema it refers to
  // (directly, or as the items of an array) is.
  const items = itemsOf(target);
  const referred =
    target !== schema ? target : items !== undefined && resolveRef(items, walk.shared).name !== undefined ? resolveRef(items, walk.shared).schema : undefined;
  const label = `${walk.label}/${path}`;
  const description =
    walk.text.pickSchema(schema, 'description', label) ??
    (referred === undefined ? undefined : (walk.text.pickSchema(referred, 'description', label) ?? walk.text.pickSchema(referred, 'title', label)));
  walk.rows.push({ path, type: typeName(schema), facets: facetsOf(target), variant: place.variant, required, description: description ?? null });
  addChildren(walk, schema, { ...place, prefix: path, depth: place.depth + 1 });
}

function addChildren(walk: Walk, schema: JsonSchema, place: Place): void {
  if (place.depth > MAX_DEPTH) return;
  const { schema: target, name } = resolveRef(schema, walk.shared);
  if (name !== undefined && place.expanding.has(name)) return;
  const here: Place = name === undefined ? place : { ...place, expanding: new Set([...place.expanding, name]) };

  const shape = objectShape(target, walk.shared, here.expanding);
  for (const [key, value] of shape.properties) addField(walk, join(here.prefix, key), value, shape.required.has(key), here);
  if (shape.additional !== undefined) addField(walk, join(here.prefix, '*'), shape.additional, false, here);

  const tuple = prefixItemsOf(target);
  const minItems = typeof target['minItems'] === 'number' ? target['minItems'] : 0;
  tuple.forEach((member, index) => addField(walk, `${here.prefix}[${index}]`, member, index < minItems, here));
  const items = itemsOf(target);
  if (items !== undefined) addChildren(walk, items, { ...here, prefix: `${here.prefix}[]`, depth: here.depth + 1 });

  variantsOf(target).forEach((branch, index) => {
    const variant = here.variant === null ? String(index + 1) : `${here.variant}.${index + 1}`;
    addChildren(walk, branch, { ...here, variant, depth: here.depth + 1 });
  });
}
