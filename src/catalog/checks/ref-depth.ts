/**
 * Schemas nested deeper than MAX_SCHEMA_DEPTH levels, counted through `$ref`s: a chain of
 * thousands of shared schemas, each referring to the next (through `properties`, `allOf`,
 * `items`...), makes every tool that follows references recurse that deep (ajv compiling a
 * validator, the emitters), until the stack overflows. The depth of a shared schema is its own
 * nesting plus the depth of what it refers to; schemas that refer to each other in a cycle (a
 * recursive type, fine) count once each, all of them, so the bound holds for any walk that
 * stops at a schema it is already inside. Computed without recursion, in time linear in the
 * number of schemas and references.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import { SHARED_SCHEMA_PREFIX, walkSchema } from '../schema-walk.js';
import type { DataPath } from '../source-file.js';
import type { Check } from './check.js';
import { schemasInCatalog, type LocatedSchema } from './schemas-in-catalog.js';

/** Deepest nesting of schemas, counted through references. A schema written out in one place
 * nests at most 50 levels (data is at most 100 levels deep); real catalogs stay far below. */
export const MAX_SCHEMA_DEPTH = 128;

interface Reference {
  readonly to: string;
  /** Subschema levels above the `$ref` in the schema that holds it. */
  readonly level: number;
  readonly at: DataPath;
}

interface Outline {
  /** Levels of nesting of the schema itself. */
  readonly own: number;
  readonly references: readonly Reference[];
}

function outlineOf({ value, path }: LocatedSchema): Outline {
  let own = 0;
  const references: Reference[] = [];
  walkSchema(value, path, (schema, at, depth) => {
    own = Math.max(own, depth + 1);
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref.startsWith(SHARED_SCHEMA_PREFIX))
      references.push({ to: ref.slice(SHARED_SCHEMA_PREFIX.length), level: depth, at: at('$ref') });
  });
  return { own, references };
}

export const checkRefDepth: Check = (source, memory) =>
  memory.once(source, 'checkRefDepth', () => {
    const shared = new Map<string, { located: LocatedSchema; outline: Outline }>();
    for (const located of source.schemas) if (!shared.has(located.name)) shared.set(located.name, { located, outline: outlineOf(located) });
    const depths = sharedDepths(new Map([...shared].map(([name, { outline }]) => [name, outline])));
    const depthThrough = (reference: Reference): number => reference.level + (depths.get(reference.to) ?? 0);
    const deepest = (outline: Outline): { depth: number; reference: Reference | undefined } => {
      let best: { depth: number; reference: Reference | undefined } = { depth: outline.own, reference: undefined };
      for (const reference of outline.references) if (depthThrough(reference) > best.depth) best = { depth: depthThrough(reference), reference };
      return best;
    };
    // Report where a too deep chain starts: not a shared schema another too deep one refers to.
    const tooDeep = new Set([...shared.keys()].filter((name) => (depths.get(name) ?? 0) > MAX_SCHEMA_DEPTH));
    const inner = new Set<string>();
    for (const name of tooDeep) for (const reference of shared.get(name)!.outline.references) if (reference.to !== name) inner.add(reference.to);
    const diagnostics: Diagnostic[] = [];
    const report = (located: LocatedSchema, depth: number, reference: Reference | undefined): void => {
      diagnostics.push(
        diagnosticAt(
          located.file,
          reference?.at ?? located.path,
          'HC316',
          'error',
          `this schema nests ${depth} levels deep through its references, more than the ${MAX_SCHEMA_DEPTH} hookcat follows`,
          'shorten the chain of shared schemas that refer to one another',
        ),
      );
    };
    const starts = [...tooDeep].filter((name) => !inner.has(name));
    // Schemas that all sit in cycles of one another have no start: one report is enough.
    for (const name of starts.length > 0 ? starts : [...tooDeep].slice(0, 1)) {
      const { located, outline } = shared.get(name)!;
      report(located, depths.get(name)!, deepest(outline).reference);
    }
    for (const located of schemasInCatalog(source)) {
      if ('name' in located) continue;
      const outline = outlineOf(located);
      if (outline.references.some((r) => tooDeep.has(r.to))) continue;
      const { depth, reference } = deepest(outline);
      if (depth > MAX_SCHEMA_DEPTH) report(located, depth, reference);
    }
    return diagnostics;
  });

/**
 * The depth of every shared schema: strongly connected components (Tarjan's algorithm, with an
 * explicit stack) are found in reverse topological order, so every component a component refers
 * to has its depth when the component is reached. A component's members all get the sum of their
 * own nesting plus the deepest reference out of the component.
 */
function sharedDepths(outlines: ReadonlyMap<string, Outline>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const depths = new Map<string, number>();
  let counter = 0;
  const edges = (name: string): readonly Reference[] => (outlines.get(name)?.references ?? []).filter((r) => outlines.has(r.to));
  for (const start of outlines.keys()) {
    if (index.has(start)) continue;
    const frames: { name: string; next: number }[] = [{ name: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const reference = edges(frame.name)[frame.next++];
      if (reference !== undefined) {
        const to = reference.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          frames.push({ name: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(to)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const component: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.name) break;
      }
      const inside = new Set(component);
      const cyclic = component.length > 1 || edges(frame.name).some((r) => r.to === frame.name);
      let own = 0;
      let out = 0;
      for (const member of component) {
        own = cyclic ? own + outlines.get(member)!.own : outlines.get(member)!.own;
        for (const r of edges(member)) if (!inside.has(r.to)) out = Math.max(out, r.level + depths.get(r.to)!);
      }
      // A schema out of any cycle nests what it refers to where the `$ref` stands.
      for (const member of component) depths.set(member, cyclic ? own + out : Math.max(own, out));
    }
  }
  return depths;
}
