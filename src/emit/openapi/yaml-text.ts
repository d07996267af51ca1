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
  const writer = new BlockWriter();
  return `${yamlComment(comment)}\n\n${isBlock(value) ? writer.block(value, 0) : writer.scalar(value)}\n`;
}

/** The header comment line (without its line break). */
export function yamlComment(comment: string): string {
  return `# ${comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;
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
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** YAML allows implicit keys of at most 1,024 characters; longer ones are written `? key`. */
const MAX_IMPLICIT_KEY = 1000;
/** Strings up to this length have their rendering kept for the rest of the document. */
const LONGEST_KEPT = 64;

/** Writes one document's lines. Keys and short values repeat (`type`, `description`, `string`,
 * `$ref`s, dates...), so their rendering is kept while the document is written. */
class BlockWriter {
  private readonly lines: string[] = [];
  private readonly renderings = new Map<string, string>();
  private readonly pads: string[] = [];

  block(value: Block, indent: number): string {
    this.writeBlock(value, indent);
    return this.lines.join('\n');
  }

  scalar(value: JsonValue): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return value.length <= LONGEST_KEPT ? this.kept(value) : yamlString(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return Array.isArray(value) ? '[]' : '{}';
  }

  private kept(text: string): string {
    let out = this.renderings.get(text);
    if (out === undefined) {
      out = yamlString(text);
      this.renderings.set(text, out);
    }
    return out;
  }

  /** Writes `value` at `indent`; `first` is the text already on the first line (`- ` of an item). */
  private writeBlock(value: Block, indent: number, first?: string): void {
    const lead = this.pad(indent);
    if (Array.isArray(value)) {
      const items = value as readonly JsonValue[];
      for (let i = 0; i < items.length; i++) this.writeItem(items[i] as JsonValue, indent, i === 0 && first !== undefined ? first : lead);
      return;
    }
    const map = value as { readonly [key: string]: JsonValue };
    let i = 0;
    for (const key of Object.keys(map)) {
      this.writeEntry(key, map[key] as JsonValue, indent, i === 0 && first !== undefined ? first : lead);
      i++;
    }
  }

  private writeItem(item: JsonValue, indent: number, lead: string): void {
    if (isBlock(item)) this.writeBlock(item, indent + 2, `${lead}- `);
    else this.lines.push(`${lead}- ${this.scalar(item)}`);
  }

  private writeEntry(key: string, item: JsonValue, indent: number, lead: string): void {
    const rendered = this.kept(key);
    if (rendered.length > MAX_IMPLICIT_KEY) {
      this.lines.push(`${lead}? ${rendered}`);
      lead = `${this.pad(indent)}:`;
      if (!isBlock(item)) this.lines.push(`${lead} ${this.scalar(item)}`);
      else {
        this.lines.push(lead);
        this.writeBlock(item, indent + 2);
      }
      return;
    }
    if (!isBlock(item)) this.lines.push(`${lead}${rendered}: ${this.scalar(item)}`);
    else {
      this.lines.push(`${lead}${rendered}:`);
      this.writeBlock(item, indent + 2);
    }
  }

  private pad(indent: number): string {
    return (this.pads[indent] ??= ' '.repeat(indent));
  }
}
