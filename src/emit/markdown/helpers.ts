/**
 * Handlebars helpers for the page templates. Catalog values reach a page only through
 * these: each escapes for its place (inline text, table cell, code span, JSON block) and
 * returns a SafeString, so handlebars' own HTML escaping never applies twice. Catalog text
 * is passed as values, so a `{{` inside it is never evaluated.
 *
 * Template data (`@messages`) holds the page's messages, see `messages.ts`; `@descriptions` how
 * descriptions written in markdown are printed (a description is marked `markdown` by the page
 * builder; other catalog text is never read as markdown).
 */
import type Handlebars from 'handlebars';
import type { LocalText } from '../../model/types.js';
import { type DescriptionFormat, hasMarkdownSyntax } from '../description/index.js';
import { codeSpan, fencedCode, inlineText, jsonText, literal, oneLine, paragraphText } from './escape.js';
import type { FieldRow, SchemaLink } from './field-table.js';
import { messageParts, type PageMessages } from './messages.js';

type Hb = typeof Handlebars;

/** Shown in a table cell that would otherwise be empty (language-neutral). */
export const EMPTY_CELL = '—';

/** The partial that marks text shown in the source locale because a translation is missing. */
export const FALLBACK_MARKER_PARTIAL = 'fallback-marker';

function isLocalText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && typeof (value as LocalText).text === 'string' && typeof (value as LocalText).fallback === 'boolean';
}

/**
 * Splits helper arguments from the trailing handlebars options object. Views give null for
 * absent values, so an undefined argument is a name the view lacks (handlebars' strict mode
 * does not check helper arguments): it is an error, not an empty string.
 */
function split(args: unknown[]): { params: unknown[]; options: Handlebars.HelperOptions } {
  const options = args[args.length - 1] as Handlebars.HelperOptions & { name?: string; ids?: unknown[]; loc?: { start?: { line?: number } } };
  const params = args.slice(0, -1);
  const missing = params.indexOf(undefined);
  if (missing >= 0) {
    const id = options.ids?.[missing];
    const where = options.loc?.start?.line === undefined ? '' : ` (template line ${options.loc.start.line})`;
    throw new Error(
      `{{${options.name ?? 'helper'}}} got an undefined value${typeof id === 'string' ? ` for "${id}"` : ''}: a name the view does not have${where}`,
    );
  }
  return { params, options };
}

function messagesOf(options: Handlebars.HelperOptions): PageMessages {
  const messages = (options.data as { messages?: PageMessages } | undefined)?.messages;
  if (messages === undefined) throw new Error('page template rendered without @messages');
  return messages;
}

/** The format for `value` when it is a description with markdown syntax (and the run has a format). */
function markdownOf(value: unknown, options: Handlebars.HelperOptions): DescriptionFormat | undefined {
  if (!isLocalText(value) || (value as { markdown?: unknown }).markdown !== true || !hasMarkdownSyntax(value.text)) return undefined;
  return (options.data as { descriptions?: DescriptionFormat } | undefined)?.descriptions;
}

function plainText(value: unknown): string {
  if (isLocalText(value)) return value.text;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A link is live only to a relative page or an `https:`, `http:` or `mailto:` address; any
 * other target (`javascript:`, `data:`, `vbscript:`...) leaves the label as text. */
const LIVE_LINK = /^(?:https?:|mailto:|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** `[label](url)` for a markdown label, or the label alone when the target may not be live. */
export function linkTo(label: string, url: string): string {
  return LIVE_LINK.test(url) ? `[${label}](${encodeURI(url)})` : label;
}

/** Registers the helpers on an isolated handlebars instance. */
export function registerHelpers(hb: Hb): void {
  const safe = (markdown: string): Handlebars.SafeString => new hb.SafeString(markdown);

  /** A partial rendered for use inside a line (a table cell): on one line, trimmed. */
  const inlinePartial = (name: string, options: Handlebars.HelperOptions): string => {
    const partial = hb.partials[name] as Handlebars.TemplateDelegate | undefined;
    if (typeof partial !== 'function') throw new Error(`partial "${name}" is missing from the templates`);
    return partial({}, { data: options.data })
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  };

  const marker = (value: unknown, options: Handlebars.HelperOptions): string =>
    isLocalText(value) && value.fallback && value.text.trim() !== '' ? ` ${inlinePartial(FALLBACK_MARKER_PARTIAL, options)}` : '';

  /** A message with `{slot}`s filled from the hash. The text between SafeString values (links,
   * code from other helpers) is escaped as one piece: message text and plain values together,
   * with the hash's `before` and `after` text around the message (e.g. `(` and `)`), so that
   * the page holds exactly what remark prints for it. */
  const message = (id: string, options: Handlebars.HelperOptions): string => {
    const pieces: string[] = [];
    let text = typeof options.hash['before'] === 'string' ? options.hash['before'] : '';
    const flush = (): void => {
      if (text !== '') pieces.push(literal(text));
      text = '';
    };
    for (const part of messageParts(messagesOf(options).text(id).trim())) {
      const value: unknown = 'literal' in part ? part.literal : options.hash[part.slot];
      if (value instanceof hb.SafeString) {
        flush();
        pieces.push(value.toString());
      } else text += 'literal' in part ? part.literal : oneLine(plainText(value));
    }
    if (typeof options.hash['after'] === 'string') text += options.hash['after'];
    flush();
    return pieces.length === 0 ? EMPTY_CELL : pieces.join('');
  };

  /** `{{inline "name"}}`: a partial inside a line, e.g. a marker in a table cell. */
  hb.registerHelper('inline', (...args: unknown[]) => {
    const { params, options } = split(args);
    return safe(inlinePartial(String(params[0]), options));
  });

  hb.registerHelper('t', (...args: unknown[]) => {
    const { params, options } = split(args);
    return safe(message(String(params[0]), options));
  });

  /** Inline text; blank text shows as `—`, so a heading or a link never is empty. */
  hb.registerHelper('text', (...args: unknown[]) => {
    const { params, options } = split(args);
    const text = markdownOf(params[0], options)?.pageInline(plainText(params[0]), false) ?? inlineText(plainText(params[0]));
    return safe(text === '' ? EMPTY_CELL : text + marker(params[0], options));
  });

  /** Paragraphs (a description: paragraphs and lists); a marker after a list is a paragraph of its own. */
  hb.registerHelper('paragraphs', (...args: unknown[]) => {
    const { params, options } = split(args);
    const described = markdownOf(params[0], options)?.page(plainText(params[0]));
    const text = described?.markdown ?? paragraphText(plainText(params[0]));
    const mark = marker(params[0], options);
    return safe(text === '' ? '' : text + (described?.endsInList === true && mark !== '' ? `\n\n${mark.trimStart()}` : mark));
  });

  hb.registerHelper('cell', (...args: unknown[]) => {
    const { params, options } = split(args);
    const text = markdownOf(params[0], options)?.pageInline(plainText(params[0]), true) ?? inlineText(plainText(params[0]));
    return safe(text === '' ? EMPTY_CELL : text + marker(params[0], options));
  });

  hb.registerHelper('code', (...args: unknown[]) => safe(codeSpan(plainText(split(args).params[0]), false)));

  hb.registerHelper('cellCode', (...args: unknown[]) => {
    const code = codeSpan(plainText(split(args).params[0]), true);
    return safe(code === '' ? EMPTY_CELL : code);
  });

  hb.registerHelper('json', (...args: unknown[]) => safe(fencedCode(jsonText(split(args).params[0]), 'json')));

  /** HTTP header lines (`Name: value`) as a fenced code block. */
  hb.registerHelper('httpHeaders', (...args: unknown[]) => safe(fencedCode(plainText(split(args).params[0]), 'http')));

  hb.registerHelper('yesNo', (...args: unknown[]) => {
    const { params, options } = split(args);
    return safe(message(params[0] === true ? 'yes' : 'no', options));
  });

  /** `[text](url)`; `url` is a page path built by the emitter. */
  hb.registerHelper('link', (...args: unknown[]) => {
    const { params, options } = split(args);
    const label = params[0] instanceof hb.SafeString ? params[0].toString() : inlineText(plainText(params[0])) || EMPTY_CELL;
    return safe(linkTo(label, String(params[1])) + marker(params[0], options));
  });

  /** The type cell of a field row: type and constraints as code, the shared schemas it names
   * linked to their pages, then the variant. */
  hb.registerHelper('fieldType', (...args: unknown[]) => {
    const { params, options } = split(args);
    const row = params[0] as FieldRow;
    const type = codeSpan(row.type, true);
    const [only] = row.links;
    const pieces = row.links.length === 1 && only !== undefined ? [linkTo(type, only.url)] : [type];
    if (row.links.length > 1) pieces.push(...row.links.map((link) => linkTo(codeSpan(link.name, true), link.url)));
    pieces.push(...row.facets.map((facet) => codeSpan(facet, true)));
    if (row.variant !== null) pieces.push(message('variant', { ...options, hash: { n: row.variant, before: '(', after: ')' } }));
    return safe(pieces.join(' '));
  });

  /** Values as code, `` `a`, `b` ``, for a message slot. */
  hb.registerHelper('codeList', (...args: unknown[]) => {
    const values = split(args).params[0] as readonly string[];
    return safe(values.map((value) => codeSpan(value, false)).join(', '));
  });

  /** Links to shared schemas' pages, `[`A`](url), [`B`](url)`, for a message slot. */
  hb.registerHelper('schemaLinks', (...args: unknown[]) => {
    const links = split(args).params[0] as readonly SchemaLink[];
    return safe(links.map((link) => linkTo(codeSpan(link.name, false), link.url)).join(', '));
  });
}
