/**
 * One ajv instance for the life of a run context, and the validators it compiled, by the
 * content of the schema: a later load (watch mode) compiles only schemas it has not seen.
 * The catalog's shared schemas are registered under `CHECK_BASE`; when they change, ajv
 * forgets every schema and validator. A payload schema is removed from ajv right after it is
 * compiled (its validator stays usable), so no compile sees what an earlier one registered.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { withLinearUniqueItems } from '../../unique-items.js';
import { LinearPatterns } from '../linear-regexp.js';
import { contentKey } from './memo.js';

const addFormats = addFormatsModule.default;

/** ajv as payload schemas and examples are checked. `ownProperties`: a payload property named
 * `valueOf` or `hasOwnProperty` is present only when the example has it, not because every
 * object inherits one. */
export function payloadValidator(patterns = new LinearPatterns()): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: true,
    ownProperties: true,
    addUsedSchema: false,
    // An unknown format is a coded warning (HC318, checkRefs), not a line of ajv's on stderr.
    logger: false,
    inlineRefs: false,
    // Schemas are checked against the meta-schema on their own (HC310), not again on every compile.
    validateSchema: false,
    code: { optimize: false, regExp: patterns.engine() },
  });
  addFormats(ajv);
  // ajv compares items pairwise: a long example of objects took seconds a thousand items.
  return withLinearUniqueItems(ajv);
}

/** A compiled validator, the reason the schema cannot be compiled, or undefined when a `$ref`
 * does not resolve (checkRefs reports every such `$ref` already). */
export type Compiled = ValidateFunction | string | undefined;

export class PayloadValidators {
  constructor(private readonly patterns: LinearPatterns) {}

  private ajv: Ajv2020 | undefined;
  private sharedKey: string | undefined;
  private shared: ReadonlyMap<string, unknown> = new Map();
  private compiled = new Map<string, Compiled>();
  private used = new Map<string, Compiled>();

  /** The instance, made on first use. */
  instance(): Ajv2020 {
    return (this.ajv ??= payloadValidator(this.patterns));
  }

  /** Registers the shared schemas (prepared, by id) unless the same ones are registered;
   * `key` stands for their content. Starts a new round of `sweep`. */
  share(key: string | undefined, shared: ReadonlyMap<string, unknown>): void {
    this.compiled = this.used;
    this.used = new Map();
    if (key !== undefined && key === this.sharedKey) return;
    const ajv = this.instance();
    ajv.removeSchema();
    this.compiled.clear();
    this.sharedKey = undefined;
    this.shared = shared;
    // Adding the shared schemas can fail (an internal error): done at once.
    addShared(ajv, shared);
    this.sharedKey = key;
  }

  /** The validator of a prepared payload schema, compiled once per content while the shared
   * schemas stay the same. Validators not asked for in a round are dropped at the next. */
  validator(schema: unknown): Compiled {
    const key = contentKey(schema);
    if (key !== undefined && (this.used.has(key) || this.compiled.has(key))) {
      const known = this.used.get(key) ?? this.compiled.get(key);
      this.used.set(key, known);
      return known;
    }
    const made = this.compile(schema);
    if (key !== undefined) this.used.set(key, made);
    return made;
  }

  /** A schema that declares identifiers (`$id`, `$anchor`) would leave them registered: it is
   * compiled by an instance of its own, with the shared schemas. */
  private compile(schema: unknown): Compiled {
    const isolated = declaresIdentifiers(schema, 0);
    const ajv = isolated ? addShared(payloadValidator(this.patterns), this.shared) : this.instance();
    try {
      return ajv.compile(schema as object);
    } catch (error) {
      if (error instanceof Error && 'missingRef' in error) return undefined;
      return error instanceof Error ? error.message : String(error);
    } finally {
      // ajv keeps a compiled object schema until it is removed; it refuses to remove a boolean one.
      if (!isolated && typeof schema === 'object' && schema !== null) ajv.removeSchema(schema);
    }
  }
}

function addShared(ajv: Ajv2020, shared: ReadonlyMap<string, unknown>): Ajv2020 {
  for (const [id, schema] of shared) ajv.addSchema(typeof schema === 'object' ? { ...(schema as object), $id: id } : { $id: id, allOf: [schema] });
  return ajv;
}

const IDENTIFIERS = ['$id', '$anchor', '$dynamicAnchor'];

/** Whether an object anywhere in `value` has a key that names a schema resource (too deep to
 * tell counts as yes). */
export function declaresIdentifiers(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > 256) return true;
  if (Array.isArray(value)) return value.some((item) => declaresIdentifiers(item, depth + 1));
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (IDENTIFIERS.includes(key) || declaresIdentifiers(record[key], depth + 1)) return true;
  }
  return false;
}
