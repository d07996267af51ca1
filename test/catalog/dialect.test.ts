/**
 * Payload and shared schemas that declare an older JSON Schema dialect are read as 2020-12 (no
 * HC900 from `$schema` or `$id`), and keywords of the catalog's own are kept as `x-` annotations
 * when declared, else left out of the model with one HC310 per keyword name.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDraft2020 } from '../../src/catalog/dialect.js';
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
    expect(toDraft2020({ $recursiveRef: '#', $recursiveAnchor: true })).toEqual({ $dynamicRef: '#' });
    const plain = { type: 'string' };
    expect(toDraft2020(plain)).toBe(plain);
    expect(normalizePayloadSchema({ items: { definitions: { x: { id: 'x' } } } }, 'en')).toEqual({ items: { $defs: { x: {} } } });
  });
});
