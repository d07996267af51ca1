/** Validates instances against `#/components/schemas/...` of an emitted OpenAPI document with
 * ajv (draft 2020-12, OpenAPI's dialect), so the test checks the rewritten `$ref`s resolve. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

const addFormats = addFormatsModule.default;
const DOCUMENT_ID = 'https://hookcat.invalid/openapi.json';

/** `(ref) => validate function` for `#/components/schemas/<Name>` refs of `document`. */
export function openApiSchemaValidator(document: Record<string, unknown>): (ref: string) => ValidateFunction {
  // Not strict: OpenAPI keywords (`openapi`, `info`, `components`, `x-*`) are not JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document['components'] });
  return (ref) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}${ref}`);
    if (validate === undefined) throw new Error(`no schema at ${ref}`);
    return validate;
  };
}
