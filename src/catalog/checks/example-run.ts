/** One run of the example check: the schemas prepared for ajv, and ajv itself when needed. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../../diagnostics.js';
import { referencedSchemas } from '../../model/query.js';
import type { JsonSchema } from '../../model/types.js';
import { absolutizeRefs, CHECK_BASE, normalizedPayload, normalizePayloadSchema } from '../payload-schema.js';
import { diagnosticAt } from '../positions.js';
import type { SourceFile } from '../source-file.js';
import type { Located, NamedLocated, RawEvent } from '../source.js';
import { describeError, pointerPath, schemaErrors } from './ajv-messages.js';
import { exampleFastPath, type ExampleFastPath } from './example-fast-path.js';
import { contentKey, ObjectMemo } from './memo.js';
import { metaFastPath, type MetaFastPath } from './meta-fast-path.js';
import { dataWithStandIns, schemaWithStandIns, withoutStandIns } from './proto-stand-in.js';
import type { LocatedSchema } from './schemas-in-catalog.js';

const addFormats = addFormatsModule.default;

/** `ownProperties`: a payload property named `valueOf` or `hasOwnProperty` is present only when
 * the example has it, not because every object inherits one. */
export function payloadValidator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, ownProperties: true });
  addFormats(ajv);
  return ajv;
}

/** Checks schemas against the JSON Schema meta-schema. Checking a schema without `$schema`
 * changes nothing in the instance, so one serves every load. Its formats serve the fast paths. */
let metaValidator: Ajv2020 | undefined;
let surelyValid: MetaFastPath | undefined;

function meta(): Ajv2020 {
  return (metaValidator ??= payloadValidator());
}

/** Shared-schema contexts whose ajv set-up (`addSchema`) succeeded (a few catalogs' worth). */
const setUp = new Set<string>();

const noProto = new ObjectMemo<boolean>();

/** Whether a file's data surely holds no key named `__proto__`: neither written out nor made by
 * an escape. Stand-ins are then not needed, and not looked for. */
function holdsNoProto(file: SourceFile): boolean {
  return noProto.find(file, '') ?? noProto.keep(file, '', !file.text.includes('__proto__') && !file.text.includes('\\'));
}

/** Whether a schema names its meta-schema: ajv then checks it against the schema of that name,
 * which depends on what the instance holds. */
function namesMetaSchema(schema: unknown): boolean {
  return schema !== null && typeof schema === 'object' && Object.hasOwn(schema, '$schema');
}

export class ExampleRun {
  /** ajv as the check always used it: made when first needed, then the meta-schema check of
   * schemas naming `$schema`, the shared schemas added, the compiles, in this order. */
  private ajv: Ajv2020 | undefined;
  private shared = false;
  private readonly prepared = new Map<RawEvent, unknown>();
  private registered = new Map<string, unknown>();
  private names = new Set<string>();
  private fastPath: ExampleFastPath | undefined;

  constructor(readonly sourceLocale: string) {}

  /** Whether checking this event's payload against the meta-schema depends on ajv's state. */
  dependsOnAjv(event: RawEvent): boolean {
    return namesMetaSchema(event.payload);
  }

  /** The meta-schema check of one schema of the catalog. */
  schemaProblems(located: LocatedSchema): readonly Diagnostic[] {
    const schema = located.event === undefined ? this.prepare(located.value) : this.preparePayload(located.event, located.file);
    if ((surelyValid ??= metaFastPath(meta()))(schema)) return [];
    const ajv = namesMetaSchema(schema) ? this.instance() : meta();
    return ajv.validateSchema(schema as object) ? [] : schemaErrors(located, ajv.errors ?? []);
  }

  /** Registers the shared schemas; returns the context of the results that depend on them. */
  share(schemas: readonly NamedLocated<unknown>[]): string {
    this.names = new Set(schemas.map((s) => s.name));
    for (const shared of schemas) {
      // A name declared twice is reported by checkUnique; ajv would refuse the second schema.
      if (!this.registered.has(CHECK_BASE + shared.name)) this.registered.set(CHECK_BASE + shared.name, this.prepare(shared.value));
    }
    this.fastPath = exampleFastPath(meta(), this.registered);
    const context = contentKey([this.sourceLocale, schemas.map((s) => [s.name, s.value])]);
    // Adding the shared schemas to ajv can fail (an internal error): done at once, unless it is
    // known to succeed for these schemas.
    if (!setUp.has(context)) {
      this.compiler();
      if (setUp.size >= 16) setUp.clear();
      setUp.add(context);
    }
    return context;
  }

  /** Whether the examples need no ajv: they pass the fast path, or the payload refers to a
   * shared schema that does not exist (checkRefs reports it). */
  passesFastPath({ value: event, file }: Located<RawEvent>): boolean {
    if (!referencedSchemas(event.payload as JsonSchema).every((name) => this.names.has(name))) return true;
    const examples = (event.examples ?? []).map((example) => (holdsNoProto(file) ? example.payload : dataWithStandIns(example.payload)));
    return this.fastPath!.passes(this.preparePayload(event, file), examples);
  }

  /** ajv's verdict on the examples of one event. */
  exampleProblems(located: Located<RawEvent>): Diagnostic[] {
    const { value: event, file, path } = located;
    const validate = compile(this.compiler(), this.preparePayload(event, file));
    if (validate === undefined) return [];
    if (typeof validate === 'string') {
      return [
        diagnosticAt(file, [...path, 'payload'], 'HC310', 'error', `the payload schema of \`${event.key}\` cannot be compiled: ${validate}`, 'fix the schema'),
      ];
    }
    const diagnostics: Diagnostic[] = [];
    (event.examples ?? []).forEach((example, i) => {
      if (validate(dataWithStandIns(example.payload))) return;
      const at = [...path, 'examples', i, 'payload'];
      for (const error of (validate.errors ?? []).slice(0, 5)) {
        diagnostics.push(
          diagnosticAt(
            file,
            [...at, ...pointerPath(error.instancePath)],
            'HC306',
            'error',
            `example ${example.name ?? i + 1} of \`${event.key}\` does not match the payload schema: ${withoutStandIns(describeError(error))}`,
            'fix the example or the payload schema',
          ),
        );
      }
    });
    return diagnostics;
  }

  private instance(): Ajv2020 {
    return (this.ajv ??= payloadValidator());
  }

  private compiler(): Ajv2020 {
    const ajv = this.instance();
    if (!this.shared) {
      this.shared = true;
      for (const [id, schema] of this.registered) ajv.addSchema(typeof schema === 'object' ? { ...(schema as object), $id: id } : { $id: id, allOf: [schema] });
    }
    return ajv;
  }

  private prepare(schema: unknown): unknown {
    return schemaWithStandIns(absolutizeRefs(normalizePayloadSchema(schema, this.sourceLocale)));
  }

  /** An event's payload prepared for ajv, once a run (the normalized schema is the model's). */
  private preparePayload(event: RawEvent, file: SourceFile): unknown {
    let schema = this.prepared.get(event);
    if (schema === undefined) {
      const absolute = absolutizeRefs(normalizedPayload(event.payload, this.sourceLocale));
      schema = holdsNoProto(file) ? absolute : schemaWithStandIns(absolute);
      this.prepared.set(event, schema);
    }
    return schema;
  }
}

/** The validator, the reason it cannot be compiled, or undefined when a `$ref` does not resolve
 * (checkRefs reports every such `$ref` already). */
function compile(ajv: Ajv2020, schema: unknown): ValidateFunction | string | undefined {
  try {
    return ajv.compile(schema as object);
  } catch (error) {
    if (error instanceof Error && 'missingRef' in error) return undefined;
    return error instanceof Error ? error.message : String(error);
  }
}
