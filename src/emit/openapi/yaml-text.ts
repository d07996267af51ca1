/**
 * The escaping function for YAML output, and a direct block-style writer for JSON data (the
 * `yaml` library's general stringifier took 11 of 13 s at 10,000 events; this is linear and
 * allocation-light). Strings go out plain only where that is unambiguous; any string a YAML 1.1
 * or 1.2 reader could take for something else (`yes`, `no`, `null`, `~`, `<<`, numbers,
 * timestamps), that starts with an indicator, contains `: ` or ` #`, spans lines, or holds a
 * character some readers treat as a line break or drop (U+2028, U+2029, U+0085, BOM, control
 * characters), goes out as an escaped double-quoted scalar, so every string reads back exactly.
 */
import type { JsonValue } from '../../model/types.js';

/** Plain scalars that some YAML version resolves to a non-string. Deliberately broad. */
const AMBIGUOUS_PLAIN = [/^[-+.]?[0-9]/, /^(?:y|n|yes|no|true|false|on|off|null|~|<<|=)?$/i, /^[-+]?\.(?:inf|nan)$/i];
/** Characters that must travel as escapes. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
/** Plain scalars may not start with an indicator, nor hold `: `, ` #`, or end in `:` or a space. */
const UNSAFE_PLAIN = /^[-?:,[\]{}#&*!|>'"%@`\s]|: |\s#|:$|\s$/;

/** YAML text of `value` with `comment` as a header comment, 2-space indent, no line folding. */
export function yamlText(value: JsonValue, comment: string): string {
  const lines: string[] = [`# ${comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`, ''];
  if (isBlock(value)) writeBlock(value, 0, lines);
  else lines.push(scalar(value));
  return lines.join('\n') + '\n';
}

/** A JSON string literal is a valid YAML double-quoted scalar; escape what JSON leaves raw. */
export function yamlDoubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The string as a plain scalar when that reads back as the same string, else double-quoted. */
export function yamlString(text: string): string {
  const plain = text !== '' && !NEEDS_ESCAPE.test(text) && !UNSAFE_PLAIN.test(text) && !AMBIGUOUS_PLAIN.some((pattern) => pattern.test(text));
  return plain ? text : yamlDoubleQuoted(text);
}

type Block = readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A non-empty mapping or sequence (written over several lines). */
function isBlock(value: JsonValue): value is Block {
  return value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function scalar(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? '[]' : '{}';
}

/** YAML allows implicit keys of at most 1,024 characters; longer ones are written `? key`. */
const MAX_IMPLICIT_KEY = 1000;

function writeExplicitEntry(key: string, item: JsonValue, indent: number, lines: string[], lead: string): void {
  const pad = ' '.repeat(indent);
  lines.push(`${lead}? ${key}`);
  if (!isBlock(item)) lines.push(`${pad}: ${scalar(item)}`);
  else {
    lines.push(`${pad}:`);
    writeBlock(item, indent + 2, lines);
  }
}

/** Writes `value` at `indent`; `first` is the text already on the first line (`- ` of an item). */
function writeBlock(value: Block, indent: number, lines: string[], first?: string): void {
  const pad = ' '.repeat(indent);
  let lead = first ?? pad;
  const entries: [string | undefined, JsonValue][] = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const rendered = key === undefined ? undefined : yamlString(key);
    if (rendered !== undefined && rendered.length > MAX_IMPLICIT_KEY) {
      writeExplicitEntry(rendered, item, indent, lines, lead);
      lead = pad;
      continue;
    }
    const prefix = rendered === undefined ? `${lead}- ` : `${lead}${rendered}:`;
    lead = pad;
    if (!isBlock(item)) lines.push(key === undefined ? prefix + scalar(item) : `${prefix} ${scalar(item)}`);
    else if (key === undefined) writeBlock(item, indent + 2, lines, prefix);
    else {
      lines.push(prefix);
      writeBlock(item, indent + 2, lines);
    }
  }
}
