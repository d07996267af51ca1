/**
 * A tiny model of the TypeScript types the emitter writes. JSON Schema is first mapped to
 * this (`schema-to-type.ts`), then printed (`type-writer.ts`), so precedence and
 * simplification are decided in one place instead of while concatenating text.
 */
import type { DocLines } from './doc-comment.js';

export type TsType =
  | { readonly kind: 'keyword'; readonly name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  /** A named type, written as is: `Money`, `Record<string, unknown>`. */
  | { readonly kind: 'reference'; readonly name: string }
  | { readonly kind: 'array'; readonly element: TsType }
  | { readonly kind: 'tuple'; readonly elements: readonly TupleElement[]; readonly rest: TsType | undefined }
  | { readonly kind: 'object'; readonly members: readonly TsMember[]; readonly index: TsType | undefined }
  | { readonly kind: 'union'; readonly members: readonly TsType[] }
  | { readonly kind: 'intersection'; readonly members: readonly TsType[] };

export interface TupleElement {
  readonly type: TsType;
  readonly optional: boolean;
}

export interface TsMember {
  readonly name: string;
  readonly optional: boolean;
  readonly type: TsType;
  readonly doc: DocLines;
}

export const UNKNOWN: TsType = { kind: 'keyword', name: 'unknown' };
export const NEVER: TsType = { kind: 'keyword', name: 'never' };
export const NULL: TsType = { kind: 'keyword', name: 'null' };

const isKeyword = (type: TsType, name: string): boolean => type.kind === 'keyword' && type.name === name;

/** A union, flattened and without repeats; `unknown` absorbs it, `never` members vanish. */
export function union(members: readonly TsType[]): TsType {
  if (members.length === 1) return members[0]!;
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  if (flat.some((m) => isKeyword(m, 'unknown'))) return UNKNOWN;
  const unique = dedupe(flat.filter((m) => !isKeyword(m, 'never')));
  if (unique.length === 0) return NEVER;
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique };
}

/** An intersection, flattened and without repeats; `never` absorbs it, `unknown` members vanish. */
export function intersection(members: readonly TsType[]): TsType {
  if (members.length === 1) return members[0]!;
  const flat = members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]));
  if (flat.some((m) => isKeyword(m, 'never'))) return NEVER;
  const unique = dedupe(flat.filter((m) => !isKeyword(m, 'unknown')));
  if (unique.length === 0) return UNKNOWN;
  return unique.length === 1 ? unique[0]! : { kind: 'intersection', members: unique };
}

/** Repeats compare by structure; a single type (most unions and intersections of one schema) has none. */
function dedupe(types: TsType[]): TsType[] {
  if (types.length < 2) return types;
  const seen = new Set<string>();
  return types.filter((type) => {
    const key = structureKey(type);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Equal for types of equal structure: their JSON, or shorter for the leaves (enum members). */
function structureKey(type: TsType): string {
  switch (type.kind) {
    case 'keyword':
      return `k${type.name}`;
    case 'reference':
      return `r${type.name}`;
    case 'literal':
      return `${typeof type.value}:${type.value}`;
    default:
      return `j${JSON.stringify(type)}`;
  }
}
