/**
 * JSON Schema and OpenAPI outputs read back by tools a receiver would use: ajv (draft
 * 2020-12, formats) and @seriousme/openapi-schema-validator.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { linearRegExp } from '../../../src/catalog/linear-regexp.js';
import { collectValue } from './catalog-text.js';

const addFormats = addFormatsModule.default;

/** Every string and every key of a JSON value. */
export function stringsOf(value: unknown): Set<string> {
  const into = new Set<string>();
  collectValue(value, into);
  return into;
}

/**
 * ajv skips a property named `__proto__` in `properties` (and rejects it under
 * `additionalProperties: false`), so schemas and data get a stand-in name for it before ajv sees them.
 */
const PROTO_STAND_IN = '\u0000proto-stand-in\u0000';

function renamed(value: unknown, inSchema: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, inSchema));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = key === '__proto__' ? PROTO_STAND_IN : key;
    const isNameList = inSchema && key === 'required' && Array.isArray(child);
    const next = isNameList ? child.map((n: unknown) => (n === '__proto__' ? PROTO_STAND_IN : n)) : renamed(child, inSchema);
    Object.defineProperty(copy, name, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Example data as the stand-in schemas expect it. */
export function dataForAjv(data: unknown): unknown {
  return renamed(data, false);
}

/** A fresh ajv with every JSON Schema output added (with the `__proto__` stand-in); user schemas
 * may hold `x-` annotations, so not strict. Catalog patterns run on the linear-time engine
 * hookcat checks them with, so a hostile pattern cannot hang the test either. */
export function schemaValidator(schemas: ReadonlyMap<string, unknown>): { ajv: Ajv2020; errors: string[] } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: true, ownProperties: true, code: { regExp: linearRegExp() } });
  addFormats(ajv);
  const errors: string[] = [];
  for (const [file, schema] of schemas) {
    try {
      ajv.addSchema(renamed(schema, true) as object, file);
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
