/**
 * The home page of one locale of the site: the site's title and introduction, then each
 * catalog with its description, its number of events, its version, how to subscribe and
 * where to download its machine-readable files. Made from the model; catalog text is escaped
 * for its place like on every generated page.
 */
import { inlineText, literal, paragraphText } from '../emit/markdown/escape.js';
import { textIn } from '../model/query.js';
import type { Catalog } from '../model/types.js';
import { fill, type SiteLabels } from './labels.js';
import { markdownLink, messageMarkdown, sitePageHead } from './site-page.js';

export interface HomeCatalog {
  readonly catalog: Catalog;
  /** The pages of the catalog in this locale: do they include a subscriptions page? */
  readonly hasSubscriptionsPage: boolean;
}

/** A catalog's text in `locale`, or in its source locale when the catalog lacks `locale`. */
function localText(catalog: Catalog, value: Catalog['title'], locale: string): string {
  return textIn(value, catalog.locales.includes(locale) ? locale : catalog.sourceLocale);
}

function catalogSection(entry: HomeCatalog, locale: string, labels: SiteLabels): string {
  const { catalog } = entry;
  const folder = `./${catalog.id}/`;
  const title = localText(catalog, catalog.title, locale);
  const description = paragraphText(localText(catalog, catalog.description, locale));
  const subscriptions = catalog.subscriptions;
  const subscribe =
    subscriptions === undefined || !entry.hasSubscriptionsPage
      ? literal(labels.subscribeWithoutApi)
      : messageMarkdown(labels.subscribeWithApi, {
          path: `\`${subscriptions.path}\``,
          page: markdownLink(inlineText(localText(catalog, subscriptions.title, locale)), `${folder}subscriptions.md`),
        });
  const facts = [
    `${messageMarkdown(labels.site_eventCount, { count: String(catalog.events.length) })} (${markdownLink(literal(labels.eventsPageTitle), `${folder}events.md`)})`,
    literal(fill(labels.catalogVersion, { version: catalog.version })),
    `${literal(labels.subscribeHeading)}: ${subscribe}`,
    `${literal(labels.site_downloads)}: ${markdownLink(literal(labels.site_downloadsLink), `${folder}downloads.md`)}`,
  ];
  return [
    `## ${markdownLink(inlineText(title), `${folder}index.md`)}`,
    ...(description === '' ? [] : [description]),
    facts.map((f) => `- ${f}`).join('\n'),
  ].join('\n\n');
}

/** The home page of `locale`: `index.md` at the locale's root. */
export function homePage(catalogs: readonly HomeCatalog[], locale: string, labels: SiteLabels, title: string, intro: string): string {
  const head = sitePageHead({ title, description: intro, catalog: '', locale, page: 'home', order: 0 });
  const parts = [`# ${inlineText(title)}`, ...(intro === '' ? [] : [paragraphText(intro)]), ...catalogs.map((c) => catalogSection(c, locale, labels))];
  return `${head}\n${parts.join('\n\n')}\n`;
}
