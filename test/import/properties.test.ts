/**
 * The importers on random sources: schema-like values built from the keywords real descriptions
 * use (and some they misuse: `$ref`s that are no URI, `__proto__`, old dialects, values of the
 * wrong type) in an OpenAPI document and in a folder of schema files. Whatever the value, the
 * import returns problems and a catalog whose files can be written, and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJsonSchemas } from '../../src/import/json-schema.js';
import { importOpenApi } from '../../src/import/openapi.js';
import { catalogFiles } from '../../src/import/write-yaml.js';
import { pollutionSince, snapshotPrototypes } from '../hostile/support/pollution.js';

const SEED = Number(process.env['HOOKCAT_PROPERTY_SEED'] ?? 42);
const RUNS = Number(process.env['HOOKCAT_PROPERTY_RUNS'] ?? 5);

const KEYWORDS = [
  ...['type', 'properties', 'items', 'prefixItems', 'additionalItems', 'additionalProperties', 'patternProperties', 'contains'],
  ...['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependencies', 'discriminator'],
  ...['$ref', 'definitions', '$defs', 'id', '$id', '$schema', '$anchor'],
  ...['required', 'enum', 'const', 'nullable', 'exclusiveMinimum', 'exclusiveMaximum', 'minimum', 'pattern', 'format'],
  ...['title', 'description', 'examples', 'example', 'tsType', 'x-kept', '__proto__', 'constructor', 'action'],
];
const ODD_TEXTS = [
  '#/components/schemas/A',
  '#/components/schemas/%zz',
  '#/definitions/x',
  'A.json',
  'b/B.json#/$defs/x',
  'http://[',
  '%E0%A4%A',
  '(?=x)',
  'uuid',
  'no-such-format',
];
const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double(), fc.constantFrom(...ODD_TEXTS));
const { schema } = fc.letrec((tie) => ({
  // Objects with a prototype, as JSON.parse and yaml make them.
  schema: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.dictionary(fc.constantFrom(...KEYWORDS), tie('schema'), { maxKeys: 5, noNullPrototype: true }),
    fc.array(tie('schema'), { maxLength: 3 }),
  ),
}));

function writeAll(files: Iterable<[string, string]>): number {
  let count = 0;
  for (const [, text] of files) count += text.length > 0 ? 1 : 0;
  return count;
}

describe('the importers on random schemas', () => {
  it('return problems and a writable catalog, never an exception or a polluted prototype', () => {
    const prototypes = snapshotPrototypes();
    fc.assert(
      fc.property(schema, schema, schema, fc.constantFrom('3.0.3', '3.1.0'), (a, b, body, version) => {
        const document = {
          openapi: version,
          info: { title: 't', version: '1' },
          webhooks: { w: { post: { tags: a, requestBody: { content: { 'application/json': { schema: body, examples: { e: { value: a } } } } } } } },
          components: { schemas: { A: a, B: b } },
          tags: b,
        };
        const openapi = importOpenApi(document, { id: 'f', typeHeader: 'X-Event' });
        if (openapi.catalog !== undefined) expect(writeAll(catalogFiles(openapi.catalog, 'f.json'))).toBeGreaterThan(0);
        const folder = importJsonSchemas(
          [
            { path: 'A.json', text: JSON.stringify(a) },
            { path: 'b/B.json', text: JSON.stringify(b) },
            { path: 'c.json', text: JSON.stringify(body) },
          ],
          { id: 'f', key: '{dir}.{name}', typeHeader: 'X-Event', actionField: 'action' },
        );
        if (folder.catalog !== undefined) expect(writeAll(catalogFiles(folder.catalog, 'f'))).toBeGreaterThan(0);
      }),
      { numRuns: 700 * RUNS, seed: SEED },
    );
    expect(pollutionSince(prototypes)).toEqual([]);
  });
});
