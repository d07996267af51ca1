/**
 * The checks every provider's generated output must pass, each by a tool independent of hookcat:
 * tsc (strict, `exactOptionalPropertyTypes`) on types.ts, a default `new Ajv2020()` on every JSON
 * Schema, two OpenAPI 3.1 validators and openapi-typescript on openapi.json, ajv on every
 * example delivery the OpenAPI document shows, and remark and markdownlint on the pages.
 */
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { openApiSchemaValidator } from '../emit/openapi-ajv.js';
import { formatDiagnostics, typeCheckModule } from '../emit/typescript/compile.js';
import { PROVIDERS, describeDiagnostics, schemaFiles, type Json, type ProviderOutput } from './generated-output.js';
import { describePageChecks } from './page-checks.js';

const addFormats = addFormatsModule.default;

/** A default ajv (draft 2020-12, no options: strict) with ajv-formats, holding every schema file but the bundle. */
export function defaultAjv(schemas: ReadonlyMap<string, Json>): Ajv2020 {
  const ajv = new Ajv2020();
  addFormats(ajv);
  for (const [file, schema] of schemas) if (file !== 'bundle.schema.json') ajv.addSchema(schema);
  return ajv;
}

export interface CheckOptions {
  /** Diagnostic codes of the warnings hookcat gives for this catalog, in order. */
  readonly warnings: readonly string[];
}

/** Registers the independent checks of `provider`'s generated output. */
export function describeIndependentChecks(provider: string, output: ProviderOutput, options: CheckOptions): void {
  const { result, files } = output;
  const catalog = result.catalogs[0];
  const schemas = schemaFiles(output);
  const document = JSON.parse(files.get('openapi.json') ?? '{}') as Json;

  describe(`the generated output of the ${provider} catalog`, () => {
    it('is generated: hookcat reports no error, and only the expected warnings', () => {
      expect(describeDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
      expect(result.diagnostics.map((d) => d.code)).toEqual(options.warnings);
      expect(result.ok).toBe(true);
      expect(catalog?.id).toBe(provider);
      expect([...files.keys()]).toEqual(expect.arrayContaining(['types.ts', 'openapi.json', 'openapi.yaml', 'schemas/bundle.schema.json']));
    });

    it('types.ts is the committed golden', async () => {
      await expect(files.get('types.ts')).toMatchFileSnapshot(path.join(PROVIDERS, provider, 'expected/types.ts'));
    });

    it('types.ts compiles with tsc: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess', () => {
      expect(formatDiagnostics(typeCheckModule(files.get('types.ts')!, `/virtual/${provider}/types.ts`))).toEqual([]);
    });

    it('every schema file and the bundle compile with a default new Ajv2020() (strict, no options) and ajv-formats', () => {
      const ajv = defaultAjv(schemas);
      for (const [file, schema] of schemas) {
        if (file === 'bundle.schema.json') continue;
        expect(ajv.getSchema(schema['$id']), file).toBeTypeOf('function');
      }
      const alone = new Ajv2020();
      addFormats(alone);
      expect(alone.compile(schemas.get('bundle.schema.json')!)).toBeTypeOf('function');
    });

    it('openapi.json is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator and @apidevtools/swagger-parser', async () => {
      expect(document['openapi']).toBe('3.1.0');
      const checked = await new Validator().validate(structuredClone(document));
      expect(checked.errors ?? []).toEqual([]);
      expect(checked.valid).toBe(true);
      await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    });

    it('openapi-typescript turns openapi.json into TypeScript that compiles', async () => {
      const source = astToString(await openapiTS(structuredClone(document) as never, { silent: true }));
      expect(source).toMatch(/export interface webhooks \{/);
      expect(formatDiagnostics(typeCheckModule(source, `/virtual/${provider}/openapi-typescript.ts`))).toEqual([]);
    });

    it('every example delivery in openapi.json validates against its schema and against the bundle', () => {
      const validatorFor = openApiSchemaValidator(document);
      const bundle = defaultAjv(schemas).compile(schemas.get('bundle.schema.json')!);
      let checked = 0;
      for (const [key, item] of Object.entries<Json>(document['webhooks'] ?? {})) {
        const media = item['post'].requestBody.content['application/json'];
        const validate = validatorFor(media.schema.$ref);
        for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
          expect(validate(example['value']), `${key} ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
          expect(bundle(example['value']), `${key} ${name} (bundle): ${JSON.stringify(bundle.errors)}`).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBe(catalog?.events.reduce((n, event) => n + event.examples.length, 0));
      expect(checked).toBeGreaterThan(0);
    });
  });
  describePageChecks(provider, output);
}
