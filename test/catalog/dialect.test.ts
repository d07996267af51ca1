/**
 * Payload and shared schemas that declare an older JSON Schema dialect are read as 2020-12 (no
 * HC900 from `$schema` or `$id`), and keywords of the catalog's own are kept as `x-` annotations
 * when declared, else left out of the model with one HC310 per keyword name.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKnownDialect, toDraft2020 } from '../../src/catalog/dialect.js';
import { normalizePayloadSchema } from '../../src/catalog/payload-schema.js';
import { loadCatalogs } from '../../src/load.js';
import { REPO } from '../providers/generated-output.js';

const CATALOG = `catalog:
  id: forge
  version: '1.0'
  locales: [en]
  sourceLocale: en
  title: Forge
  annotations: [tsType]
categories:
  - { id: issues, title: Issues, description: Issue events. }
schemas:
  User:
    $schema: http://json-schema.org/draft-07/schema
    $id: https://example.com/user.json
    type: object
    required: [login]
    properties: { login: { type: string } }
    tsType: GitHubUser
    tsAdditionalProperties: false
events:
  - key: issue.opened
    category: issues
    title: Issue opened
    description: An issue was opened.
    payload:
      $schema: http://json-schema.org/draft-04/schema#
      id: issue-opened.json
      type: object
      required: [sender, size]
      properties:
        sender: { $ref: '#/schemas/User' }
        size: { type: integer, minimum: 0, exclusiveMinimum: true }
        pair: { type: array, items: [{ type: string }, { type: integer }], additionalItems: false }
        extra: { type: object, tsAdditionalProperties: false }
      definitions:
        label: { type: string }
    examples:
      - name: first
        payload: { sender: { login: octo }, size: 1, pair: [a, 1] }
`;

let folder = '';

beforeAll(async () => {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  folder = await mkdtemp(path.join(REPO, '.scratch/dialect-'));
  await writeFile(path.join(folder, 'catalog.yaml'), CATALOG);
});

afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true });
});

describe('older JSON Schema dialects and custom keywords', () => {
  it('load without HC900: one HC310 for the undeclared keyword used twice, nothing for the declared one', async () => {
    const { catalogs, diagnostics } = await loadCatalogs([folder]);
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^HC310 \d+:\d+ `tsAdditionalProperties` is not a JSON Schema or OpenAPI keyword \(used 2 times\)/),
    ]);
    const catalog = catalogs[0]!;
    expect(catalog.schemas[0]!.schema).toEqual({ type: 'object', required: ['login'], properties: { login: { type: 'string' } }, 'x-tsType': 'GitHubUser' });
    expect(catalog.events[0]!.payload).toEqual({
      type: 'object',
      required: ['sender', 'size'],
      properties: {
        sender: { $ref: '#/schemas/User' },
        size: { type: 'integer', exclusiveMinimum: 0 },
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
        extra: { type: 'object' },
      },
      $defs: { label: { type: 'string' } },
    });
  });

  it('an example that breaks a converted rule is refused (the checks see 2020-12)', async () => {
    await writeFile(path.join(folder, 'catalog.yaml'), CATALOG.replace('size: 1, pair: [a, 1]', 'size: 0, pair: [a, 1, 2]'));
    const { diagnostics } = await loadCatalogs([folder]);
    expect(diagnostics.filter((d) => d.code === 'HC306')).toHaveLength(2);
    await writeFile(path.join(folder, 'catalog.yaml'), CATALOG);
  });

  it('converts each older keyword', () => {
    expect(toDraft2020({ type: 'number', maximum: 5, exclusiveMaximum: true })).toEqual({ type: 'number', exclusiveMaximum: 5 });
    expect(toDraft2020({ type: 'number', minimum: 5, exclusiveMinimum: false })).toEqual({ type: 'number', minimum: 5 });
    expect(toDraft2020({ dependencies: { a: ['b'], c: { required: ['d'] } } })).toEqual({
      dependentRequired: { a: ['b'] },
      dependentSchemas: { c: { required: ['d'] } },
    });
    expect(toDraft2020({ $recursiveRef: '#', $recursiveAnchor: true })).toEqual({ $ref: '#' });
    const plain = { type: 'string' };
    expect(toDraft2020(plain)).toBe(plain);
    expect(normalizePayloadSchema({ items: { definitions: { x: { id: 'x' } } } }, 'en')).toEqual({ items: { $defs: { x: {} } } });
  });
});

describe('isKnownDialect', () => {
  it('reads draft-04, 06, 07, 2019-09, 2020-12 and OpenAPI 3.0 and 3.1, with or without `#`, over http or https', () => {
    const known = [
      'http://json-schema.org/draft-04/schema#',
      'https://json-schema.org/draft-06/schema',
      'http://json-schema.org/draft-07/schema',
      'https://json-schema.org/draft/2019-09/schema#',
      'http://json-schema.org/draft/2020-12/schema',
      'https://spec.openapis.org/oas/3.0/dialect/base',
      'https://spec.openapis.org/oas/3.1/dialect/base',
    ];
    for (const value of known) expect(isKnownDialect(value), value).toBe(true);
  });

  it('refuses other drafts, other hosts, text around the URL, and values that are no text', () => {
    const unknown = [
      'http://json-schema.org/draft-03/schema#',
      'http://json-schema.org/draft/2021-12/schema',
      'ftp://json-schema.org/draft-07/schema',
      'http://jsonXschema.org/draft-07/schema',
      'see http://json-schema.org/draft-07/schema',
      'http://json-schema.org/draft-07/schema##',
      'http://json-schema.org/draft/2020-12/schema/',
      'https://spec.openapis.org/oas/3.2/dialect/base',
      'https://spec.openapis.org/oas/3.1/dialect/base#',
      'http://spec.openapis.org/oas/3.1/dialect/base',
      'x https://spec.openapis.org/oas/3.1/dialect/base',
    ];
    for (const value of unknown) expect(isKnownDialect(value), value).toBe(false);
    expect(isKnownDialect(7)).toBe(false);
    expect(isKnownDialect(['http://json-schema.org/draft-07/schema'])).toBe(false);
    expect(isKnownDialect(undefined)).toBe(false);
  });
});

describe('toDraft2020, node by node', () => {
  it('leaves out the keywords that name the source document', () => {
    expect(toDraft2020({ $schema: 'x', type: 'string' })).toEqual({ type: 'string' });
    expect(toDraft2020({ $id: 'x', type: 'string' })).toEqual({ type: 'string' });
    expect(toDraft2020({ id: 'x', type: 'string' })).toEqual({ type: 'string' });
    expect(toDraft2020({ $recursiveAnchor: true, type: 'string' })).toEqual({ type: 'string' });
  });

  it('keeps a 2020-12 keyword the node also writes over the older one', () => {
    expect(toDraft2020({ definitions: { a: {} }, $defs: { b: {} } })).toEqual({ $defs: { b: {} } });
    expect(toDraft2020({ $defs: { b: {} }, definitions: { a: {} } })).toEqual({ $defs: { b: {} } });
    expect(toDraft2020({ $recursiveRef: '#', $dynamicRef: '#meta' })).toEqual({ $dynamicRef: '#meta' });
    expect(toDraft2020({ $recursiveRef: '#', $ref: '#/$defs/a' })).toEqual({ $ref: '#/$defs/a' });
    expect(toDraft2020({ items: [{}], prefixItems: [true] })).toEqual({ prefixItems: [true] });
    expect(toDraft2020({ dependencies: { a: ['b'], c: {} }, dependentRequired: {}, dependentSchemas: {} })).toEqual({
      dependentRequired: {},
      dependentSchemas: {},
    });
  });

  it('turns `additionalItems` into `items` only beside a tuple', () => {
    expect(toDraft2020({ items: [{ type: 'string' }], additionalItems: { type: 'integer' } })).toEqual({
      prefixItems: [{ type: 'string' }],
      items: { type: 'integer' },
    });
    expect(toDraft2020({ items: { type: 'string' }, additionalItems: false })).toEqual({ items: { type: 'string' } });
  });

  it('splits `dependencies` into the kinds present, and drops one that is no mapping', () => {
    expect(toDraft2020({ dependencies: { a: ['b'] } })).toEqual({ dependentRequired: { a: ['b'] } });
    expect(toDraft2020({ dependencies: { c: true } })).toEqual({ dependentSchemas: { c: true } });
    expect(toDraft2020({ dependencies: ['a'] })).toEqual({});
    expect(toDraft2020({ dependencies: null })).toEqual({});
    expect(toDraft2020({ dependencies: 'ab' })).toEqual({});
  });

  it('gives a true boolean exclusive bound the value of its bound, and drops a false one', () => {
    expect(toDraft2020({ minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false })).toEqual({ exclusiveMinimum: 1, maximum: 9 });
    expect(toDraft2020({ exclusiveMaximum: true, maximum: 9, minimum: 1 })).toEqual({ exclusiveMaximum: 9, minimum: 1 });
    expect(toDraft2020({ exclusiveMinimum: true })).toEqual({});
    expect(toDraft2020({ exclusiveMinimum: true, minimum: '1' })).toEqual({});
    expect(toDraft2020({ id: 'x', minimum: 1, exclusiveMinimum: 3 })).toEqual({ minimum: 1, exclusiveMinimum: 3 });
  });

  it('converts only what needs it: a 2020-12 node is returned as it is', () => {
    for (const node of [
      { items: { type: 'string' } },
      { exclusiveMinimum: 1, minimum: 0 },
      { exclusiveMaximum: 5 },
      { prefixItems: [] },
      { uniqueItems: true },
    ]) {
      expect(toDraft2020(node)).toBe(node);
    }
    expect(toDraft2020({ type: 'number', exclusiveMaximum: true, maximum: 2 })).toEqual({ type: 'number', exclusiveMaximum: 2 });
  });

  it('keeps a property named `__proto__` as an ordinary one', () => {
    const node = JSON.parse('{"id": "x", "__proto__": {"type": "string"}}') as Record<string, unknown>;
    const out = toDraft2020(node);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });
});
