/**
 * The `docs` emitter: markdown reference pages for every locale of a catalog, under
 * `<catalog-id>/<locale>/` — `index.md` (overview), `events.md` (all events by category),
 * `events/<key>.md` (one per event) and `subscriptions.md` (when the catalog has a
 * subscription API). Pages come from handlebars templates and per-locale messages given as
 * text in `options.templates` (see `src/templates.ts`); every page is normalized by remark.
 */
import type { Catalog } from '../model/types.js';
import { changelogPage, hasChangelog } from './markdown/changelog-page.js';
import type { Emitter, EmitOptions, OutputFile, TemplateSet } from './emitter.js';
import { eventPage } from './markdown/event-page.js';
import { eventsPage } from './markdown/events-page.js';
import { frontMatter } from './markdown/front-matter.js';
import { createTextPicker } from './markdown/local-text.js';
import { pageMessages } from './markdown/messages.js';
import { normalizeMarkdown, sourceHashOf } from './markdown/normalize.js';
import { overviewPage } from './markdown/overview-page.js';
import type { PageContext, PageView } from './markdown/page.js';
import { compileTemplates } from './markdown/render.js';
import { sharedSchemaMap } from './markdown/schema-shape.js';
import { subscriptionsPage } from './markdown/subscriptions-page.js';

/** The pages of one locale, each built with its own context (its own fallback record), one
 * at a time: a large catalog has tens of thousands of pages, which need not exist at once. */
function* pagesOf(catalog: Catalog, locale: string, templates: TemplateSet): Generator<{ page: PageView; ctx: PageContext }> {
  const shared = sharedSchemaMap(catalog.schemas);
  const context = (): PageContext => ({
    catalog,
    locale,
    text: createTextPicker(locale, catalog.sourceLocale),
    messages: pageMessages(templates, locale),
    shared,
  });
  const build = (make: (ctx: PageContext) => PageView) => {
    const ctx = context();
    return { page: make(ctx), ctx };
  };
  yield build(overviewPage);
  yield build(eventsPage);
  const api = catalog.subscriptions;
  if (api !== undefined) yield build((ctx) => subscriptionsPage(ctx, api));
  if (hasChangelog(catalog)) yield build(changelogPage);
  for (const [index, event] of catalog.events.entries()) yield build((ctx) => eventPage(ctx, event, index));
}

/** One page before normalization: template body with the front matter in front. */
export interface PageSource {
  readonly path: string;
  readonly text: string;
}

/** Renders one page's text: template body, front matter in front (normalized later). */
function renderPage(catalog: Catalog, locale: string, templates: TemplateSet, page: PageView, ctx: PageContext): PageSource {
  const body = compileTemplates(templates).render(page.template, page.view, ctx.messages);
  const missingMessages = ctx.messages.missing().map((id) => `messages/${id}`);
  const head = frontMatter({
    title: page.title,
    description: page.description,
    catalog: catalog.id,
    catalogVersion: catalog.version,
    locale,
    page: page.template,
    order: page.order,
    messagesLocale: ctx.messages.locale === locale ? undefined : ctx.messages.locale,
    fallbacks: [...ctx.text.fallbacks(), ...missingMessages],
    extra: page.extra,
  });
  return { path: `${catalog.id}/${locale}/${page.path}`, text: `${head}\n${body}` };
}

/** Locales to emit: the requested ones the catalog declares, in the catalog's order. */
function localesToEmit(catalog: Catalog, options: EmitOptions): string[] {
  const wanted = options.locales;
  return wanted === undefined ? [...catalog.locales] : catalog.locales.filter((l) => wanted.includes(l));
}

/** Every page of `catalog` as rendered, before normalization, one at a time. */
export function* eachPageSource(catalog: Catalog, options: EmitOptions): Generator<PageSource> {
  const templates = options.templates;
  if (templates === undefined) throw new Error('the docs emitter needs options.templates (load them with loadTemplates from src/templates.ts)');
  for (const locale of localesToEmit(catalog, options)) {
    for (const { page, ctx } of pagesOf(catalog, locale, templates)) yield renderPage(catalog, locale, templates, page, ctx);
  }
}

/** Every page of `catalog` as rendered, before normalization. */
export function pageSources(catalog: Catalog, options: EmitOptions): PageSource[] {
  return [...eachPageSource(catalog, options)];
}

function* eachPage(catalog: Catalog, options: EmitOptions): Generator<OutputFile> {
  for (const { path, text } of eachPageSource(catalog, options)) {
    const source = sourceHashOf(text);
    yield { path, contents: options.reuse?.(source) ?? normalizeMarkdown(text), source };
  }
}

export const markdownEmitter: Emitter = {
  name: 'docs',
  emit: (catalog, options) => [...eachPage(catalog, options)],
  emitEach: eachPage,
};
