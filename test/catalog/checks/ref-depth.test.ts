/**
 * HC316: where a too deep chain of references is reported, and how deep it is, counted through
 * every reference a schema makes (not only its first), cycles counted by all their members, and
 * payloads that reach the limit through a shared schema. (Chains of 5,000: test/catalog/linear-work.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../../src/catalog/assemble.js';
import { CheckMemory } from '../../../src/catalog/checks/check.js';
import { checkRefDepth, MAX_SCHEMA_DEPTH } from '../../../src/catalog/checks/ref-depth.js';
import { parseCatalogFile } from '../../../src/catalog/parse.js';

/** `line:column depth` of each HC316 of one file (the depth read from the message). */
function reports(text: string): string[] {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  return checkRefDepth(assembleCatalog('memory', [file], true).source, new CheckMemory()).map(
    (d) => `${d.code} ${d.line}:${d.column} ${/nests (\d+) levels/.exec(d.message)?.[1]}`,
  );
}

/** `length` shared schemas S0 -> S1 -> ... -> End, one line each; S0 nests length + 1 levels. */
const chain = (length: number): string =>
  `${Array.from({ length }, (_, i) => `  S${i}: { type: object, properties: { next: { $ref: '#/schemas/${i + 1 < length ? `S${i + 1}` : 'End'}' } } }\n`).join('')}  End: { type: string }\n`;

const LEAF = '  Leaf: { type: string }\n';

describe('where a too deep chain starts', () => {
  it('follows every reference of a schema, and reports the first of its deepest', () => {
    // Top refers to Leaf first: the chain is reached only through a later reference.
    const top =
      "  Top: { type: object, properties: { a: { $ref: '#/schemas/Leaf' }, b: { $ref: '#/schemas/S0' }, c: { $ref: '#/schemas/Leaf' }, d: { $ref: '#/schemas/S0' } } }\n";
    expect(reports(`schemas:\n${top}${chain(200)}${LEAF}`)).toEqual(['HC316 2:80 202']);
  });

  it('reports a schema declared after the chain it starts, recursive itself, once, and no payload that only uses it', () => {
    // Top refers to itself (a recursive type: its own levels count once more) and to the chain.
    const top = "  Top: { type: object, properties: { self: { $ref: '#/schemas/Top' }, deep: { $ref: '#/schemas/S0' } } }\n";
    const events = "events:\n  - key: a.b\n    payload: { allOf: [{ $ref: '#/schemas/Top' }, { $ref: '#/schemas/Leaf' }] }\n";
    expect(reports(`schemas:\n${chain(200)}${LEAF}${top}${events}`)).toEqual(['HC316 204:52 204']);
  });
});

describe('payloads', () => {
  it('may reach the limit through a shared schema, and are reported past it where the reference stands', () => {
    const events = [
      'events:',
      '  - key: at.limit',
      "    payload: { $ref: '#/schemas/S0' }",
      '  - key: past.limit',
      "    payload: { type: object, properties: { x: { $ref: '#/schemas/S0' } } }",
      '',
    ].join('\n');
    const lines = MAX_SCHEMA_DEPTH - 1 + 2;
    expect(reports(`schemas:\n${chain(MAX_SCHEMA_DEPTH - 1)}${events}`)).toEqual([`HC316 ${lines + 5}:55 ${MAX_SCHEMA_DEPTH + 1}`]);
  });
});

describe('cycles', () => {
  /** `length` shared schemas in a ring, the first also referring to Leaf: 2 levels each, and 2 out. */
  const ring = (length: number): string =>
    `schemas:\n${LEAF}${Array.from(
      { length },
      (_, i) =>
        `  R${i}: { type: object, properties: { next: { $ref: '#/schemas/R${(i + 1) % length}' }${i === 0 ? ", leaf: { $ref: '#/schemas/Leaf' }" : ''} } }\n`,
    ).join('')}`;

  it('count all members of a cycle and the deepest reference out of it, up to the limit', () => {
    expect(reports(ring(63))).toEqual([]); // 2 × 63 + 2 = 128
    expect(reports(ring(64))).toEqual(['HC316 3:51 130']);
  });
});
