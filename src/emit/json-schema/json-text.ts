/**
 * 2-space JSON written in parts: each part is serialized on its own, at the depth where it
 * stands, and the parts are joined into exactly the text `JSON.stringify(whole, null, 2)`
 * would give. Large documents are then made of per-event text that can be kept and reused,
 * rather than one object graph serialized at once.
 */
import type { JsonValue } from '../../model/types.js';
import { compactText } from './compact-text.js';
import { setOwn } from './json-object.js';

/** One member of an object as text: `key` (for ordering) and the member's whole text. */
export type MemberText = readonly [key: string, text: string];

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (inner lines indented to match). */
export function jsonAt(value: JsonValue, depth: number): string {
  const { text, start, end } = stringifyAt(value, depth);
  // V8 keeps the slice as a view of `text`.
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The text of the member `key: value` of an object nested `depth` levels deep. */
export function jsonMember(key: string, value: JsonValue, depth: number): string {
  return memberLead(key, depth) + jsonAt(value, depth + 1);
}

/** `jsonMember` as a compact copy (see `compact-text.ts`), for text kept between emits. */
export function keptJsonMember(key: string, value: JsonValue, depth: number): string {
  const { text, start, end } = stringifyAt(value, depth + 1);
  return compactText(memberLead(key, depth)) + compactText(text, start, end);
}

/** `value` serialized inside `depth` arrays, and where its own text starts and ends. */
function stringifyAt(value: JsonValue, depth: number): { text: string; start: number; end: number } {
  let wrapped: JsonValue = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // `[\n  [\n    ` before the value, `\n  ]\n]` after it.
  return { text, start: depth * (depth + 3), end: text.length - depth * (depth + 1) };
}

/** The text of a member whose value text (at `depth + 1`) is already written. */
export function jsonMemberOf(key: string, valueText: string, depth: number): string {
  return memberLead(key, depth) + valueText;
}

/**
 * An object nested `depth` levels deep, from the texts of its members in the order they were
 * set. Members are ordered as JavaScript orders an object's own keys (array-index keys first,
 * ascending; a key set twice keeps its first place and its last value), as `JSON.stringify` would.
 */
export function jsonObjectOf(members: readonly MemberText[], depth: number): string {
  if (members.length === 0) return '{}';
  let text = '{\n';
  let first = true;
  for (const member of ownOrder(members)) {
    text += first ? member : `,\n${member}`;
    first = false;
  }
  return `${text}\n${indent(depth)}}`;
}

/** An array nested `depth` levels deep, from the texts of its items (each already at `depth + 1`, with its indentation). */
export function jsonArrayOf(items: readonly string[], depth: number): string {
  if (items.length === 0) return '[]';
  let text = '[\n';
  for (let i = 0; i < items.length; i++) text += i === 0 ? items[i] : `,\n${items[i]}`;
  return `${text}\n${indent(depth)}]`;
}

/** An item of an array nested `depth` levels deep, with its indentation, as a compact copy. */
export function keptJsonItem(value: JsonValue, depth: number): string {
  const { text, start, end } = stringifyAt(value, depth + 1);
  return indent(depth + 1) + compactText(text, start, end);
}

/** The values of `entries` in the order an object built from them by assignment would list its keys. */
export function ownOrder<T>(entries: readonly (readonly [string, T])[]): T[] {
  // Without keys that could be array indexes, a Map keeps the same order (and is faster for many keys).
  if (!entries.some(([key]) => isDigit(key.charCodeAt(0)))) return [...new Map(entries).values()];
  const slots: { [key: string]: number } = {};
  entries.forEach(([key], i) => setOwn(slots, key, i));
  return Object.keys(slots).map((key) => entries[slots[key] as number]![1]);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function memberLead(key: string, depth: number): string {
  return `${indent(depth + 1)}${JSON.stringify(key)}: `;
}

const INDENTS: string[] = [];

/** Two spaces per level. */
export function indent(depth: number): string {
  return (INDENTS[depth] ??= '  '.repeat(depth));
}
