/**
 * What a team would use instead, timed on the same input, each in a fresh process:
 * - json-schema-to-typescript on the same payload schemas our types emitter reads (every event
 *   payload and shared schema as `$defs` of one document, so one call emits all types, as our
 *   emitter does), with prettier formatting (its default) and with `format: false`;
 * - openapi-typescript on the OpenAPI document we generated for that size.
 * Prints one line `BENCH {json}`.
 *
 *   node --import tsx bench/competitors.ts jstt|jstt-unformatted|openapi-typescript <size-folder>
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadCatalog } from '../src/load.js';
import { SHARED_SCHEMA_PREFIX } from '../src/model/query.js';
import type { Catalog, JsonValue } from '../src/model/types.js';
import { layout } from './layout.js';

export interface CompetitorResult {
  readonly tool: string;
  readonly ms: number;
  /** Characters of TypeScript produced, to show the tool did the whole job. */
  readonly outputChars: number;
  readonly peak: number;
}

/** One JSON Schema document: shared schemas and event payloads as `$defs`, refs rewritten. */
export function payloadDocument(catalog: Catalog): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const shared of catalog.schemas) defs[shared.name] = rewriteRefs(shared.schema);
  const properties: Record<string, unknown> = {};
  for (const event of catalog.events) {
    const name = `${event.key.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase())}Payload`;
    defs[name] = rewriteRefs(event.payload);
    properties[event.key] = { $ref: `#/$defs/${name}` };
  }
  return { title: 'EventPayloads', type: 'object', properties, additionalProperties: false, $defs: defs };
}

function rewriteRefs(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith(SHARED_SCHEMA_PREFIX)
        ? `#/$defs/${child.slice(SHARED_SCHEMA_PREFIX.length)}`
        : rewriteRefs(child as JsonValue);
  }
  return copy;
}

async function main(): Promise<void> {
  const [tool, sizeFolder] = process.argv.slice(2);
  if (sizeFolder === undefined) throw new Error('usage: competitors.ts jstt|jstt-unformatted|openapi-typescript <size-folder>');
  const where = layout(sizeFolder);
  let run: () => Promise<string>;
  if (tool === 'jstt' || tool === 'jstt-unformatted') {
    const loaded = await loadCatalog(where.catalog);
    if (loaded.catalog === undefined) throw new Error('the synthetic catalog did not load');
    const document = payloadDocument(loaded.catalog);
    run = () =>
      compile(document as Parameters<typeof compile>[0], 'EventPayloads', {
        bannerComment: '',
        format: tool === 'jstt',
        unreachableDefinitions: true,
        additionalProperties: false,
      });
  } else if (tool === 'openapi-typescript') {
    const document = JSON.parse(await readFile(path.join(where.out, 'bench', 'openapi.json'), 'utf8')) as Parameters<typeof openapiTS>[0];
    run = async () => astToString(await openapiTS(document, { silent: true }));
  } else throw new Error(`unknown tool ${tool ?? ''}`);
  const started = performance.now();
  const output = await run();
  const ms = performance.now() - started;
  const result: CompetitorResult = { tool, ms, outputChars: output.length, peak: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

await main();
