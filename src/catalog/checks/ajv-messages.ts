/** ajv's findings about payload schemas and examples, as diagnostics in plain words. */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../diagnostics.js';
import { diagnosticAt } from '../positions.js';
import type { DataPath } from '../source-file.js';
import type { Located } from '../source.js';
import { withoutStandIns } from './proto-stand-in.js';

/** HC310 for a schema that fails the meta-schema: the most precise of ajv's errors. */
export function schemaErrors(located: Located<unknown>, errors: readonly ErrorObject[]): Diagnostic[] {
  const error = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? errors[0];
  if (error === undefined) return [];
  return [
    diagnosticAt(
      located.file,
      [...located.path, ...pointerPath(error.instancePath)],
      'HC310',
      'error',
      `invalid JSON Schema: ${withoutStandIns(describeError(error))}`,
      'see https://json-schema.org/draft/2020-12 for the keyword',
    ),
  ];
}

/** A JSON pointer into the data as a data path (with the real names of stand-ins). */
export function pointerPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => withoutStandIns(s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** ajv's error in plain words: where, then what. */
export function describeError(error: ErrorObject): string {
  // The pointer's segments as written in the catalog (`a/b~c`, not the escaped `a~1b~0c`).
  const path = pointerPath(error.instancePath);
  const where = path.length === 0 ? 'the payload' : `\`${path.join('.')}\``;
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
    case 'false schema':
      return `${where} is not allowed: its schema is \`false\``;
    default:
      return `${where} ${error.message ?? `fails ${error.keyword}`}`;
  }
}
