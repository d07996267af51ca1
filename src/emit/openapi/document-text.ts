/**
 * The OpenAPI document as a tree of parts, written as JSON and as YAML. Most of the document
 * is plain data, written where it stands; the per-event parts (webhooks, component schemas)
 * arrive already written, once per event and kept between emits, and are only joined here.
 * The result is byte for byte what writing the whole document as one value would give.
 */
import type { JsonValue } from '../../model/types.js';
import { compactText } from '../json-schema/compact-text.js';
import { jsonMember, jsonMemberOf, jsonObjectOf, keptJsonMember, ownOrder } from '../json-schema/json-text.js';
import { fingerprint } from '../json-schema/memo.js';
import { yamlBlockMember, yamlComment, yamlMember } from './yaml-text.js';

/** A member already written in both formats, for a mapping `depth` levels deep. */
export interface WrittenMember {
  readonly depth: number;
  readonly json: string;
  readonly yaml: string;
}

/** A mapping whose members are plain data, nested mappings or written members, in order. */
export interface DocumentMap {
  readonly members: readonly DocumentMember[];
}

export type DocumentMember =
  | { readonly key: string; readonly value: JsonValue }
  | { readonly key: string; readonly map: DocumentMap }
  | { readonly key: string; readonly written: WrittenMember };

/** `key: value` written for a mapping `depth` levels deep, compactly, to be kept between emits. */
export function writtenMember(key: string, value: JsonValue, depth: number): WrittenMember {
  return { depth, json: keptJsonMember(key, value, depth), yaml: compactText(yamlMember(key, value, 2 * depth)) };
}

/** The document as 2-space JSON with a trailing newline. */
export function jsonDocument(document: DocumentMap): string {
  return `${jsonMap(document, 0)}\n`;
}

/** The document as block YAML under a header comment. */
export function yamlDocument(document: DocumentMap, comment: string): string {
  const body = yamlMembers(document, 0);
  return `${yamlComment(comment)}\n\n${body === undefined ? '{}' : body}\n`;
}

/** Plain members written lately, by content: tags, paths and subscription schemas list every
 * event key, and are mostly the same on the next emit. The most recent few are kept. */
const plainWritten = new Map<string, WrittenMember>();
const KEPT_PLAIN = 256;

function writtenPlain(key: string, value: JsonValue, depth: number): WrittenMember {
  const content = fingerprint([key, depth, value]);
  let written = plainWritten.get(content);
  if (written !== undefined) plainWritten.delete(content);
  else written = { depth, json: jsonMember(key, value, depth), yaml: yamlMember(key, value, 2 * depth) };
  plainWritten.set(content, written);
  if (plainWritten.size > KEPT_PLAIN) plainWritten.delete(plainWritten.keys().next().value as string);
  return written;
}

function jsonMap(map: DocumentMap, depth: number): string {
  return jsonObjectOf(
    map.members.map((member) => [member.key, jsonOf(member, depth)]),
    depth,
  );
}

function jsonOf(member: DocumentMember, depth: number): string {
  if ('written' in member) return checked(member.written, depth).json;
  if ('map' in member) return jsonMemberOf(member.key, jsonMap(member.map, depth + 1), depth);
  return writtenPlain(member.key, member.value, depth).json;
}

/** The members' lines at `2 * depth` spaces; undefined for an empty mapping. */
function yamlMembers(map: DocumentMap, depth: number): string | undefined {
  const members = ownOrder(map.members.map((member) => [member.key, member]));
  if (members.length === 0) return undefined;
  let text = '';
  for (const member of members) text += (text === '' ? '' : '\n') + yamlOf(member, depth);
  return text;
}

function yamlOf(member: DocumentMember, depth: number): string {
  if ('written' in member) return checked(member.written, depth).yaml;
  if (!('map' in member)) return writtenPlain(member.key, member.value, depth).yaml;
  const block = yamlMembers(member.map, depth + 1);
  return block === undefined ? yamlMember(member.key, {}, 2 * depth) : yamlBlockMember(member.key, block, 2 * depth);
}

function checked(written: WrittenMember, depth: number): WrittenMember {
  if (written.depth !== depth) throw new Error(`internal error: a member written for depth ${written.depth} placed at depth ${depth}`);
  return written;
}
