/**
 * The starter catalog of `hookcat init`: `catalog.yaml` (metadata, envelope, subscriptions,
 * a category and a shared schema) and `events/orders.yaml` (three events with examples), in the
 * locales asked for. Each file starts with an editor modeline pointing at the catalog format's
 * JSON Schema in the installed package, so editors complete and check it.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import { STARTER_TEXTS, type StarterTexts } from './starter-texts.js';

/** The catalog format's schema inside the installed package, from the project folder. */
export const SCHEMA_IN_PACKAGE = 'node_modules/hookcat/src/catalog/schema.json';

export interface StarterOptions {
  readonly id: string;
  /** The name in titles: `Acme` in "Acme webhooks". */
  readonly name: string;
  /** Source locale first. */
  readonly locales: readonly string[];
}

export interface StarterFile {
  /** Path in the project, with `/`. */
  readonly path: string;
  readonly contents: string;
}

type Text = { [locale: string]: string };

/** One text in every locale that has starter texts (the others are left to translate). */
export function texts(options: StarterOptions, pick: (t: StarterTexts) => string): Text {
  const text: Text = {};
  for (const locale of options.locales) {
    const own = STARTER_TEXTS[locale];
    if (own !== undefined) text[locale] = pick(own).replace(/\{name\}/g, options.name);
  }
  return text;
}

/** `# yaml-language-server: $schema=...` for a file `depth` folders below the project. */
function modeline(depth: number): string {
  return ` yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_IN_PACKAGE}`;
}

function yamlFile(data: object, comments: readonly string[]): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = comments.join('\n');
  // Lists of plain values on one line: `locales: [en, et]`, `required: [id, created]`.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function catalogData(o: StarterOptions): object {
  const t = (pick: (t: StarterTexts) => string): Text => texts(o, pick);
  return {
    catalog: { id: o.id, version: '1.0', locales: [...o.locales], sourceLocale: o.locales[0], title: t((x) => x.title), description: t((x) => x.description) },
    envelope: {
      description: t((x) => x.envelope),
      properties: {
        id: { type: 'string', format: 'uuid', description: t((x) => x.eventId) },
        created: { type: 'string', format: 'date-time', description: t((x) => x.created) },
      },
      required: ['id', 'created'],
      signature: { scheme: 'standard-webhooks', description: t((x) => x.signature) },
      responses: [{ status: '2XX', description: t((x) => x.accepted) }],
      retries: t((x) => x.retries),
    },
    subscriptions: {
      title: t((x) => x.subscriptionsTitle),
      description: t((x) => x.subscriptionsDescription),
      path: '/v1/webhooks',
      secret: { minLength: 32, description: t((x) => x.secret) },
    },
    categories: [{ id: 'orders', title: t((x) => x.ordersTitle), description: t((x) => x.ordersDescription) }],
    schemas: {
      Money: {
        type: 'object',
        description: t((x) => x.money),
        required: ['amount', 'currency'],
        properties: {
          amount: { type: 'integer', minimum: 0, description: t((x) => x.amount) },
          currency: { type: 'string', pattern: '^[A-Z]{3}$', description: t((x) => x.currency) },
        },
      },
    },
  };
}

function eventsData(o: StarterOptions): object {
  const t = (pick: (t: StarterTexts) => string): Text => texts(o, pick);
  const orderId = { type: 'string', format: 'uuid', description: t((x) => x.orderId) };
  const total = { $ref: '#/schemas/Money', description: t((x) => x.total) };
  const example = { orderId: '6f1c3b0e-8a2d-4c1e-9b7a-2d5e8f0a1c34', total: { amount: 1999, currency: 'EUR' } };
  const event = (key: string, title: (x: StarterTexts) => string, description: (x: StarterTexts) => string, payload: object, sample: object) => ({
    key,
    category: 'orders',
    title: t(title),
    description: t(description),
    payload,
    examples: [{ name: 'basic', summary: t((x) => x.basicExample), payload: sample }],
  });
  const paid = { type: 'object', required: ['orderId', 'total'], properties: { orderId, total } };
  return {
    events: [
      event(
        'order.created',
        (x) => x.createdTitle,
        (x) => x.createdDescription,
        paid,
        example,
      ),
      event(
        'order.paid',
        (x) => x.paidTitle,
        (x) => x.paidDescription,
        paid,
        example,
      ),
      event(
        'order.cancelled',
        (x) => x.cancelledTitle,
        (x) => x.cancelledDescription,
        { type: 'object', required: ['orderId'], properties: { orderId, reason: { type: 'string', nullable: true, description: t((x) => x.reason) } } },
        { orderId: example.orderId, reason: null },
      ),
    ],
  };
}

/** The starter catalog's files. */
export function starterCatalog(options: StarterOptions): StarterFile[] {
  const folder = `catalog/${options.id}`;
  return [
    {
      path: `${folder}/catalog.yaml`,
      contents: yamlFile(catalogData(options), [
        modeline(2),
        ' The catalog: its metadata, what every delivery looks like, the subscription API, the',
        ' categories and shared schemas. Events are in events/*.yaml. The format is described in',
        ' hookcat\'s README ("The catalog format") and, for editors, in the schema above.',
      ]),
    },
    {
      path: `${folder}/events/orders.yaml`,
      contents: yamlFile(eventsData(options), [modeline(3), ' Events of the `orders` category. Add more files like this one as the catalog grows.']),
    },
  ];
}
