/**
 * The `docs` emitter: markdown reference pages for every locale of a catalog, under
 * `<catalog-id>/<locale>/` — `index.md` (overview), `events.md` (all events by category),
 * `events/<key>.md` (one per event), `schemas/<Name>.md` (one per shared schema) and
 * `subscriptions.md` (when the catalog has a subscription API). Pages come from handlebars templates and per-locale messages given as
 * text in `options.templates` (see `src/templates.ts`). The shipped templates write canonical
 * markdown (see `markdown/canonical.ts`), so pages are written as rendered; pages from a
 * template the user overrides are normalized (`TemplateSet.normalize`).
 */
import type { Catalog } from '../model/types.js';
import { changelogPage, hasChangelog } from './markdown/changelog-page.js';
import type { Emitter, EmitOptions, OutputFile, TemplateSet } from './emitter.js';
import { eventPage } from './markdown/event-page.js';
import { eventsPage } from './markdown/events-page.js';
import { frontMatter } from './markdown/front-matter.js';
import { fallbackChain } from '../locale/tags.js';
import { createTextPicker } from './markdown/local-text.js';
import { pageMessages } from './markdown/messages.js';
import { overviewPage } from './markdown/overview-page.js';
import { LINKS, type PageContext, type PageView } from './markdown/page.js';
import { compileTemplates, type CompiledTemplates } from './markdown/render.js';
import { schemaPage } from './markdown/schema-page.js';
import { sharedSchemaMap } from './markdown/schema-shape.js';
import { subscriptionsPage } from './markdown/subscriptions-page.js';
import { type CodeConstants, inputKey, memoized, NO_MEMO } from '../output-memo.js';

/** The pages of one locale, each built with its own context (its own fallback record), one
 * at a time: a large catalog has tens of thousands of pages, which need not exist at once. */
function* pagesOf(catalog: Catalog, locale: string, options: EmitOptions, templates: TemplateSet): Generator<{ page: PageView; ctx: PageContext }> {
  const shared = sharedSchemaMap(catalog.schemas);
  const chain = fallbackChain(locale, catalog.fallbackLocale, catalog.sourceLocale);
  const context = (): PageContext => ({
    catalog,
    locale,
    text: createTextPicker(chain, catalog.sourceLocale),
    messages: pageMessages(templates, chain),
    shared,
    descriptions: options.descriptions,
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
  for (const [index, named] of catalog.schemas.entries()) yield build((ctx) => schemaPage(ctx, named, index));
}

/** Renders one page: template body, front matter in front. */
function renderPage(catalog: Catalog, locale: string, templates: TemplateSet, compiled: CompiledTemplates, page: PageView, ctx: PageContext): OutputFile {
  const body = compiled.render(page.template, page.view, ctx.messages, ctx.descriptions);
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
  const text = `${head}\n${body}`;
  return { path: pagePath(catalog, locale, page), contents: templates.normalize?.(text) ?? text };
}

/** Locales to emit: the requested ones the catalog declares, in the catalog's order. */
function localesToEmit(catalog: Catalog, options: EmitOptions): string[] {
  const wanted = options.locales;
  return wanted === undefined ? [...catalog.locales] : catalog.locales.filter((l) => wanted.includes(l));
}

/** Every page of `catalog`, one at a time. */
function* eachPage(catalog: Catalog, options: EmitOptions): Generator<OutputFile> {
  const templates = options.templates;
  if (templates === undefined) throw new Error('the docs emitter needs options.templates (load them with loadTemplates from src/templates.ts)');
  const compiled = compileTemplates(templates);
  const memo = options.memo ?? NO_MEMO;
  // What every page depends on besides its view: a page is kept by this and its own view.
  const common =
    memo === NO_MEMO
      ? undefined
      : inputKey([
          'docs',
          templates.pages,
          templates.partials,
          templates.messages,
          templates.normalize !== undefined,
          options.descriptions !== undefined,
          catalog.id,
          catalog.version,
          catalog.fallbackLocale,
          catalog.sourceLocale,
        ]);
  for (const locale of localesToEmit(catalog, options)) {
    for (const { page, ctx } of pagesOf(catalog, locale, options, templates)) {
      const render = (): OutputFile => renderPage(catalog, locale, templates, compiled, page, ctx);
      if (common === undefined) yield render();
      else
        yield {
          path: pagePath(catalog, locale, page),
          contents: memoized(memo, [common, locale, page, ctx.text.fallbacks()], () => render().contents, LINK_SETS),
        };
    }
  }
}

/** The link makers a view holds (functions of the code), by name in a page's memo key. */
const LINK_SETS: CodeConstants = new Map(Object.entries(LINKS).map(([name, links]) => [links, name]));

function pagePath(catalog: Catalog, locale: string, page: PageView): string {
  return `${catalog.id}/${locale}/${page.path}`;
}

export const markdownEmitter: Emitter = {
  name: 'docs',
  emit: (catalog, options) => [...eachPage(catalog, options)],
  emitEach: eachPage,
};
