/**
 * `subscriptions.md`: managing the endpoints that receive events — list, create, details,
 * test, edit, delete, the path's parameters, which events a subscription can name (keys, `*`,
 * event families), the signing secret and who makes it, and the fields of a subscription.
 */
import { subscribableEvents } from '../../model/query.js';
import type { JsonSchema, SubscriptionApi, SubscriptionOperationName } from '../../model/types.js';
import { oneLine } from './escape.js';
import { schemaLinks, type FieldRow } from './field-table.js';
import { facetsOf, resolveRef, typeName } from './schema-shape.js';
import { LINKS, plainText, PAGE_ORDER, type PageContext, type PageView } from './page.js';

/** How many event families the page names as examples. */
const FAMILY_EXAMPLES = 3;

/** HTTP method and path of each operation, as in the OpenAPI output. */
function route(api: SubscriptionApi, name: SubscriptionOperationName): string {
  const item = `${api.path}/{${api.idParameter}}`;
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
  const row = (path: string, schema: JsonSchema, required: boolean, label: string): FieldRow => ({
    path,
    type: typeName(schema),
    links: schemaLinks(schema, { shared: ctx.shared, text, label, schemaUrl: LINKS.fromTop.schema }),
    facets: facetsOf(resolveRef(schema, ctx.shared).schema),
    variant: null,
    required,
    description: null,
  });
  const { families } = subscribableEvents(ctx.catalog, api);
  const secret = api.secret;
  const view = {
    links: LINKS.fromTop,
    subscriptions: {
      title,
      description,
      path: api.path,
      idField: api.idField,
      idRow: row(api.idField, api.idSchema, true, 'subscriptions/idSchema'),
      eventsField: api.eventsField,
      wildcards: api.wildcards.all || families.length > 0 ? { all: api.wildcards.all, families: families.slice(0, FAMILY_EXAMPLES) } : null,
      url: api.targets.includes('url'),
      email: api.targets.includes('email'),
      /** With one target kind, its address field is required; with two, either one is. */
      singleTarget: api.targets.length === 1,
      pathParameters: api.pathParameters.map((parameter) => ({
        name: parameter.name,
        row: row(parameter.name, parameter.schema, true, 'subscriptions/pathParameters'),
        description: text.description(parameter.description, `subscriptions/pathParameters/${parameter.name}/description`),
      })),
      operations: api.operations.map((operation) => ({
        name: operation.name,
        route: route(api, operation.name),
        summary: text.pick(operation.summary, `subscriptions/operations/${operation.name}/summary`),
        description: text.description(operation.description, `subscriptions/operations/${operation.name}/description`),
        /** Message ids of the default title and explanation of this operation. */
        title: `operationTitle_${operation.name}`,
        help: operation.name === 'create' && secret?.generatedBy === 'provider' ? 'operation_create_secretByProvider' : `operation_${operation.name}`,
      })),
      secret:
        secret === undefined
          ? null
          : {
              description: text.description(secret.description, 'subscriptions/secret'),
              minLength: secret.minLength ?? null,
              byUser: secret.generatedBy === 'user',
              required: secret.generatedBy === 'user' && secret.required,
              /** Message id of what the page says about a secret the provider makes. */
              madeBy: secret.generatedBy === 'user' ? null : secret.returned === 'create' ? 'secretByProviderOnce' : 'secretByProvider',
            },
      fields: api.fields.map((field) => ({
        name: field.name,
        row: row(field.name, field.schema, field.required, 'subscriptions/fields'),
        required: field.required,
        title: text.pick(field.title, `subscriptions/fields/${field.name}/title`),
        description: text.description(field.description, `subscriptions/fields/${field.name}/description`),
      })),
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
