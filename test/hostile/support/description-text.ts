/**
 * What a reader sees of a catalog description, found with remark (CommonMark, as the README
 * defines the subset) independently of hookcat's code: paragraphs, lists, emphasis, strong
 * emphasis, inline code and `[text](target)` links to https, http, mailto or relative targets
 * show their text; anything else shows the characters that wrote it. On one line, list items
 * led by their number or a bullet, as a table cell shows a description.
 */
import { remark } from 'remark';
import { asOneLine } from './markdown-check.js';

interface MdNode {
  readonly type: string;
  readonly value?: string;
  readonly url?: string;
  readonly ordered?: boolean | null;
  readonly start?: number | null;
  readonly children?: readonly MdNode[];
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
}

const commonMark = remark().freeze();

/** Text that may hold markdown beyond plain paragraphs (escapes, code, emphasis, links, HTML,
 * entities, block markers at a line start, indented code; `{@`, a JSDoc inline tag). Other text
 * must come out verbatim. */
export function mayBeMarkdown(text: string): boolean {
  return /[\\`*_[\]<&]|\{@|^[ \t]*(?:[-+=#>]|\d{1,9}[.)]|~~~)|^(?: {4}|\t)/m.test(text);
}

/** A link target the subset keeps live: https, http, mailto, or relative (no scheme, not `//`). */
export function isAllowedLink(url: string): boolean {
  if (url === '' || /[\s\\]/.test(url) || url.startsWith('//')) return false;
  return /^(?:https?|mailto):/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** The description as a reader sees it, on one line. */
export function visibleText(markdown: string): string {
  const root = commonMark.parse(markdown) as MdNode;
  const source = (node: MdNode): string => markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const phrasing = (node: MdNode): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value ?? '';
      case 'emphasis':
      case 'strong':
        return (node.children ?? []).map(phrasing).join('');
      case 'link':
        return isAllowedLink(node.url ?? '') && !source(node).startsWith('<') && (node.children ?? []).length > 0
          ? (node.children ?? []).map(phrasing).join('')
          : source(node);
      case 'break':
        return ' ';
      default:
        return source(node);
    }
  };
  const block = (node: MdNode): string => {
    if (node.type === 'paragraph') return (node.children ?? []).map(phrasing).join('');
    if (node.type === 'list') {
      return (node.children ?? [])
        .map((item, i) => `${node.ordered === true ? `${(node.start ?? 1) + i}. ` : '• '}${(item.children ?? []).map(block).join(' ')}`)
        .join(' ');
    }
    return source(node);
  };
  return asOneLine((root.children ?? []).map(block).join(' '));
}

/** What `text` shows as on one line: a description's visible text when it may hold markdown,
 * else (and always for other texts) the text itself. */
export function shownAs(text: string, description: boolean): string {
  return description && mayBeMarkdown(text) ? visibleText(text) : asOneLine(text);
}

/** Every string under a `description` key of a JSON value. */
export function descriptionStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) descriptionStrings(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'description' && typeof child === 'string') into.add(child);
      descriptionStrings(child, into);
    }
  }
  return into;
}

/** Link targets of a description printed as CommonMark (OpenAPI, JSON Schema), and whether it has raw HTML or an image. */
export function commonMarkLinks(markdown: string): { readonly links: string[]; readonly markup: string[] } {
  const links: string[] = [];
  const markup: string[] = [];
  const visit = (node: MdNode): void => {
    if (node.type === 'link') links.push(node.url ?? '');
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') markup.push(node.type);
    for (const child of node.children ?? []) visit(child);
  };
  visit(commonMark.parse(markdown) as MdNode);
  return { links, markup };
}
