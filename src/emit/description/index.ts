/**
 * Markdown in catalog descriptions: what the emitters ask of it, and when it is loaded. A
 * description with no markdown syntax (`hasMarkdownSyntax`, a cheap test) is plain text and
 * takes the plain path of every emitter; only when some description of a run has syntax is
 * `format.ts` (and remark with it) loaded, and handed to the emitters in `EmitOptions`.
 */
import type { Catalog } from '../../model/types.js';
import { withDescriptions } from './model.js';

/** A description as page blocks. */
export interface PageDescription {
  /** Canonical page markdown: paragraphs and lists, separated by blank lines. */
  readonly markdown: string;
  /** Whether the last block is a list (text that follows must start a paragraph of its own). */
  readonly endsInList: boolean;
}

/** How descriptions written in the markdown subset are printed for each output. */
export interface DescriptionFormat {
  /** Page blocks (where the templates place paragraphs). */
  page(text: string): PageDescription;
  /** Page markdown on one line: in a line of text, or in a GFM table cell (`inTable`). */
  pageInline(text: string, inTable: boolean): string;
  /** CommonMark of the subset, for OpenAPI and JSON Schema `description`s and doc comments. */
  commonMark(text: string): string;
  /** The text a reader sees, without markup (for front matter). */
  plain(text: string): string;
  /** `catalog` with every description in CommonMark of the subset (made once per catalog). */
  commonMarkCatalog(catalog: Catalog): Catalog;
}

/** Characters and line starts that can make markdown other than plain paragraphs: escapes,
 * code, emphasis, links and images, HTML, character references, and block markers (lists,
 * headings, quotes, breaks, fences, indented code); and `{@`, which starts a JSDoc inline tag
 * in a doc comment. A text without them reads the same as plain text. */
const MARKDOWN_SYNTAX = /[\\`*_[\]<&]|\{@|^[ \t]*(?:[-+=#>]|\d{1,9}[.)]|~~~)|^(?: {4}|\t)/m;

/** Whether `text` may hold markdown beyond plain paragraphs. */
export function hasMarkdownSyntax(text: string): boolean {
  return MARKDOWN_SYNTAX.test(text);
}

/** The format for `catalogs`, loaded only when one of their descriptions has markdown syntax. */
export async function loadDescriptionFormat(catalogs: readonly Catalog[]): Promise<DescriptionFormat | undefined> {
  let needed = false;
  const look = (text: string): string => {
    needed ||= hasMarkdownSyntax(text);
    return text;
  };
  for (const catalog of catalogs) if (!needed) withDescriptions(catalog, look);
  return needed ? (await import('./format.js')).createDescriptionFormat() : undefined;
}

/** `catalog` with its descriptions in CommonMark of the subset (for OpenAPI, JSON Schema and
 * doc comments); `catalog` itself without a format. */
export function inCommonMark(catalog: Catalog, format: DescriptionFormat | undefined): Catalog {
  return format?.commonMarkCatalog(catalog) ?? catalog;
}
