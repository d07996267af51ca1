/** What every page builder returns, and what they share while building. */
import type { Catalog, JsonValue, Locale } from '../../model/types.js';
import { keyFileName, schemaFileName } from '../../names/file-names.js';
import { type DescriptionFormat, hasMarkdownSyntax } from '../description/index.js';
import { oneLine } from './escape.js';
import type { TextPicker } from './local-text.js';
import type { PageMessages } from './messages.js';
import type { SharedSchemas } from './schema-shape.js';

export type PageTemplate = 'overview' | 'events' | 'event' | 'subscriptions' | 'changelog' | 'schema';

/** One page before rendering: the template, its view, and its front matter. */
export interface PageView {
  /** Path inside `<catalog-id>/<locale>/`, e.g. `events/post.updated.md`. */
  readonly path: string;
  readonly template: PageTemplate;
  /** Plain text for the front matter (`title`, `description`). */
  readonly title: string;
  readonly description: string;
  /** Position in the sidebar. */
  readonly order: number;
  /** More front matter, e.g. the event key of an event page. */
  readonly extra: { readonly [key: string]: JsonValue };
  /** What the template renders: catalog text as `LocalText` values, passed to helpers. */
  readonly view: object;
}

/** Everything a page builder reads. `text` records the fallbacks of this one page. */
export interface PageContext {
  readonly catalog: Catalog;
  readonly locale: Locale;
  readonly text: TextPicker;
  readonly messages: PageMessages;
  readonly shared: SharedSchemas;
  /** How descriptions in markdown are printed; undefined when the run has none. */
  readonly descriptions: DescriptionFormat | undefined;
}

/** A description as plain text on one line, for the front matter: markdown without its markup. */
export function plainText(ctx: PageContext, text: string): string {
  return oneLine(ctx.descriptions !== undefined && hasMarkdownSyntax(text) ? ctx.descriptions.plain(text) : text);
}

/** Sidebar positions: overview, event reference, subscriptions, changelog, then the events in
 * order, then the shared schemas in order. */
export const PAGE_ORDER = { overview: 1, events: 2, subscriptions: 3, changelog: 4, firstEvent: 10 } as const;

const FROM_FOLDER = {
  overview: '../index.md',
  events: '../events.md',
  subscriptions: '../subscriptions.md',
  changelog: '../changelog.md',
  event: (key: string) => `../${eventPagePath(key)}`,
  schema: (name: string) => `../${schemaPagePath(name)}`,
} as const;

/** Relative links between the pages of one catalog and locale (VitePress strips `.md`), from a
 * top page (`index.md`...), an event page (`events/`) and a shared schema's page (`schemas/`). */
export const LINKS = {
  fromTop: {
    overview: './index.md',
    events: './events.md',
    subscriptions: './subscriptions.md',
    changelog: './changelog.md',
    event: (key: string) => `./${eventPagePath(key)}`,
    schema: (name: string) => `./${schemaPagePath(name)}`,
  },
  fromEvent: { ...FROM_FOLDER, event: (key: string) => `./${keyFileName(key)}.md` },
  fromSchema: { ...FROM_FOLDER, schema: (name: string) => `./${schemaFileName(name)}.md` },
} as const;

/** Path of an event's page inside the locale folder: `orders/create` -> `events/orders~create.md`
 * (the file-name mapping of `src/names/file-names.ts`, which the links and URLs share). */
export function eventPagePath(key: string): string {
  return `events/${keyFileName(key)}.md`;
}

/** Path of a shared schema's page inside the locale folder. */
export function schemaPagePath(name: string): string {
  return `schemas/${schemaFileName(name)}.md`;
}
