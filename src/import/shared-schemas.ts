/**
 * The schemas of a source that become shared schemas of the catalog: every one a payload (or
 * another shared schema) refers to, named as the source names it (in a spelling the format
 * accepts). A schema referred to only once, as one event's body, becomes that event's payload
 * instead, so the event's page and type show its fields.
 */
import { isObject } from '../catalog/schema-walk.js';
import { acceptedName, ClaimedNames } from './names.js';
import { pointer, type ImportProblems } from './problems.js';
import { importSchema, type SchemaImport } from './schema-import.js';

/** One schema of the source that may become shared. */
export interface SourceSchema {
  /** The name the source gives it. */
  readonly name: string;
  readonly schema: unknown;
  /** JSON Pointer (or file) of it in the source. */
  readonly at: string;
}

export class SharedSchemas {
  private readonly byId: ReadonlyMap<string, SourceSchema>;
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly inlined = new Set<string>();
  private readonly refCounts = new Map<string, number>();
  private readonly problems: ImportProblems;

  /** `sources` by id; `target` turns a `$ref` value into the id it names (undefined: none). */
  constructor(
    sources: ReadonlyMap<string, SourceSchema>,
    private readonly target: (ref: string) => string | undefined,
    problems: ImportProblems,
  ) {
    this.byId = sources;
    this.problems = problems;
    const taken = new ClaimedNames('_');
    for (const [id, source] of sources) {
      const name = taken.claim(acceptedName('schema', source.name));
      this.names.set(id, name);
      countRefs(source.schema, (ref) => this.count(ref));
    }
  }

  /** Counts a body's reference (call once per event body, before `inlinedBody`). */
  useBody(body: unknown): void {
    countRefs(body, (ref) => this.count(ref));
  }

  /** The source schema to import as the payload in place of `body` (a `$ref` to a schema
   * nothing else refers to), or undefined. */
  inlinedBody(body: unknown): SourceSchema | undefined {
    if (!isObject(body) || typeof body['$ref'] !== 'string' || Object.keys(body).length !== 1) return undefined;
    const id = this.target(body['$ref']);
    if (id === undefined || this.refCounts.get(id) !== 1) return undefined;
    this.inlined.add(id);
    return this.byId.get(id);
  }

  /** The shared schema name a `$ref` names (and marks it used), or undefined. */
  nameOf(ref: string): string | undefined {
    const id = this.target(ref);
    if (id === undefined || !this.byId.has(id)) return undefined;
    this.used.add(id);
    return this.names.get(id);
  }

  /** Whether a payload or a used shared schema refers to `id` (known once `imported` ran). */
  isUsed(id: string): boolean {
    return this.used.has(id);
  }

  /** Every used schema, imported (which may use more), in source order. */
  imported(context: SchemaImport): Map<string, unknown> {
    return this.importedWith(() => context);
  }

  /** `imported`, with the import context of each schema (by its id). */
  importedWith(contextOf: (id: string) => SchemaImport): Map<string, unknown> {
    const done = new Map<string, unknown>();
    let pending = [...this.used].filter((id) => !done.has(id));
    while (pending.length > 0) {
      for (const id of pending) {
        const source = this.byId.get(id)!;
        const name = this.names.get(id)!;
        if (acceptedName('schema', source.name) !== source.name)
          this.problems.warn('HI102', source.at, `the schema name \`${source.name}\` is not one the catalog format accepts: written \`${name}\``);
        else if (name !== source.name)
          this.problems.warn('HI108', source.at, `the schema name \`${source.name}\` is an earlier schema's too (letter case aside): written \`${name}\``);
        done.set(id, importSchema(source.schema, source.at, contextOf(id)));
      }
      pending = [...this.used].filter((id) => !done.has(id));
    }
    const out = new Map<string, unknown>();
    for (const id of this.byId.keys()) if (done.has(id)) out.set(this.names.get(id)!, done.get(id));
    return out;
  }

  private count(ref: string): void {
    const id = this.target(ref);
    if (id !== undefined) this.refCounts.set(id, (this.refCounts.get(id) ?? 0) + 1);
  }
}

/** Calls `found` with every `$ref` string in `value`. */
function countRefs(value: unknown, found: (ref: string) => void): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) stack.push(...node);
    else
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string') found(child);
        else if (typeof child === 'object') stack.push(child);
      }
  }
}

/** The components of an OpenAPI document as source schemas, by name. */
export function componentSchemas(components: Record<string, unknown>, at: string): Map<string, SourceSchema> {
  return new Map(Object.entries(components).map(([name, schema]) => [name, { name, schema, at: `${at}${pointer(name)}` }]));
}
