/**
 * Pages grow linearly with the catalog: for random shared schemas that refer to each other
 * with fan-out and depth (chains, cycles, `oneOf`/`anyOf`/`allOf` of refs, arrays of refs) and
 * random payloads, the table rows of all pages are at most one per schema node written in the
 * catalog (plus a few per page), and their bytes a linear function of the catalog's size.
 * Expanding every use of a shared schema would make both exponential in the chain length.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TemplateSet } from '../../../src/emit/emitter.js';
import { markdownEmitter } from '../../../src/emit/markdown.js';
import type { Catalog, EventType, JsonSchema, NamedSchema } from '../../../src/model/types.js';
import { loadTemplates } from '../../../src/templates.js';
import { readPage, tableRows } from '../../hostile/support/markdown-check.js';
import { hostileCatalog, text } from './hostile-catalog.js';
import { createDescriptionFormat } from '../../../src/emit/description/format.js';

/** Descriptions in markdown printed as `generate` prints them. */
const descriptions = createDescriptionFormat();

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates();
});

const SCHEMAS = 12;
const ref = fc.integer({ min: 0, max: SCHEMAS - 1 }).map((k): JsonSchema => ({ $ref: `#/schemas/S${k}` }));
const leaf = fc.constantFrom<JsonSchema>(
  { type: 'string' },
  { type: 'integer', minimum: 0 },
  { type: 'string', enum: ['a', 'b'] },
  { type: ['string', 'null'] },
);

/** Schema nodes: leaves and refs, and objects, arrays, variants and allOf of nodes, to `depth`. */
const { node } = fc.letrec<{ node: JsonSchema }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    ref,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map(
      (children): JsonSchema => ({
        type: 'object',
        properties: Object.fromEntries(children.map((child, i) => [`p${i}`, child])),
      }),
    ),
    tie('node').map((items): JsonSchema => ({ type: 'array', items })),
    fc
      .array(fc.tuple(tie('node'), fc.boolean()), { minLength: 2, maxLength: 4 })
      .map((branches): JsonSchema => ({ oneOf: branches.map(([branch, titled], i) => (titled ? { ...branch, title: `Variant ${i}` } : branch)) })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((members): JsonSchema => ({ allOf: members })),
  ),
}));

/** Every schema node written in `value` (a `$ref` counts as one node, whatever it points at). */
function nodesIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + nodesIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const isSchema = ['type', '$ref', 'oneOf', 'allOf', 'properties', 'items', 'enum'].some((k) => k in value);
  return (isSchema ? 1 : 0) + Object.values(value).reduce((n: number, child) => n + nodesIn(child), 0);
}

/** A chain S0 -> S1 -> ... in which each schema uses the next three times: 3^SCHEMAS rows if expanded. */
function chained(schemas: JsonSchema[]): JsonSchema[] {
  return schemas.map((schema, i) =>
    i + 1 < schemas.length
      ? {
          allOf: [
            schema,
            { type: 'object', properties: { a: { $ref: `#/schemas/S${i + 1}` }, b: { $ref: `#/schemas/S${i + 1}` }, c: { $ref: `#/schemas/S${i + 1}` } } },
          ],
        }
      : schema,
  );
}

function catalogOf(shared: JsonSchema[], payloads: JsonSchema[]): Catalog {
  const base = hostileCatalog();
  const template = base.events[0]!;
  const schemas: NamedSchema[] = shared.map((schema, i) => ({ name: `S${i}`, title: undefined, description: undefined, schema }));
  const events: EventType[] = payloads.map((payload, i) => ({
    ...template,
    key: `thing.e${i}`,
    title: text(`Event ${i}`),
    payload,
    examples: [],
    deprecated: undefined,
  }));
  return { ...base, locales: ['en'], schemas, events };
}

describe('the size of the pages', () => {
  it('is linear in the size of the catalog, for random schemas with fan-out and depth', () => {
    let largest = 0;
    fc.assert(
      fc.property(fc.array(node, { minLength: SCHEMAS, maxLength: SCHEMAS }), fc.array(node, { minLength: 1, maxLength: 6 }), (shared, payloads) => {
        const catalog = catalogOf(chained(shared), payloads);
        const pages = markdownEmitter.emit(catalog, { templates, descriptions });
        const nodes = nodesIn(catalog.schemas.map((s) => s.schema)) + nodesIn(payloads);
        const size = JSON.stringify({ schemas: catalog.schemas, events: catalog.events }).length;
        const rows = pages.reduce((n, page) => n + tableRows(readPage(page.contents)), 0);
        const bytes = pages.reduce((n, page) => n + Buffer.byteLength(page.contents), 0);
        largest = Math.max(largest, nodes);
        // A table row per schema node at most, plus the header and summary rows of each page.
        expect(rows).toBeLessThanOrEqual(nodes + 6 * pages.length);
        expect(bytes).toBeLessThanOrEqual(8 * size);
      }),
      { seed: 42, numRuns: 40 },
    );
    // The random catalogs were not all trivial.
    expect(largest).toBeGreaterThan(60);
  });
});
