/**
 * The escaping function for YAML output. Strings go out plain or in block style where that is
 * safe; any string a YAML 1.1 or 1.2 reader could take for something else (`yes`, `no`, `null`,
 * `~`, `<<`, numbers, timestamps), or that holds a character some readers treat as a line break
 * or drop (U+2028, U+2029, U+0085, BOM, control characters), goes out as an escaped
 * double-quoted scalar, so every string reads back exactly.
 */
import { Document, type ScalarTag, type Tags } from 'yaml';
import type { JsonValue } from '../../model/types.js';

const STRING_TAG = 'tag:yaml.org,2002:str';
/** Plain scalars that some YAML version resolves to a non-string. Deliberately broad. */
const AMBIGUOUS_PLAIN = [/^[-+.]?[0-9]/, /^(?:y|n|yes|no|true|false|on|off|null|~|<<|=)?$/i, /^[-+]?\.(?:inf|nan)$/i];
/** Characters that must travel as escapes. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

/** YAML text of `value` with `comment` as a header comment, 2-space indent, no line folding. */
export function yamlText(value: JsonValue, comment: string): string {
  const document = new Document(value, { aliasDuplicateObjects: false, customTags: safeStrings });
  document.commentBefore = ` ${comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;
  return document.toString({ indent: 2, lineWidth: 0, minContentWidth: 0 });
}

/** A JSON string literal is a valid YAML double-quoted scalar; escape what JSON leaves raw. */
export function yamlDoubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function safeStrings(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== STRING_TAG || tag.stringify === undefined) return tag;
    const stringify = tag.stringify.bind(tag);
    const safe: ScalarTag = {
      ...(tag as ScalarTag),
      stringify(item, ctx, onComment, onChompKeep) {
        const text = String(item.value);
        if (NEEDS_ESCAPE.test(text) || AMBIGUOUS_PLAIN.some((pattern) => pattern.test(text))) return yamlDoubleQuoted(text);
        return stringify(item, ctx, onComment, onChompKeep);
      },
    };
    return safe;
  });
}
