/**
 * Shared schemas that refer back to themselves without describing any data in between
 * (`A: {$ref: A}`, `A -> B -> A`, `S: {anyOf: [{$ref: S}, ...]}`). A reference inside
 * `properties` or `items` is a recursive type (a tree, a list) and fine; one that applies to the
 * same value again never ends: a validator recurses until the stack overflows and TypeScript
 * reports a type alias that circularly references itself.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { SHARED_SCHEMA_PREFIX } from '../payload-schema.js';
import type { DataPath } from '../source-file.js';
import type { NamedLocated } from '../source.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { isObject } from '../schema-walk.js';

/** Keywords whose subschemas apply to the same value, not to a part of it. */
const SAME_VALUE_SINGLE = ['not', 'if', 'then', 'else'];
const SAME_VALUE_LIST = ['allOf', 'anyOf', 'oneOf'];

interface Edge {
  readonly to: string;
  /** Path of the `$ref` inside the schema. */
  readonly at: DataPath;
}

/** The shared schemas a schema applies to its own value, with where each `$ref` is written. */
function sameValueRefs(schema: unknown, at: DataPath, depth = 0): Edge[] {
  if (!isObject(schema) || depth > 64) return [];
  const edges: Edge[] = [];
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith(SHARED_SCHEMA_PREFIX)) edges.push({ to: ref.slice(SHARED_SCHEMA_PREFIX.length), at: [...at, '$ref'] });
  for (const keyword of SAME_VALUE_SINGLE) if (Object.hasOwn(schema, keyword)) edges.push(...sameValueRefs(schema[keyword], [...at, keyword], depth + 1));
  for (const keyword of SAME_VALUE_LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => edges.push(...sameValueRefs(item, [...at, keyword, i], depth + 1)));
  }
  return edges;
}

export const checkRefCycles: Check = (source, memory) =>
  memory.once(source, 'checkRefCycles', () => {
    const byName = new Map<string, NamedLocated<unknown>>(source.schemas.map((s) => [s.name, s]));
    const edges = new Map<string, Edge[]>(source.schemas.map((s) => [s.name, sameValueRefs(s.value, [])]));
    const diagnostics: Diagnostic[] = [];
    const reported = new Set<string>();
    for (const start of byName.keys()) {
      const cycle = findCycle(start, edges);
      if (cycle === undefined || cycle.some((name) => reported.has(name))) continue;
      cycle.forEach((name) => reported.add(name));
      const first = byName.get(start)!;
      const edge = (edges.get(start) ?? []).find((e) => e.to === cycle[1 % cycle.length]) ?? (edges.get(start) ?? [])[0];
      const loop = [...cycle, start].map((n) => `\`${n}\``).join(' -> ');
      diagnostics.push(
        diagnosticAt(
          first.file,
          [...first.path, ...(edge?.at ?? [])],
          'HC310',
          'error',
          `${loop} refers back to itself without describing any data in between, so no value can ever be checked against it`,
          'put the reference inside `properties` or `items` (a recursive type), or remove it',
        ),
      );
    }
    return diagnostics;
  });

/** A cycle of same-value references through `start` (names in order, `start` first), if any.
 * Iterative, so a chain of thousands of references cannot exhaust the stack. */
function findCycle(start: string, edges: ReadonlyMap<string, readonly Edge[]>): string[] | undefined {
  const visited = new Set<string>([start]);
  const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const edge = (edges.get(top.name) ?? [])[top.next++];
    if (edge === undefined) {
      stack.pop();
      continue;
    }
    if (edge.to === start) return stack.map((frame) => frame.name);
    if (visited.has(edge.to) || !edges.has(edge.to)) continue;
    visited.add(edge.to);
    stack.push({ name: edge.to, next: 0 });
  }
  return undefined;
}
