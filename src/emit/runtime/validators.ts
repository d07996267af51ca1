/**
 * The runtime's validators: one per event type, checking the event as delivered (the envelope
 * with its payload, or a bare payload), and one for a batch's body around its list, compiled by ajv and written as standalone code (`ajv/dist/standalone`), so
 * that a receiver runs them without ajv or hookcat. ajv's own small runtime helper the code
 * calls (`ucs2length`) is written into the module from ajv's function, a JSON equality in
 * place of its `equal` (see `JSON_EQUAL`) and the linear `uniqueItems` (`src/unique-items.ts`); formats are
 * ajv-formats' regular expressions (its `fast` set), which standalone code holds inline.
 */
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type standaloneModule from 'ajv/dist/standalone/index.js';
import type formatsModule from 'ajv-formats/dist/formats.js';
import { itemForm } from '../../model/query.js';
import type { Catalog, EventType, JsonSchema } from '../../model/types.js';
import { schemaObject, setOwn, type JsonObject } from '../json-schema/json-object.js';
import { rewriteSchema } from '../json-schema/rewrite-schema.js';
import { mapSubschemas } from '../json-schema/subschemas.js';
import { withRepeatedShared } from './repeated-subschemas.js';
import { memoized, NO_MEMO, type OutputMemo } from '../../output-memo.js';
import { DUPLICATE_ITEMS, DUPLICATE_ITEMS_CODE, withLinearUniqueItems } from '../../unique-items.js';

// CommonJS modules whose default export Node and bundlers read differently: required, as their authors ship them.
const require = createRequire(import.meta.url);
const standaloneCode: typeof standaloneModule.default = require('ajv/dist/standalone').default;
const { fastFormats }: typeof formatsModule = require('ajv-formats/dist/formats');

/** A helper of ajv's runtime: a self-contained function, and the `require` expression standalone code calls it by. */
type Helper = ((...args: never[]) => unknown) & { readonly code: string };
const helper = (name: string): { readonly code: string; readonly name: string; readonly source: string } => {
  const fn = (require(`ajv/dist/runtime/${name}`) as { default: Helper }).default;
  return { code: fn.code, name, source: fn.toString() };
};

/** Base of the ids the schemas get inside ajv (never fetched, never written out but in the code's error paths). */
const BASE = 'https://hookcat.invalid/runtime/';

/** What ajv evaluates in place of each validator's code: the validators are written out as
 * standalone code (from the source ajv keeps beside each function), never run here. */
const NEVER_RUN = 'return function validate() { throw new Error("hookcat compiles these validators to write them out, not to run them"); }';

/** Keywords that only describe: dropped before compiling, so that the code does not carry the catalog's texts. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'default', '$schema']);

/**
 * JSON equality for `const` and `enum`, over own properties only. ajv's `equal`
 * (fast-deep-equal) calls a value's `valueOf` and compares `constructor`s, which a payload may
 * carry as its own keys: `{"valueOf": 1}` made the validator throw a TypeError, and an own
 * `constructor` could change the verdict.
 */
const JSON_EQUAL = `function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));
}`;

/** ajv's runtime helpers that standalone code `require`s, by that expression: written into the module instead. */
const HELPERS = [
  helper('ucs2length'),
  { ...helper('equal'), source: JSON_EQUAL },
  { code: DUPLICATE_ITEMS_CODE, name: 'duplicateItems', source: DUPLICATE_ITEMS },
];

/** The validators module's export name for the event at `index`. */
export const validatorName = (index: number): string => `v${index}`;

/**
 * Validators one file holds (one per event, and the batch body's). ajv's standalone code joins its
 * exports by copying all code before each one (quadratic, and past about 10,000 exports it
 * overflows the stack), so a large catalog gets its validators in parts, `validators-<k>.js`,
 * which `validators.js` re-exports. Each part is compiled by an ajv of its own, dropped before the
 * next: ajv keeps every function it compiled, with its code, until it is dropped (about 155 MB at
 * 1,000 events), and each part is then made, and kept in a memo, on its own.
 */
export const EVENTS_PER_PART = 500;

/** A file of `runtime/`: its name there and its text. */
export interface RuntimePart {
  readonly name: string;
  readonly contents: string;
}

/** `validators.js` (standalone code exporting `v<i>` for the i-th event of the catalog, and the
 * batch validator), and, when there are more than `EVENTS_PER_PART` validators, its parts. */
export function validatorsFiles(catalog: Catalog, stamp: string, memo: OutputMemo = NO_MEMO): RuntimePart[] {
  const shared = catalog.schemas.map((named) => placed(catalog, named.schema, '#', `${BASE}shared/${encodeURIComponent(named.name)}`));
  const schemas = [...shared];
  const refs: [string, string][] = [];
  catalog.events.forEach((event, index) => {
    const id = `${BASE}events/${index}`;
    schemas.push(eventSchema(catalog, event, id));
    refs.push([validatorName(index), id]);
  });
  const batch = batchSchema(catalog, `${BASE}batch`);
  if (batch !== undefined) {
    schemas.push(batch);
    refs.push([BATCH_VALIDATOR, `${BASE}batch`]);
  }
  const compiled = withRepeatedShared(schemas, (n) => `${BASE}repeated/${n}`);
  const sharedCompiled = compiled.schemas.slice(0, shared.length);
  const rootsCompiled = compiled.schemas.slice(shared.length);
  // Compiling is most of the runtime's time: the code is kept by the schemas it comes from,
  // which leave out every text (annotations are dropped), so an edit of texts compiles nothing.
  // The helpers copied into the code come from ajv's dependencies, whose versions the code
  // fingerprint does not cover.
  const part = (start: number, end: number): string => {
    const roots = rootsCompiled.slice(start, end);
    const exported = refs.slice(start, end);
    const input = ['runtime/validators', compiled.repeated, sharedCompiled, roots, exported, stamp, catalog.id, HELPERS.map((helper) => helper.source)];
    return memoized(memo, input, () => exportsModule(ajvHolding([...compiled.repeated, ...sharedCompiled, ...roots]), exported, stamp, catalog.id));
  };
  if (refs.length <= EVENTS_PER_PART) return [{ name: 'validators.js', contents: part(0, refs.length) }];
  const parts: RuntimePart[] = [];
  for (let start = 0, k = 0; start < refs.length; start += EVENTS_PER_PART, k++)
    parts.push({ name: `validators-${k}.js`, contents: part(start, start + EVENTS_PER_PART) });
  const reexports = parts.map((made) => `export * from './${made.name}';`);
  return [{ name: 'validators.js', contents: [stamp, ...reexports, ''].join('\n') }, ...parts];
}

/** ajv set up for standalone code, holding `schemas` (compiled when the code asks for them). */
function ajvHolding(schemas: readonly JsonSchema[]): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    ownProperties: true,
    logger: false,
    formats: regexFormats(),
    inlineRefs: false,
    // The loader checked every schema against the meta-schema (HC310).
    validateSchema: false,
    // ajv's optimisation pass (dropping unused names, inlining constants used once) recounts the
    // names of every enclosing block: on GitHub's catalog it was 35-40% of the runtime's time, for
    // code 9% smaller (3% once minified). See bench/README.md.
    // Only the source is wanted: ajv runs `process` on each function before it evaluates it, and
    // evaluating the code of a large catalog took about 15% of the runtime's time (GitHub's).
    code: { source: true, esm: true, lines: true, optimize: false, process: () => NEVER_RUN },
  });
  // ajv's own uniqueItems compares items pairwise: a body of 20,000 small objects took 13 s.
  withLinearUniqueItems(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

/** One self-contained module of standalone code exporting `refs` (export name, schema id). */
function exportsModule(ajv: Ajv2020, refs: readonly [string, string][], stamp: string, catalogId: string): string {
  let code = standaloneCode(ajv, Object.fromEntries(refs));
  const used = HELPERS.filter((helper) => code.includes(helper.code));
  for (const helper of used) code = code.replaceAll(helper.code, helper.name);
  if (code.includes('require(')) throw new Error(`the validators of catalog ${catalogId} need a module the runtime does not carry`);
  const body = code.replace(/^"use strict";/, '');
  return [stamp, '/* eslint-disable */', ...used.map((helper) => helper.source), body.trim(), ''].join('\n');
}

/** The export of the batch body's validator, when the catalog's batches have a body around their list. */
export const BATCH_VALIDATOR = 'batch';

/** Whether the validators module exports `BATCH_VALIDATOR`. */
export const hasBatchValidator = (catalog: Catalog): boolean => batchSchema(catalog, '') !== undefined;

/** `validators.d.ts`: the type of every export. */
export function validatorsDeclarations(catalog: Catalog, stamp: string): string {
  const lines = catalog.events.map((_, index) => `export declare const ${validatorName(index)}: Validate;`);
  if (hasBatchValidator(catalog)) lines.push(`export declare const ${BATCH_VALIDATOR}: Validate;`);
  return [stamp, "import type { Validate } from './delivery.js';", '', ...lines, ''].join('\n');
}

/**
 * What one event's validator checks: the event as the envelope delivers it (the type field fixed
 * to the key, the envelope's properties, the payload in the data field or, without one, beside
 * them), or, for bare events, the payload alone (the body).
 */
function eventSchema(catalog: Catalog, event: EventType, id: string): JsonSchema {
  if (itemForm(catalog) === 'bare') return placed(catalog, event.payload, '#', id);
  const { typeField, dataField, properties: envelope, required } = catalog.envelope;
  const properties: JsonObject = { [typeField]: { const: event.key } };
  for (const [name, schema] of Object.entries(envelope)) {
    if (name !== typeField && name !== dataField) setOwn(properties, name, placed(catalog, schema, `#/properties/${name}`));
  }
  const names = new Set([typeField, ...required, ...(dataField === undefined ? [] : [dataField])]);
  if (dataField === undefined) {
    const fields = { type: 'object', required: Object.keys(properties).filter((name) => names.has(name)), properties };
    return { $id: id, allOf: [fields, placed(catalog, event.payload, '#/allOf/1')] };
  }
  setOwn(properties, dataField, placed(catalog, event.payload, `#/properties/${dataField}`));
  return { $id: id, type: 'object', required: Object.keys(properties).filter((name) => names.has(name)), properties };
}

/** The body of a batch around its list (its other fields; the list an array); undefined when the body is the list. */
function batchSchema(catalog: Catalog, id: string): JsonSchema | undefined {
  const batch = catalog.envelope.batch;
  if (catalog.envelope.shape !== 'batch' || batch === undefined || batch.field === undefined) return undefined;
  const properties: JsonObject = {};
  for (const [name, schema] of Object.entries(batch.properties))
    if (name !== batch.field) setOwn(properties, name, placed(catalog, schema, `#/properties/${name}`));
  setOwn(properties, batch.field, { type: 'array' });
  return { $id: id, type: 'object', required: [...new Set([batch.field, ...batch.required])], properties };
}

/** A catalog schema with its references pointed at where ajv holds them, and without annotations. */
function placed(catalog: Catalog, schema: JsonSchema, root: string, id?: string): JsonSchema {
  const rewritten = withoutAnnotations(
    schemaObject(rewriteSchema(schema, { sharedRef: (name) => `${BASE}shared/${encodeURIComponent(name)}`, root, sourceLocale: catalog.sourceLocale })),
  );
  return id === undefined ? rewritten : { ...rewritten, $id: id };
}

function withoutAnnotations(schema: JsonSchema): JsonSchema {
  const kept: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) if (!ANNOTATIONS.has(keyword) && !keyword.startsWith('x-')) setOwn(kept, keyword, value);
  return mapSubschemas(kept, withoutAnnotations);
}

/** ajv-formats' fast formats that are regular expressions; the few that are functions are not checked. */
function regexFormats(): Record<string, RegExp | true> {
  const formats: Record<string, RegExp | true> = {};
  for (const [name, format] of Object.entries(fastFormats)) {
    const pattern = format instanceof RegExp ? format : typeof format === 'object' && format.validate instanceof RegExp ? format.validate : undefined;
    formats[name] = pattern ?? true;
  }
  return formats;
}
