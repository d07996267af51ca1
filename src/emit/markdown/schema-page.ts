/**
 * `schemas/<Name>.md`: one shared schema — its title, description, type, and its own field
 * table, in which every shared schema it refers to is a link to that schema's page. Field
 * tables elsewhere link here instead of expanding the schema.
 */
import type { NamedSchema } from '../../model/types.js';
import { oneLine } from './escape.js';
import { baseLinks, fieldRows, schemaLinks, type FieldRow, type TableContext } from './field-table.js';
import { LINKS, plainText, PAGE_ORDER, schemaPagePath, type PageContext, type PageView } from './page.js';
import { facetsOf, typeName } from './schema-shape.js';

export function schemaPage(ctx: PageContext, named: NamedSchema, index: number): PageView {
  const { catalog, text } = ctx;
  const own = `schemas/${named.name}`;
  const title = text.pickOptional(named.title, `${own}/title`) ??
    text.pickSchema(named.schema, 'title', `${own}/title`) ?? { text: named.name, fallback: false };
  const description =
    text.optionalDescription(named.description, `${own}/description`) ?? text.pickSchema(named.schema, 'description', `${own}/description`) ?? null;
  const table: TableContext = { shared: ctx.shared, text, label: own, schemaUrl: LINKS.fromSchema.schema };
  const self: FieldRow = {
    path: named.name,
    type: typeName(named.schema),
    links: schemaLinks(named.schema, table),
    facets: facetsOf(named.schema),
    variant: null,
    required: true,
    description: null,
  };
  return {
    path: schemaPagePath(named.name),
    template: 'schema',
    title: oneLine(title.text),
    description: plainText(ctx, description?.text ?? ''),
    order: PAGE_ORDER.firstEvent + catalog.events.length + index,
    extra: { schema: named.name },
    view: {
      links: LINKS.fromSchema,
      schema: { name: named.name, title, description, self, bases: baseLinks(named.schema, table), rows: fieldRows(named.schema, table) },
    },
  };
}
