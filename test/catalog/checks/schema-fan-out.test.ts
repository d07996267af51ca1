/**
 * HC333: a schema that checks one value against more than MAX_APPLIED subschemas, counting
 * `allOf`/`anyOf`/`oneOf`, `not`/`if`/`then`/`else`, `dependentSchemas` and shared schemas
 * through `$ref`; reported where the fan-out is, not at every schema that refers to it.
 * Schemas are built as data (lists of thousands of subschemas) and put in place of `{}` in a
 * small parsed catalog, so positions are those of the schemas' lines (their names in the file
 * are placeholders: two schemas may have one name, as in two files).
 */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { MAX_APPLIED, checkSchemaFanOut } from '../../../src/catalog/checks/schema-fan-out.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

const MESSAGE = 'this schema checks a value against more than 10,000 subschemas (allOf, anyOf or oneOf repeating shared schemas that repeat others)';
const HINT = 'refer to each shared schema once, or merge the repeated ones';

type Shared = readonly (readonly [string, unknown])[];

/** Where HC333 is reported (`line:column` of the schema's name, or of `payload:`) in a catalog
 * with these shared schemas (from line 2 on, one a line) and events (two lines each, after). */
function reported(shared: Shared, payloads: readonly unknown[] = []): string[] {
  const lines = ['schemas:', ...shared.map((_, i) => `  s${i}: {}`), 'events:', ...payloads.map((_, i) => `  - key: e${i}\n    payload: {}`)];
  const { file, diagnostics } = parseCatalogFile(`${lines.join('\n')}\n`, 'catalog.yaml', 'catalog.yaml');
  expect(diagnostics).toEqual([]);
  const parsed = assembleCatalog('memory', [file], true).source;
  const source = {
    ...parsed,
    schemas: parsed.schemas.map((s, i) => ({ ...s, name: shared[i]?.[0] ?? '', value: shared[i]?.[1] })),
    events: parsed.events.map((e, i) => ({ ...e, value: { ...e.value, payload: payloads[i] } })),
  };
  return checkSchemaFanOut(source, new CheckMemory()).map((d: Diagnostic) => {
    expect([d.code, d.severity, d.file, d.message, d.hint]).toEqual(['HC333', 'error', 'catalog.yaml', MESSAGE, HINT]);
    return `${d.line}:${d.column}`;
  });
}

/** A schema that applies `count` subschemas to its value, itself included. */
const applying = (count: number): unknown => ({ anyOf: Array.from({ length: count - 1 }, () => true) });
const ref = (name: string): unknown => ({ $ref: `#/schemas/${name}` });
const repeating = (name: string, times: number): unknown => ({ allOf: Array.from({ length: times }, () => ref(name)) });

/** `inner` under `levels` nestings of one same-value keyword of each kind. */
function nested(kind: 'not' | 'allOf' | 'dependentSchemas', levels: number, inner: unknown): Record<string, unknown> {
  let schema = inner;
  for (let i = 0; i < levels; i++) schema = kind === 'not' ? { not: schema } : kind === 'allOf' ? { allOf: [schema] } : { dependentSchemas: { a: schema } };
  return schema as Record<string, unknown>;
}

describe('subschemas applied to one value (HC333)', () => {
  it('accepts real schemas: shared parts used a few times, cycles, unknown refs and boolean schemas', () => {
    const shared: Shared = [
      ['Money', { type: 'object', properties: { amount: { type: 'integer' } } }],
      ['Price', { allOf: [ref('Money'), ref('Money'), { not: ref('Missing') }, true, false] }],
      ['Loop', { allOf: [ref('Loop'), ref('Loop'), ref('Loop')] }],
      ['Odd', { allOf: 'x', not: null, $ref: 5, dependentSchemas: [] }],
    ];
    expect(reported(shared, [ref('Price'), true])).toEqual([]);
  });

  it('counts a schema that applies itself (refused by HC310) once, not again and again', () => {
    expect(reported([['Loop', repeating('Loop', 1)]], [repeating('Loop', 40)])).toEqual([]);
  });

  it(`reports a schema above ${MAX_APPLIED} and not one at it`, () => {
    expect(reported([['AtLimit', applying(MAX_APPLIED)]])).toEqual([]);
    expect(
      reported([
        ['Ok', {}],
        ['Above', applying(MAX_APPLIED + 1)],
      ]),
    ).toEqual(['3:3']);
  });

  it.each(['not', 'if', 'then', 'else'])('counts the subschema of %s', (keyword) => {
    expect(reported([['S', { [keyword]: applying(MAX_APPLIED - 1) }]])).toEqual([]);
    expect(reported([['S', { [keyword]: applying(MAX_APPLIED) }]])).toEqual(['2:3']);
  });

  it.each(['allOf', 'anyOf', 'oneOf'])('counts each item of %s', (keyword) => {
    expect(reported([['S', { [keyword]: [applying(MAX_APPLIED - 2), true] }]])).toEqual([]);
    expect(reported([['S', { [keyword]: [true, applying(MAX_APPLIED - 1)] }]])).toEqual(['2:3']);
  });

  it('counts each of dependentSchemas', () => {
    expect(reported([['S', { dependentSchemas: { a: true, b: applying(MAX_APPLIED - 2) } }]])).toEqual([]);
    expect(reported([['S', { dependentSchemas: { a: true, b: applying(MAX_APPLIED - 1) } }]])).toEqual(['2:3']);
  });

  it('does not count subschemas that apply to parts of the value', () => {
    const parts = { properties: { a: applying(MAX_APPLIED + 1) }, items: applying(MAX_APPLIED + 1), additionalProperties: applying(MAX_APPLIED + 1) };
    expect(reported([['S', parts]])).toEqual([]);
  });

  it('counts a shared schema at every reference, and reports the one that repeats it', () => {
    // A shared schema applying exactly MAX_APPLIED is not too large itself.
    expect(
      reported([
        ['Big', applying(MAX_APPLIED)],
        ['Twice', repeating('Big', 1)],
      ]),
    ).toEqual(['3:3']);
    expect(
      reported(
        [
          ['Part', applying(5000)],
          ['Twice', repeating('Part', 2)],
        ],
        [repeating('Part', 1)],
      ),
    ).toEqual(['3:3']);
  });

  it('reports a too large shared schema once, not at what refers to it', () => {
    const shared: Shared = [
      ['User', { allOf: [ref('Big'), ref('Small')] }],
      ['Big', applying(MAX_APPLIED + 1)],
      ['Small', {}],
    ];
    expect(reported(shared, [ref('User'), { anyOf: [ref('Big')] }])).toEqual(['3:3']);
  });

  it('reports an event payload that repeats shared schemas, at `payload`', () => {
    expect(reported([['Part', applying(5000)]], [{ oneOf: [ref('Part'), ref('Part'), ref('Part')] }])).toEqual(['5:5']);
  });

  it('reports the level where twenty levels of three repeats pass the limit', () => {
    // Level i applies 4 + 3 * (level i + 1): level 12 is the first above 10,000.
    const levels: [string, unknown][] = Array.from({ length: 20 }, (_, i) => [`L${i}`, repeating(`L${i + 1}`, 3)]);
    expect(reported([...levels, ['L20', { type: 'string' }]], [ref('L0')])).toEqual(['14:3']);
  });

  it('takes the first of two shared schemas with one name', () => {
    const shared: Shared = [
      ['Part', applying(6000)],
      ['Part', {}],
      ['Twice', repeating('Part', 2)],
    ];
    expect(reported(shared)).toEqual(['4:3']);
  });

  it.each(['not', 'allOf', 'dependentSchemas'] as const)('counts down to depth 300 through %s, no deeper', (kind) => {
    expect(reported([['S', nested(kind, 300, applying(MAX_APPLIED + 1))]])).toEqual(['2:3']);
    expect(reported([['S', nested(kind, 301, applying(MAX_APPLIED + 1))]])).toEqual([]);
  });

  it('follows a chain of shared schemas down to depth 300, no deeper', () => {
    const chain = (length: number): Shared => [
      ...Array.from({ length }, (_, i) => [`S${i}`, ref(`S${i + 1}`)] as const),
      [`S${length}`, applying(6000)],
      ['Twice', repeating('S0', 2)],
    ];
    expect(reported(chain(299))).toEqual(['302:3']);
    expect(reported(chain(300))).toEqual([]);
  });

  it.each(['not', 'allOf', 'dependentSchemas'] as const)('sees a too large shared schema down to depth 300 through %s', (kind) => {
    const user = (levels: number): Shared => [
      ['Big', applying(MAX_APPLIED + 1)],
      ['User', { ...(applying(MAX_APPLIED + 1) as object), ...nested(kind, levels, ref('Big')) }],
    ];
    expect(reported(user(300))).toEqual(['2:3']);
    expect(reported(user(301))).toEqual(['2:3', '3:3']);
  });
});
