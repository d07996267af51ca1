/**
 * Categories as OpenAPI tags (§4.8.22 Tag Object): one tag per category, named by its title in
 * the source locale, described by its description. Subgroups have no Tag Object of their own;
 * the category's tag lists them, with their events, under `x-groups`.
 */
import { textIn } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import type { JsonObject } from '../json-schema/json-object.js';
import { annotationsOf } from '../json-schema/translations.js';

export interface CategoryTags {
  /** Tag Objects in category order. */
  readonly tags: JsonObject[];
  /** Tag name of each category id. */
  readonly tagOf: ReadonlyMap<string, string>;
}

/** The tags of `catalog`'s categories; `uniqueTag` keeps tag names unique. */
export function categoryTags(catalog: Catalog, uniqueTag: (wanted: string) => string): CategoryTags {
  const tagOf = new Map<string, string>();
  const keysIn = groupedKeys(catalog);
  const tags = catalog.categories.map((category): JsonObject => {
    const name = uniqueTag(textIn(category.title, catalog.sourceLocale) || category.id);
    tagOf.set(category.id, name);
    const { title: _title, ...described } = annotationsOf(catalog, { title: category.title, description: category.description });
    const tag: JsonObject = { name, ...described };
    if (category.groups.length > 0) {
      tag['x-groups'] = category.groups.map((group) => ({
        id: group.id,
        ...annotationsOf(catalog, { title: group.title, description: group.description }),
        webhooks: keysIn.get(category.id)?.get(group.id) ?? [],
      }));
    }
    return tag;
  });
  return { tags, tagOf };
}

/** Event keys by category and subgroup, in catalog order (one pass, however many subgroups). */
function groupedKeys(catalog: Catalog): Map<string, Map<string | undefined, string[]>> {
  const out = new Map<string, Map<string | undefined, string[]>>();
  for (const event of catalog.events) {
    let groups = out.get(event.category);
    if (groups === undefined) out.set(event.category, (groups = new Map()));
    const keys = groups.get(event.group);
    if (keys === undefined) groups.set(event.group, [event.key]);
    else keys.push(event.key);
  }
  return out;
}
