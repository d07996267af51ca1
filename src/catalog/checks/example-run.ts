/** One run of the example check: the schemas prepared for ajv, and ajv itself when needed. */
import type { Diagnostic } from '../../diagnostics.js';
import { absolutizeRefs, CHECK_BASE, normalizePayloadSchema, readingKey } from '../payload-schema.js';
import { diagnosticAt } from '../positions.js';
import type { SourceFile } from '../source-file.js';
import type { Located, NamedLocated, RawEvent } from '../source.js';
import { describeError, pointerPath, schemaErrors } from './ajv-messages.js';
import type { CheckMemory } from './check.js';
import { contentKey, type ObjectMemo } from './memo.js';
import type { PayloadValidators } from './payload-validators.js';
import { dataWithStandIns, schemaWithStandIns, withoutStandIns } from './proto-stand-in.js';
import type { LocatedSchema } from './schemas-in-catalog.js';

export class ExampleRun {
  private readonly prepared = new Map<RawEvent, unknown>();
  private registered = new Map<string, unknown>();
  private readonly noProto: ObjectMemo<boolean>;
  private readonly validators: PayloadValidators;

  /** What the normalized schemas depend on besides the raw ones (source locale, annotations). */
  readonly reading: string;

  constructor(
    readonly sourceLocale: string,
    private readonly annotations: ReadonlySet<string>,
    folder: string,
    private readonly memory: CheckMemory,
  ) {
    this.noProto = memory.memo('no-proto');
    this.validators = memory.validatorsFor(folder);
    this.reading = readingKey(sourceLocale, annotations);
  }

  /** Whether a file's data surely holds no key named `__proto__`: neither written out nor made
   * by an escape. Stand-ins are then not needed, and not looked for. */
  private holdsNoProto(file: SourceFile): boolean {
    return this.noProto.get(file, '', () => !file.text.includes('__proto__') && !file.text.includes('\\'));
  }

  /** The meta-schema check of one schema of the catalog (normalized: 2020-12, no `$schema`). */
  schemaProblems(located: LocatedSchema): readonly Diagnostic[] {
    const schema = located.event === undefined ? this.prepare(located.value) : this.preparePayload(located.event, located.file);
    const ajv = this.validators.instance();
    return ajv.validateSchema(schema as object) ? [] : schemaErrors(located, ajv.errors ?? []);
  }

  /** Registers the shared schemas; returns the context of the results that depend on them. */
  share(schemas: readonly NamedLocated<unknown>[]): string | undefined {
    for (const shared of schemas) {
      // A name declared twice is reported by checkUnique; ajv would refuse the second schema.
      if (!this.registered.has(CHECK_BASE + shared.name)) this.registered.set(CHECK_BASE + shared.name, this.prepare(shared.value));
    }
    const context = sharedSchemasKey(
      this.reading,
      schemas.map((s) => [s.name, s.value]),
    );
    this.validators.share(context, this.registered);
    return context;
  }

  /** ajv's verdict on the examples of one event. */
  exampleProblems(located: Located<RawEvent>): Diagnostic[] {
    const { value: event, file, path } = located;
    // Without examples there is nothing to run: compiling a validator (most of the check's time
    // on large catalogs such as GitHub's) would only find what the meta-schema, reference and
    // pattern checks report already.
    if ((event.examples ?? []).length === 0) return [];
    const validate = this.validators.validator(this.preparePayload(event, file));
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

  private prepare(schema: unknown): unknown {
    return prepareSharedSchema(schema, this.sourceLocale, this.annotations);
  }

  /** An event's payload prepared for ajv, once a run (the normalized schema is the model's). */
  private preparePayload(event: RawEvent, file: SourceFile): unknown {
    let schema = this.prepared.get(event);
    if (schema === undefined) {
      const absolute = absolutizeRefs(this.memory.payloads.get(event.payload, this.sourceLocale, this.annotations));
      schema = this.holdsNoProto(file) ? absolute : schemaWithStandIns(absolute);
      this.prepared.set(event, schema);
    }
    return schema;
  }
}

/** What the example check's results depend on besides the events: the reading (source locale,
 * annotations) and the shared schemas, by name, as written. */
export function sharedSchemasKey(reading: string, schemas: readonly (readonly [string, unknown])[]): string | undefined {
  return contentKey([reading, schemas]);
}

/** A shared schema as the example check registers it with ajv (under `CHECK_BASE` and its name). */
export function prepareSharedSchema(schema: unknown, sourceLocale: string, annotations: ReadonlySet<string>): unknown {
  return schemaWithStandIns(absolutizeRefs(normalizePayloadSchema(schema, sourceLocale, annotations)));
}
