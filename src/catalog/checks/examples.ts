/** Payload schemas are valid JSON Schema, and every example matches its event's payload. */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../../diagnostics.js';
import { referencedSchemas } from '../../model/query.js';
import type { JsonSchema } from '../../model/types.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import { absolutizeRefs, CHECK_BASE, normalizePayloadSchema } from '../payload-schema.js';
import type { DataPath } from '../source-file.js';
import type { Located } from '../source.js';
import { dataWithStandIns, schemaWithStandIns, withoutStandIns } from './proto-stand-in.js';
import { exampleFastPath } from './example-fast-path.js';
import { checkRefCycles } from './ref-cycles.js';
import { checkUnicodeText } from './unicode-text.js';
import { schemasInCatalog } from './schemas-in-catalog.js';

const addFormats = addFormatsModule.default;

/** `ownProperties`: a payload property named `valueOf` or `hasOwnProperty` is present only when
 * the example has it, not because every object inherits one. */
export function payloadValidator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, ownProperties: true });
  addFormats(ajv);
  return ajv;
}

export const checkExamples: Check = (source) => {
  const metadata = source.metadata?.value;
  if (metadata === undefined) return [];
  const diagnostics: Diagnostic[] = [];
  const ajv = payloadValidator();
  const prepare = (schema: unknown): unknown => schemaWithStandIns(absolutizeRefs(normalizePayloadSchema(schema, metadata.sourceLocale)));
  for (const located of schemasInCatalog(source)) {
    if (!ajv.validateSchema(prepare(located.value) as object)) diagnostics.push(...schemaErrors(located, ajv.errors ?? []));
  }
  if (diagnostics.length > 0 || !source.complete) return diagnostics;
  // A schema applied to its own value again would make ajv recurse until the stack overflows,
  // and half a surrogate pair in a name makes ajv fail on a malformed URI; both are reported already.
  if (checkRefCycles(source).length > 0 || checkUnicodeText(source).length > 0) return diagnostics;
  const names = new Set(source.schemas.map((s) => s.name));
  const registered = new Map<string, unknown>();
  for (const shared of source.schemas) {
    // A name declared twice is reported by checkUnique; ajv would refuse the second schema.
    if (registered.has(CHECK_BASE + shared.name)) continue;
    const schema = prepare(shared.value);
    registered.set(CHECK_BASE + shared.name, schema);
    ajv.addSchema(typeof schema === 'object' ? { ...(schema as object), $id: CHECK_BASE + shared.name } : { $id: CHECK_BASE + shared.name, allOf: [schema] });
  }
  // Compiling each payload schema with ajv is what costs (ms each); most events pass the fast path.
  const fastPath = exampleFastPath(ajv, registered);
  for (const { value: event, file, path } of source.events) {
    if (!referencedSchemas(event.payload as JsonSchema).every((n) => names.has(n))) continue;
    const schema = prepare(event.payload);
    if (fastPath.passes(schema, (event.examples ?? []).map((example) => dataWithStandIns(example.payload)))) continue;
    const validate = compile(ajv, schema);
    if (validate === undefined) continue;
    if (typeof validate === 'string') {
      diagnostics.push(diagnosticAt(file, [...path, 'payload'], 'HC310', 'error', `the payload schema of \`${event.key}\` cannot be compiled: ${validate}`, 'fix the schema'));
      continue;
    }
    (event.examples ?? []).forEach((example, i) => {
      if (validate(dataWithStandIns(example.payload))) return;
      const at = [...path, 'examples', i, 'payload'];
      for (const error of (validate.errors ?? []).slice(0, 5)) {
        diagnostics.push(diagnosticAt(file, [...at, ...pointerPath(error.instancePath)], 'HC306', 'error', `example ${example.name ?? i + 1} of \`${event.key}\` does not match the payload schema: ${withoutStandIns(describeError(error))}`, 'fix the example or the payload schema'));
      }
    });
  }
  return diagnostics;
};

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

function schemaErrors(located: Located<unknown>, errors: ErrorObject[]): Diagnostic[] {
  const error = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? errors[0];
  if (error === undefined) return [];
  return [diagnosticAt(located.file, [...located.path, ...pointerPath(error.instancePath)], 'HC310', 'error', `invalid JSON Schema: ${withoutStandIns(describeError(error))}`, 'see https://json-schema.org/draft/2020-12 for the keyword')];
}

function pointerPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => withoutStandIns(s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** ajv's error in plain words: where, then what. */
function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the payload' : `\`${error.instancePath.slice(1).replace(/\//g, '.')}\``;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} lacks the required property \`${String(params['missingProperty'])}\``;
    case 'additionalProperties':
      return `${where} has the property \`${String(params['additionalProperty'])}\`, which the schema does not allow`;
    case 'type':
      return `${where} must be of type ${String(params['type'])}`;
    case 'enum':
      return `${where} must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params['allowedValue'])}`;
    case 'format':
      return `${where} is not a valid ${String(params['format'])}`;
    default:
      return `${where} ${error.message ?? `fails ${error.keyword}`}`;
  }
}
