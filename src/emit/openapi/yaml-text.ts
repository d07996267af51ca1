/**
 * The escaping function for YAML output, and a direct block-style writer for JSON data (the
 * `yaml` library's general stringifier took 11 of 13 s at 10,000 events; this is linear and
 * allocation-light). Strings go out plain only where that is unambiguous; any string a YAML 1.1
 * or 1.2 reader could take for something else (`yes`, `no`, `null`, `~`, `<<`, numbers,
 * timestamps), that starts with an indicator, contains `: ` or ` #`, spans lines, or holds a
 * character some readers treat as a line break or drop (U+2028, U+2029, U+0085, BOM, control
 * characters), goes out as an escaped double-quoted scalar, so every string reads back exactly.
 * A document can also be written in parts (`yamlMember`, `yamlBlockMember`) and joined.
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
  return `${yamlComment(comment)}\n\n${isBlock(value) ? blockText(value, 0) : scalar(value)}\n`;
}

/** The header comment line (without its line break). */
export function yamlComment(comment: string): string {
  return `# ${comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;
}

/** The lines of the mapping entry `key: value` at `indent` (no final line break). */
export function yamlMember(key: string, value: JsonValue, indent: number): string {
  const lines: string[] = [];
  writeEntry(key, value, indent, lines, pad(indent));
  return lines.join('\n');
}

/** The lines of the mapping entry `key:` at `indent` whose value, a non-empty block, is already
 * written as `block` (at `indent + 2`). */
export function yamlBlockMember(key: string, block: string, indent: number): string {
  const rendered = keptYamlString(key);
  const lead = pad(indent);
  return rendered.length > MAX_IMPLICIT_KEY ? `${lead}? ${rendered}\n${lead}:\n${block}` : `${lead}${rendered}:\n${block}`;
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

/** Keys and short values repeat (`type`, `description`, `string`, `$ref`s, dates...): their
 * rendering is kept, up to a bound. */
const renderings = new Map<string, string>();
const KEPT_RENDERINGS = 4096;
const LONGEST_KEPT = 64;

function keptYamlString(text: string): string {
  let out = renderings.get(text);
  if (out === undefined) {
    out = yamlString(text);
    if (renderings.size >= KEPT_RENDERINGS) renderings.clear();
    renderings.set(text, out);
  }
  return out;
}

type Block = readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A non-empty mapping or sequence (written over several lines). */
function isBlock(value: JsonValue): value is Block {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

function scalar(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length <= LONGEST_KEPT ? keptYamlString(value) : yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? '[]' : '{}';
}

/** YAML allows implicit keys of at most 1,024 characters; longer ones are written `? key`. */
const MAX_IMPLICIT_KEY = 1000;

function blockText(value: Block, indent: number): string {
  const lines: string[] = [];
  writeBlock(value, indent, lines);
  return lines.join('\n');
}

/** Writes `value` at `indent`; `first` is the text already on the first line (`- ` of an item). */
function writeBlock(value: Block, indent: number, lines: string[], first?: string): void {
  const lead = pad(indent);
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    for (let i = 0; i < items.length; i++) writeItem(items[i] as JsonValue, indent, lines, i === 0 && first !== undefined ? first : lead);
    return;
  }
  const map = value as { readonly [key: string]: JsonValue };
  let i = 0;
  for (const key of Object.keys(map)) {
    writeEntry(key, map[key] as JsonValue, indent, lines, i === 0 && first !== undefined ? first : lead);
    i++;
  }
}

function writeItem(item: JsonValue, indent: number, lines: string[], lead: string): void {
  if (isBlock(item)) writeBlock(item, indent + 2, lines, `${lead}- `);
  else lines.push(`${lead}- ${scalar(item)}`);
}

function writeEntry(key: string, item: JsonValue, indent: number, lines: string[], lead: string): void {
  const rendered = keptYamlString(key);
  if (rendered.length > MAX_IMPLICIT_KEY) {
    writeExplicitEntry(rendered, item, indent, lines, lead);
    return;
  }
  if (!isBlock(item)) lines.push(`${lead}${rendered}: ${scalar(item)}`);
  else {
    lines.push(`${lead}${rendered}:`);
    writeBlock(item, indent + 2, lines);
  }
}

function writeExplicitEntry(key: string, item: JsonValue, indent: number, lines: string[], lead: string): void {
  lines.push(`${lead}? ${key}`);
  if (!isBlock(item)) lines.push(`${pad(indent)}: ${scalar(item)}`);
  else {
    lines.push(`${pad(indent)}:`);
    writeBlock(item, indent + 2, lines);
  }
}

const PADS: string[] = [];

function pad(indent: number): string {
  return (PADS[indent] ??= ' '.repeat(indent));
}
