/**
 * Reading a source document for `hookcat import openapi`: JSON through `JSON.parse`, YAML through
 * `yaml`; a syntax error, several documents, a repeated YAML key and an alias bomb are each one HI100
 * problem (with a line and column where there is one), never an exception; nesting deeper than
 * the importers walk is found without recursion.
 */
import { describe, expect, it } from 'vitest';
import { importJsonSchemas } from '../../src/import/json-schema.js';
import { importOpenApi } from '../../src/import/openapi.js';
import { MAX_SOURCE_DEPTH, parseSourceDocument, sourcePastLimit } from '../../src/import/source-document.js';

function problemOf(text: string) {
  const parsed = parseSourceDocument(text);
  if (!('problem' in parsed)) throw new Error(`parsed: ${JSON.stringify(parsed.document).slice(0, 80)}`);
  return parsed.problem;
}

/** `{"x": {"x": ... "leaf" }}`, `levels` objects deep. */
function nested(levels: number, leaf: unknown = 'leaf'): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { x: value };
  return value;
}

describe('parseSourceDocument', () => {
  it('reads JSON, YAML, YAML flow style that is not JSON, and a byte order mark', () => {
    expect(parseSourceDocument('{"openapi": "3.1.0", "a": [1, "b"]}')).toEqual({ document: { openapi: '3.1.0', a: [1, 'b'] } });
    expect(parseSourceDocument('openapi: 3.1.0\na:\n  - 1\n  - b\n')).toEqual({ document: { openapi: '3.1.0', a: [1, 'b'] } });
    expect(parseSourceDocument('{openapi: 3.1.0, a: [1, b]}')).toEqual({ document: { openapi: '3.1.0', a: [1, 'b'] } });
    expect(parseSourceDocument('\uFEFF{"a": 1}')).toEqual({ document: { a: 1 } });
    expect(parseSourceDocument('\uFEFFa: 1\n')).toEqual({ document: { a: 1 } });
  });

  it('merges a YAML merge key (`<<: *base`), as Redocly and the catalog loader read it', () => {
    const text = 'openapi: 3.1.0\nbase: &invoice\n  type: object\n  properties: {id: {type: string}}\nschema:\n  <<: *invoice\n  required: [id]\n';
    expect(parseSourceDocument(text)).toEqual({
      document: {
        openapi: '3.1.0',
        base: { type: 'object', properties: { id: { type: 'string' } } },
        schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    });
  });

  it('keeps `__proto__` as a key of the document, not a prototype', () => {
    for (const text of ['{"__proto__": {"polluted": true}}', '__proto__:\n  polluted: true\n']) {
      const parsed = parseSourceDocument(text);
      expect('document' in parsed && Object.hasOwn(parsed.document as object, '__proto__')).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it('gives a syntax error as HI100 at its line and column, in JSON and in YAML', () => {
    expect(problemOf('{"openapi": "3.1.0",\n  "webhooks": {')).toMatchObject({ code: 'HI100', severity: 'error', line: 2, col: 16 });
    expect(problemOf('a: [\n')).toMatchObject({ code: 'HI100', severity: 'error', line: 2, col: 1 });
    expect(problemOf('a: [\n').message).toMatch(/^not JSON or YAML: Flow sequence .*end with a \]$/);
  });

  it('refuses several documents and a repeated key, which the importer could only half read', () => {
    expect(problemOf('a: 1\n---\nb: 2\n')).toMatchObject({ code: 'HI100', line: 2, col: 1, message: expect.stringMatching(/multiple documents/) });
    expect(problemOf('a: 1\nb: 2\na: 3\n')).toMatchObject({ code: 'HI100', line: 3, col: 1, message: expect.stringMatching(/unique/) });
  });

  it('refuses an alias bomb as HI100 instead of expanding it', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expect(problemOf(text)).toMatchObject({ code: 'HI100', severity: 'error', message: expect.stringMatching(/alias/i) });
    // A few aliases, as a hand-written document has, are read.
    expect(parseSourceDocument('a: &x {b: 1}\nc: *x\n')).toEqual({ document: { a: { b: 1 }, c: { b: 1 } } });
  });

  it('refuses aliases that repeat one large node over and over, before yaml spends minutes on them', () => {
    // yaml's maxAliasCount lets this pass (the aliased list holds no alias); resolving it took 90 s at this size.
    const list = `[${Array(20_000).fill('{}').join(',')}]`;
    const text = `openapi: 3.1.0\nx-a: &a ${list}\nx-b: [${Array(20_000).fill('*a').join(',')}]\n`;
    expect(problemOf(text)).toMatchObject({
      code: 'HI100',
      severity: 'error',
      message: expect.stringMatching(/^YAML aliases repeat more than 1,000,000 nodes/),
    });
    // A document that repeats a block a few times, as hand-written ones do, is read.
    const block = '{in: header, name: X-Event, schema: {type: string}}';
    expect(parseSourceDocument(`a: &h ${block}\nb: [${Array(50).fill('*h').join(', ')}]\n`)).toMatchObject({ document: { b: expect.any(Array) } });
  });

  it('gives YAML nested too deep for its parser as HI100, not a stack overflow', () => {
    const text = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(problemOf(text).code).toBe('HI100');
  });
});

describe('sourcePastLimit', () => {
  it('finds the first value past the limit and names it by JSON pointer, without recursion', () => {
    expect(sourcePastLimit(nested(MAX_SOURCE_DEPTH, {}))).toBeUndefined();
    expect(sourcePastLimit(nested(MAX_SOURCE_DEPTH + 1, {}))).toEqual({ kind: 'nesting', pointer: `/x`.repeat(MAX_SOURCE_DEPTH + 1) });
    // Scalars do not count as a level; arrays do, and their index is the pointer's token.
    expect(sourcePastLimit(nested(MAX_SOURCE_DEPTH, 'leaf'))).toBeUndefined();
    expect(sourcePastLimit({ a: [nested(MAX_SOURCE_DEPTH, {})], 'b/c': 1 })).toEqual({ kind: 'nesting', pointer: `/a/0${'/x'.repeat(MAX_SOURCE_DEPTH - 1)}` });
    expect(sourcePastLimit(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toEqual({
      kind: 'nesting',
      pointer: '/0'.repeat(MAX_SOURCE_DEPTH + 1),
    });
  });

  it('stops after MAX_SOURCE_VALUES values, counting each use of a value that appears many times', () => {
    const shared = Array.from({ length: 3_000 }, () => ({}));
    expect(sourcePastLimit(Array.from({ length: 3_000 }, () => shared))).toEqual({ kind: 'values' });
    expect(sourcePastLimit(Array.from({ length: 1_000 }, () => shared))).toBeUndefined();
  });

  it('makes importOpenApi refuse a deep payload schema with its pointer, and importJsonSchemas leave a deep file out', () => {
    const schema = nested(2_000, { type: 'string' });
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      webhooks: { deep: { post: { requestBody: { content: { 'application/json': { schema } } } } } },
    };
    const openapi = importOpenApi(document, { id: 't', typeHeader: 'X-Event' });
    expect(openapi.catalog).toBeUndefined();
    expect(openapi.problems).toEqual([
      expect.objectContaining({
        code: 'HI100',
        severity: 'error',
        pointer: expect.stringMatching(/^\/webhooks\/deep\/post\/requestBody\/content\/application~1json\/schema(\/x)+$/),
      }),
    ]);
    const folder = importJsonSchemas(
      [
        { path: 'deep.json', text: JSON.stringify(schema) },
        { path: 'flat.json', text: JSON.stringify({ type: 'object' }) },
      ],
      { id: 't', key: '{name}' },
    );
    expect(folder.catalog?.events.map((e) => e.key)).toEqual(['flat']);
    expect(folder.problems).toEqual([expect.objectContaining({ code: 'HI100', severity: 'warning', pointer: expect.stringMatching(/^deep\.json#(\/x)+$/) })]);
  });
});
