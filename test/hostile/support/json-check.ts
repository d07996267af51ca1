/**
 * JSON Schema and OpenAPI outputs read back by tools a receiver would use: ajv (draft
 * 2020-12, formats) and @seriousme/openapi-schema-validator.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { collectValue } from './catalog-text.js';

const addFormats = addFormatsModule.default;

/** Every string and every key of a JSON value. */
export function stringsOf(value: unknown): Set<string> {
  const into = new Set<string>();
  collectValue(value, into);
  return into;
}

/** A fresh ajv with every JSON Schema output added; user schemas may hold `x-` annotations, so not strict. */
export function schemaValidator(schemas: ReadonlyMap<string, unknown>): { ajv: Ajv2020; errors: string[] } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: true, ownProperties: true });
  addFormats(ajv);
  const errors: string[] = [];
  for (const [file, schema] of schemas) {
    try {
      ajv.addSchema(schema as object, file);
    } catch (error) {
      errors.push(`${file}: ${(error as Error).message}`);
    }
  }
  for (const file of schemas.keys()) {
    try {
      ajv.getSchema(file);
    } catch (error) {
      errors.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { ajv, errors };
}

/** Errors @seriousme/openapi-schema-validator reports for an OpenAPI document; empty when valid. */
export async function openApiErrors(document: unknown): Promise<string[]> {
  const result = await new Validator().validate(document as Record<string, unknown>);
  return result.valid ? [] : [JSON.stringify(result.errors).slice(0, 2000)];
}

/** YAML text parsed strictly: duplicate keys and unknown tags are errors, not quietly resolved. */
export function parseYamlStrict(text: string): unknown {
  return parseYaml(text, { strict: true, uniqueKeys: true, prettyErrors: false });
}
