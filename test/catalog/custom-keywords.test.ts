/** Keywords of the catalog's own: declared annotations become `x-<name>`, others are left out. */
import { describe, expect, it } from 'vitest';
import { isCustomKeyword, withCustomKeywords } from '../../src/catalog/custom-keywords.js';

describe('isCustomKeyword', () => {
  it('is false for JSON Schema, older drafts, OpenAPI and `x-` keywords', () => {
    for (const keyword of ['type', '$ref', 'definitions', 'additionalItems', 'nullable', 'discriminator', 'example', 'x-tsType']) {
      expect(isCustomKeyword(keyword), keyword).toBe(false);
    }
  });

  it('is true for any other name, `$anchor` among them', () => {
    for (const keyword of ['tsType', 'X-tsType', 'x', '$anchor', 'id', '$recursiveRef']) expect(isCustomKeyword(keyword), keyword).toBe(true);
  });
});

describe('withCustomKeywords', () => {
  it('returns a node without custom keywords as it is', () => {
    const node = { type: 'string', 'x-note': 'kept' };
    expect(withCustomKeywords(node, new Set(['tsType']))).toBe(node);
  });

  it('renames declared annotations and leaves other custom keywords out, in the order written', () => {
    const node = { tsType: 'User', type: 'object', tsAdditionalProperties: false, 'x-other': 1 };
    const out = withCustomKeywords(node, new Set(['tsType']));
    expect(out).toEqual({ 'x-tsType': 'User', type: 'object', 'x-other': 1 });
    expect(Object.keys(out)).toEqual(['x-tsType', 'type', 'x-other']);
    expect(node).toEqual({ tsType: 'User', type: 'object', tsAdditionalProperties: false, 'x-other': 1 });
  });

  it('keeps the value of an `x-<name>` the node also writes', () => {
    expect(withCustomKeywords({ tsType: 'User', 'x-tsType': 'Own' }, new Set(['tsType']))).toEqual({ 'x-tsType': 'Own' });
    expect(withCustomKeywords({ 'x-tsType': 'Own', tsType: 'User' }, new Set(['tsType']))).toEqual({ 'x-tsType': 'Own' });
  });

  it('leaves out a keyword named `__proto__`, as any undeclared one', () => {
    const node = JSON.parse('{"tsType": "T", "properties": {}, "__proto__": {"type": "string"}}') as Record<string, unknown>;
    const out = withCustomKeywords(node, new Set());
    expect(Object.keys(out)).toEqual(['properties']);
  });
});
