/**
 * The promise of the generated types to receivers: every payload the event's published JSON
 * Schema accepts is assignable to the event's payload type. fast-check (fixed seed) makes
 * random payload schemas (`payload-schemas.ts`) and, for each, candidate instances built from
 * its shape (`payload-instances.ts`); ajv 2020, set up as the runtime validates, keeps the valid
 * ones against the schemas as hookcat publishes them; the TypeScript compiler, with the strict
 * options of `compile.ts`, then checks `const x: Payload = v` for each, `v` declared with the
 * instance's exact type: a value, not a fresh literal, since excess property checks are a lint
 * on literals, not assignability (an open object has no index signature by design); for the same
 * reason the exact type declares absent names, against TypeScript's weak type check (see
 * `exactType`). Many schemas share one catalog and one program, as the compiler's start-up is
 * most of the cost: the default count checks about 1,500 payloads of 470 schemas in about 12 s.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitJsonSchemas } from '../../../src/emit/json-schema.js';
import { schemaFile } from '../../../src/emit/json-schema/schema-files.js';
import { emitTypes } from '../../../src/emit/typescript.js';
import { loadCatalog } from '../../../src/load.js';
import type { Catalog } from '../../../src/model/types.js';
import { formatDiagnostics, STRICT_OPTIONS, typeCheck } from './compile.js';
import { seededRandom } from '../../support/seeded-random.js';
import { candidates, exactType } from './payload-instances.js';
import { PROPERTY_NAMES, payloadSchema, type Schema, sharedSchemas } from './payload-schemas.js';

const SEED = Number(process.env['HOOKCAT_PROPERTY_SEED'] ?? 42);
/** Five times the base count by default (25 catalogs of up to 40 payload schemas each). */
const RUNS = Number(process.env['HOOKCAT_PROPERTY_RUNS'] ?? 5);
const CATALOGS = 5;
const SCHEMAS_PER_CATALOG = 40;
const CANDIDATES_PER_SCHEMA = 10;
/** The library files are not the subject; checking them costs seconds a program. */
const OPTIONS: ts.CompilerOptions = { ...STRICT_OPTIONS, skipLibCheck: true };

/** One payload instance ajv accepts, and the event it is a payload of. */
interface ValidPayload {
  readonly key: string;
  readonly schema: Schema;
  readonly instance: unknown;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-valid-payloads-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const eventKey = (i: number): string => `e${i}.sent`;

/** The model of a catalog with `shared` as its schemas and one event per payload schema, through
 * the real loader (which normalizes schemas as users get them). */
async function loadBatch(shared: { [name: string]: Schema }, payloads: readonly Schema[]): Promise<Catalog> {
  const folder = await mkdtemp(path.join(root, 'catalog-'));
  const catalog = {
    catalog: { id: 'props', version: '1', locales: ['en'], sourceLocale: 'en', title: 'Props' },
    categories: [{ id: 'things', title: 'Things', description: 'Things.' }],
    schemas: shared,
    events: payloads.map((payload, i) => ({ key: eventKey(i), category: 'things', title: `Event ${i}`, description: 'Sent.', payload })),
  };
  await writeFile(path.join(folder, 'catalog.yaml'), JSON.stringify(catalog));
  const { catalog: model, diagnostics } = await loadCatalog(folder);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (model === undefined || errors.length > 0) throw new Error(`the generated catalog does not load: ${JSON.stringify(errors.slice(0, 3))}`);
  return model;
}

/** ajv as the runtime's validators are made (`src/emit/runtime/validators.ts`): draft 2020-12,
 * not strict, own properties only; formats are not checked (an instance too many is harmless). */
function publishedValidators(catalog: Catalog): (key: string, instance: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false, ownProperties: true, logger: false });
  const files = new Map(emitJsonSchemas(catalog).map((file) => [file.path, JSON.parse(file.contents) as { $id: string }]));
  for (const [file, schema] of files) if (/\/schemas\/(shared|payloads)\//.test(file)) ajv.addSchema(schema);
  return (key, instance) => {
    const schema = files.get(`${catalog.id}/schemas/${schemaFile.payload(key)}`)!;
    try {
      return ajv.getSchema(schema.$id)!(instance) === true;
    } catch {
      // ajv compares values for `const`, `enum` and `uniqueItems` with fast-deep-equal, which
      // calls an object's own `valueOf` or `toString`: `{ "valueOf": 1 }` throws a TypeError.
      return false;
    }
  };
}

/** The instances of each payload schema that its published schema accepts. */
function validPayloads(catalog: Catalog, payloads: readonly (readonly [Schema, number])[], shared: { [name: string]: Schema }): ValidPayload[] {
  const isValid = publishedValidators(catalog);
  return payloads.flatMap(([schema, seed], i) => {
    const key = eventKey(i);
    const context = { shared, random: seededRandom(seed) };
    return candidates(schema, context, CANDIDATES_PER_SCHEMA)
      .filter((instance) => isValid(key, instance))
      .map((instance) => ({ key, schema, instance }));
  });
}

/** Each valid payload the generated type refuses, with the compiler's message; a problem in
 * the generated module itself is reported against no payload. */
function refusedPayloads(catalog: Catalog, payloads: readonly ValidPayload[]): string[] {
  return typeErrors(emitTypes(catalog).contents, payloads, PROPERTY_NAMES).map(([payload, message]) =>
    payload === undefined ? `in the generated module: ${message}` : describePayload(payload, message),
  );
}

/** The compiler's errors for `const x: Payload = v` of each payload, `v` of the payload's exact
 * type with `absent` declared; each with its payload (undefined for errors in `types`). */
function typeErrors(types: string, payloads: readonly ValidPayload[], absent: readonly string[]): [ValidPayload | undefined, string][] {
  const typesFile = '/virtual/props/types.ts';
  const checksFile = '/virtual/props/checks.ts';
  const lines = payloads.map(
    ({ key, instance }, i) => `declare const v${i}: ${exactType(instance, absent)}; export const x${i}: P[${JSON.stringify(key)}] = v${i};`,
  );
  const checks = ["import type { EventPayloads as P } from './types.js';", ...lines, 'export type Payloads = P;', ''].join('\n');
  const files = new Map([
    [typesFile, types],
    [checksFile, checks],
  ]);
  return typeCheck([typesFile, checksFile], files, OPTIONS).map((diagnostic) => {
    const message = formatDiagnostics([diagnostic])[0]!;
    if (diagnostic.file?.fileName !== checksFile || diagnostic.start === undefined) return [undefined, message];
    return [payloads[diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - 1], message];
  });
}

function describePayload(payload: ValidPayload, message: string): string {
  return `schema ${JSON.stringify(payload.schema)}\n  instance ${JSON.stringify(payload.instance)}\n  ${message}`;
}

describe('the generated payload types', () => {
  it('accept every payload the published JSON Schema accepts', async () => {
    let checked = 0;
    const batch = fc.array(fc.tuple(payloadSchema, fc.integer()), { minLength: 1, maxLength: SCHEMAS_PER_CATALOG, size: 'max' });
    await fc.assert(
      fc.asyncProperty(sharedSchemas, batch, async (shared, payloads) => {
        const catalog = await loadBatch(
          shared,
          payloads.map(([schema]) => schema),
        );
        const valid = validPayloads(catalog, payloads, shared);
        checked += valid.length;
        expect(refusedPayloads(catalog, valid)).toEqual([]);
      }),
      // No shrinking: each step would cost a compiler run, and the failure already names each
      // refused payload with its schema.
      { seed: SEED, numRuns: RUNS * CATALOGS, endOnFailure: true },
    );
    // Most schemas keep some of their candidates (about 1,500 payloads at the default count).
    expect(checked).toBeGreaterThan(RUNS * CATALOGS * 20);
  });
});
