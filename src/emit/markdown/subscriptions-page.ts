/**
 * `subscriptions.md`: managing the endpoints that receive events — list, create, details,
 * test, edit, delete, the signing secret, and the fields of a subscription.
 */
import type { SubscriptionApi, SubscriptionOperationName } from '../../model/types.js';
import { oneLine } from './escape.js';
import { schemaLinks, type FieldRow } from './field-table.js';
import { facetsOf, resolveRef, typeName } from './schema-shape.js';
import { LINKS, plainText, PAGE_ORDER, type PageContext, type PageView } from './page.js';

/** HTTP method and path of each operation, as in the OpenAPI output. */
function route(api: SubscriptionApi, name: SubscriptionOperationName): string {
  const item = `${api.path}/{${api.idField}}`;
  switch (name) {
    case 'list':
      return `GET ${api.path}`;
    case 'create':
      return `POST ${api.path}`;
    case 'get':
      return `GET ${item}`;
    case 'update':
      return `PATCH ${item}`;
    case 'delete':
      return `DELETE ${item}`;
    case 'test':
      return `POST ${item}/test`;
  }
}

export function subscriptionsPage(ctx: PageContext, api: SubscriptionApi): PageView {
  const { text } = ctx;
  const title = text.pick(api.title, 'subscriptions/title');
  const description = text.description(api.description, 'subscriptions/description');
  const view = {
    links: LINKS.fromTop,
    subscriptions: {
      title,
      description,
      path: api.path,
      idField: api.idField,
      url: api.targets.includes('url'),
      email: api.targets.includes('email'),
      /** With one target kind, its address field is required; with two, either one is. */
      singleTarget: api.targets.length === 1,
      operations: api.operations.map((operation) => ({
        name: operation.name,
        route: route(api, operation.name),
        summary: text.pick(operation.summary, `subscriptions/operations/${operation.name}/summary`),
        description: text.description(operation.description, `subscriptions/operations/${operation.name}/description`),
        /** Message ids of the default title and explanation of this operation. */
        title: `operationTitle_${operation.name}`,
        help: `operation_${operation.name}`,
      })),
      secret:
        api.secret === undefined
          ? null
          : { description: text.description(api.secret.description, 'subscriptions/secret'), minLength: api.secret.minLength ?? null },
      fields: api.fields.map((field) => {
        const row: FieldRow = {
          path: field.name,
          type: typeName(field.schema),
          links: schemaLinks(field.schema, { shared: ctx.shared, text, label: 'subscriptions/fields', schemaUrl: LINKS.fromTop.schema }),
          facets: facetsOf(resolveRef(field.schema, ctx.shared).schema),
          variant: null,
          required: field.required,
          description: null,
        };
        return {
          name: field.name,
          row,
          required: field.required,
          title: text.pick(field.title, `subscriptions/fields/${field.name}/title`),
          description: text.description(field.description, `subscriptions/fields/${field.name}/description`),
        };
      }),
    },
  };
  return {
    path: 'subscriptions.md',
    template: 'subscriptions',
    title: oneLine(title.text),
    description: plainText(ctx, description.text),
    order: PAGE_ORDER.subscriptions,
    extra: {},
    view,
  };
}
