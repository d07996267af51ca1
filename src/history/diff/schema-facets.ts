/** The parts of one schema node that `hookcat diff` compares: types, enum values, format and constraints. */
import type { JsonValue } from '../../model/types.js';
import type { SchemaKindId } from './rules.js';

/** A schema node as the walker sees it (a `true` schema is `{}`). */
export type SchemaNode = { readonly [keyword: string]: unknown };

/** What a comparison found; the walker adds the path and the area. */
export interface Finding {
  readonly kind: SchemaKindId;
  readonly message: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/** Types a node allows; undefined when it sets no `type` (any type). */
function typesOf(node: SchemaNode): string[] | undefined {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

function covers(types: readonly string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function typeText(types: readonly string[] | undefined): string {
  return types === undefined ? 'any type' : types.join(' | ');
}

export function compareTypes(before: SchemaNode, after: SchemaNode): Finding[] {
  const b = typesOf(before);
  const a = typesOf(after);
  if (b === undefined && a === undefined) return [];
  const found = (kind: SchemaKindId): Finding[] => [
    { kind, message: `type ${typeText(b)} became ${typeText(a)}`, before: b === undefined ? null : b, after: a === undefined ? null : a },
  ];
  if (a === undefined) return found('type.widened');
  if (b === undefined) return found('type.narrowed');
  const wider = b.every((t) => covers(a, t));
  const narrower = a.every((t) => covers(b, t));
  if (wider && narrower) return [];
  return found(wider ? 'type.widened' : narrower ? 'type.narrowed' : 'type.changed');
}

/** `enum` values, or the `const` value as a one-value enum; undefined when neither is set. */
function valuesOf(node: SchemaNode): JsonValue[] | undefined {
  if (Array.isArray(node['enum'])) return node['enum'] as JsonValue[];
  if (Object.hasOwn(node, 'const')) return [node['const'] as JsonValue];
  return undefined;
}

function same(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function compareEnums(before: SchemaNode, after: SchemaNode): Finding[] {
  const b = valuesOf(before);
  const a = valuesOf(after);
  if (b === undefined && a === undefined) return [];
  if (a === undefined) return [{ kind: 'constraint.loosened', message: 'the list of allowed values was removed', before: b ?? null }];
  if (b === undefined) return [{ kind: 'constraint.tightened', message: 'a list of allowed values was added', after: a }];
  const added = a.filter((v) => !b.some((w) => same(v, w)));
  const removed = b.filter((v) => !a.some((w) => same(v, w)));
  return [
    ...added.map((v): Finding => ({ kind: 'enum.value-added', message: `value ${JSON.stringify(v)} was added`, after: v })),
    ...removed.map((v): Finding => ({ kind: 'enum.value-removed', message: `value ${JSON.stringify(v)} was removed`, before: v })),
  ];
}

export function compareFormats(before: SchemaNode, after: SchemaNode): Finding[] {
  const b = before['format'];
  const a = after['format'];
  if (b === a) return [];
  const text = (f: unknown): string => (typeof f === 'string' ? `\`${f}\`` : 'none');
  return [{ kind: 'format.changed', message: `format ${text(b)} became ${text(a)}`, before: (b ?? null) as JsonValue, after: (a ?? null) as JsonValue }];
}

/** Lower bounds: raising one allows less. */
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains'];
/** Upper bounds: lowering one allows less. */
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains'];
/** Constraints whose change cannot be ordered: a new value allows some values and refuses others. */
const UNORDERED = ['pattern', 'multipleOf', 'uniqueItems'];

/**
 * Constraint changes. `unordered` says which kind a change that is both looser and stricter
 * (another pattern) counts as: the caller passes the worse one for its direction.
 */
export function compareConstraints(before: SchemaNode, after: SchemaNode, unordered: 'constraint.loosened' | 'constraint.tightened'): Finding[] {
  const findings: Finding[] = [];
  const report = (keyword: string, kind: SchemaKindId): void => {
    const b = before[keyword] as JsonValue | undefined;
    const a = after[keyword] as JsonValue | undefined;
    findings.push({ kind, message: `\`${keyword}\` ${JSON.stringify(b ?? null)} became ${JSON.stringify(a ?? null)}`, before: b ?? null, after: a ?? null });
  };
  const bounds = (keywords: readonly string[], stricter: (b: number, a: number) => boolean): void => {
    for (const keyword of keywords) {
      const b = before[keyword];
      const a = after[keyword];
      if (b === a) continue;
      if (typeof a !== 'number') report(keyword, 'constraint.loosened');
      else if (typeof b !== 'number') report(keyword, 'constraint.tightened');
      else report(keyword, stricter(b, a) ? 'constraint.tightened' : 'constraint.loosened');
    }
  };
  bounds(LOWER_BOUNDS, (b, a) => a > b);
  bounds(UPPER_BOUNDS, (b, a) => a < b);
  for (const keyword of UNORDERED) {
    const b = before[keyword];
    const a = after[keyword];
    if (b === a || (keyword === 'uniqueItems' && !b === !a)) continue;
    if (a === undefined || a === false) report(keyword, 'constraint.loosened');
    else if (b === undefined || b === false) report(keyword, 'constraint.tightened');
    else report(keyword, unordered);
  }
  return findings;
}
