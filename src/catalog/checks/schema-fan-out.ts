/**
 * A validator applies every `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else` and `$ref`
 * subschema to the same value, so shared schemas that each apply the next one several times
 * (`A: {allOf: [B, B, B]}`, `B: {allOf: [C, C, C]}`...) make checking one small example take
 * 3^20 steps at twenty levels: minutes, for a catalog of a few kilobytes. The count of
 * subschemas applied to one value is computed here for every schema, once per shared schema, in
 * time linear in the catalog, and a schema above MAX_APPLIED is refused with HC333. Subschemas
 * under `properties`, `items` and the like apply to other values, whose number the data bounds.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import { isObject, SHARED_SCHEMA_PREFIX } from '../schema-walk.js';
import type { Check } from './check.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

/** Most subschemas one value may be checked against: real schemas apply a few dozen. */
export const MAX_APPLIED = 10_000;

/** Keywords whose subschemas apply to the value itself. */
const SAME_VALUE_ONE = ['not', 'if', 'then', 'else'];
const SAME_VALUE_LIST = ['allOf', 'anyOf', 'oneOf'];
/** Deepest nesting followed (deeper schemas are refused by HC316 anyway). */
const MAX_DEPTH = 300;

export const checkSchemaFanOut: Check = (source, memory) =>
  memory.once(source, 'checkSchemaFanOut', () => {
    const shared = new Map<string, unknown>();
    for (const named of source.schemas) if (!shared.has(named.name)) shared.set(named.name, named.value);
    const counts = new Map<string, number>();
    const inProgress = new Set<string>();
    /** Subschemas applied to one value by `node` (itself included), at most MAX_APPLIED + 1. */
    const applied = (node: unknown, depth: number): number => {
      if (!isObject(node) || depth > MAX_DEPTH) return 1;
      let total = 1;
      const add = (count: number): void => {
        total = Math.min(MAX_APPLIED + 1, total + count);
      };
      const ref = node['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SHARED_SCHEMA_PREFIX)) add(appliedByShared(ref.slice(SHARED_SCHEMA_PREFIX.length), depth));
      for (const keyword of SAME_VALUE_ONE) if (keyword in node) add(applied(node[keyword], depth + 1));
      for (const keyword of SAME_VALUE_LIST) {
        const list = node[keyword];
        if (Array.isArray(list)) for (const item of list) add(applied(item, depth + 1));
      }
      const dependent = node['dependentSchemas'];
      if (isObject(dependent)) for (const sub of Object.values(dependent)) add(applied(sub, depth + 1));
      return total;
    };
    const appliedByShared = (name: string, depth: number): number => {
      const known = counts.get(name);
      if (known !== undefined) return known;
      // A schema that applies itself to the same value is refused by the ref-cycle check.
      if (inProgress.has(name) || !shared.has(name)) return 1;
      inProgress.add(name);
      const count = applied(shared.get(name), depth + 1);
      inProgress.delete(name);
      counts.set(name, count);
      return count;
    };
    /** The shared schemas `node` applies to its own value directly (not through another shared schema). */
    const appliedShared = (node: unknown, depth = 0, into = new Set<string>()): Set<string> => {
      if (!isObject(node) || depth > MAX_DEPTH) return into;
      const ref = node['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SHARED_SCHEMA_PREFIX)) into.add(ref.slice(SHARED_SCHEMA_PREFIX.length));
      for (const keyword of SAME_VALUE_ONE) if (keyword in node) appliedShared(node[keyword], depth + 1, into);
      for (const keyword of SAME_VALUE_LIST) {
        const list = node[keyword];
        if (Array.isArray(list)) for (const item of list) appliedShared(item, depth + 1, into);
      }
      const dependent = node['dependentSchemas'];
      if (isObject(dependent)) for (const sub of Object.values(dependent)) appliedShared(sub, depth + 1, into);
      return into;
    };
    const tooMany = new Set<string>();
    for (const name of shared.keys()) if (appliedByShared(name, 0) > MAX_APPLIED) tooMany.add(name);
    const diagnostics: Diagnostic[] = [];
    // Report where the fan-out is: not a schema that is too large only through another one reported.
    for (const located of schemasInCatalog(source)) {
      if (applied(located.value, 0) <= MAX_APPLIED) continue;
      if ([...appliedShared(located.value)].some((name) => tooMany.has(name))) continue;
      diagnostics.push(
        diagnosticAt(
          located.file,
          located.path,
          'HC333',
          'error',
          `this schema checks a value against more than ${MAX_APPLIED.toLocaleString('en')} subschemas (allOf, anyOf or oneOf repeating shared schemas that repeat others)`,
          'refer to each shared schema once, or merge the repeated ones',
          'key',
        ),
      );
    }
    return diagnostics;
  });
