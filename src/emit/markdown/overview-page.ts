/**
 * `index.md`: what the catalog's webhooks are for, how to subscribe, what a delivery looks
 * like (envelope fields, headers, signature, responses, retries), and how many events each
 * category has.
 */
import { signatureAlgorithmName, signatureHeaderOf } from '../../model/signature-headers.js';
import { categorySummary } from './category-summary.js';
import { deliveryBodyView, namingHeader } from './envelope.js';
import { oneLine } from './escape.js';
import { LINKS, plainText, PAGE_ORDER, type PageContext, type PageView } from './page.js';

export function overviewPage(ctx: PageContext): PageView {
  const { catalog, text } = ctx;
  const envelope = catalog.envelope;
  const title = text.pick(catalog.title, 'catalog/title');
  const description = text.description(catalog.description, 'catalog/description');
  const firstEvent = catalog.events[0];
  const view = {
    catalog: { title, description, version: catalog.version },
    links: LINKS.fromTop,
    exampleKey: firstEvent?.key ?? null,
    subscriptions:
      catalog.subscriptions === undefined ? null : { title: text.pick(catalog.subscriptions.title, 'subscriptions/title'), path: catalog.subscriptions.path },
    envelope: {
      description: text.description(envelope.description, 'envelope/description'),
      body: deliveryBodyView(ctx),
      headers: [
        ...[namingHeader(ctx) ?? []].flat(),
        ...envelope.headers.map((header) => ({
          name: header.name,
          description: text.description(header.description, `envelope/headers/${header.name}`),
          example: header.example ?? null,
        })),
      ],
      signature:
        envelope.signature === undefined
          ? null
          : {
              header: signatureHeaderOf(envelope.signature),
              algorithm: signatureAlgorithmName(envelope.signature),
              description: text.description(envelope.signature.description, 'envelope/signature'),
            },
      responses: envelope.responses.map((response) => ({
        status: response.status,
        description: text.description(response.description, `envelope/responses/${response.status}`),
      })),
      retries: text.pickOptional(envelope.retries, 'envelope/retries') ?? null,
    },
    summary: categorySummary(ctx),
  };
  return {
    path: 'index.md',
    template: 'overview',
    title: oneLine(title.text),
    description: plainText(ctx, description.text),
    order: PAGE_ORDER.overview,
    extra: {},
    view,
  };
}
