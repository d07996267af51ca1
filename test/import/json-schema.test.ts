/**
 * `hookcat import json-schema` on a folder of draft-04, draft-07 and 2019-09 payload schemas with
 * `-` in file and definition names, `definitions`, tuple `items`, boolean exclusive bounds,
 * `dependencies`, a lookahead pattern, an unknown format and GitHub's custom keywords: the
 * catalog validates without a diagnostic, and every generated schema passes default strict ajv.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { ImportedCatalog } from '../../src/import/imported.js';
import { importJsonSchemas, readSchemaFolder } from '../../src/import/json-schema.js';
import type { ImportProblem } from '../../src/import/problems.js';
import { catalogFiles } from '../../src/import/write-yaml.js';
import { loadCatalogs } from '../../src/load.js';
import { describeDiagnostics, REPO, type Json } from '../providers/generated-output.js';

const addFormats = addFormatsModule.default;
const SOURCE = path.join(REPO, 'test/fixtures/import/draft07/schemas');

let scratch = '';
let catalog: ImportedCatalog;
let problems: readonly ImportProblem[];
let folder = '';
let result: GenerateResult;
const files = new Map<string, string>();

beforeAll(async () => {
  await mkdir(path.join(REPO, '.scratch'), { recursive: true });
  scratch = await mkdtemp(path.join(REPO, '.scratch/import-json-schema-'));
  const imported = importJsonSchemas(await readSchemaFolder(SOURCE), { id: 'forge', key: '{dir}.{name}', typeHeader: 'X-Forge-Event', actionField: 'action' });
  catalog = imported.catalog!;
  problems = imported.problems;
  folder = path.join(scratch, 'catalog/forge');
  for (const [file, text] of catalogFiles(catalog, 'schemas')) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  const out = path.join(scratch, 'generated');
  result = await generate({ catalogs: folder, out, projectRoot: REPO, only: ['types', 'schemas', 'openapi'] });
  const root = path.join(out, 'forge');
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
        await readFile(path.join(entry.parentPath, entry.name), 'utf8'),
      );
  }
});

afterAll(async () => {
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

describe('hookcat import json-schema on a folder of draft-07 schemas', () => {
  it('makes an event of each file nothing refers to, and shared schemas of the referred files and definitions', () => {
    expect(catalog.events.map((e) => e.key)).toEqual(['issues.closed', 'issues.opened', 'pull-request.review-requested']);
    expect(catalog.events.map((e) => e.deliveredAs)).toEqual([undefined, undefined, { name: 'pull-request', action: 'review_requested' }]);
    expect([...catalog.schemas.keys()].map((name) => name.replace(/_/g, '-'))).toEqual(['simple-user', 'issue', 'label-name']);
    expect(catalog.annotations).toEqual(['tsAdditionalProperties', 'tsType']);
    expect(catalog.events[1]!.examples).toHaveLength(1);
  });

  it('names what it could not carry over with its file and JSON pointer', () => {
    const found = problems.map((p) => `${p.code} ${p.pointer}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'HI104 pull-request/review-requested.schema.json#/properties/head/pattern',
        // `\\:` outside brackets: RE2 reads it, JavaScript's u flag refuses it (HC310).
        'HI104 pull-request/review-requested.schema.json#/properties/base/pattern',
        'HI105 pull-request/review-requested.schema.json#/properties/sha/format',
        // Neither published (ajv refuses it) nor a name `catalog.annotations` takes.
        'HI110 pull-request/review-requested.schema.json#/properties/sha/$anchor',
      ]),
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Names with `-` are kept when the catalog format accepts them, else spelled with `_` (HI102).
    expect(problems.filter((p) => !['HI102', 'HI104', 'HI105', 'HI110'].includes(p.code))).toEqual([]);
  });

  it('writes a catalog that validates with no error and no warning, and generates', async () => {
    const { diagnostics } = await loadCatalogs([folder]);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describeDiagnostics(result.diagnostics)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('every generated schema and the bundle compile with default strict ajv and ajv-formats; the example validates', () => {
    const ajv = new Ajv2020();
    addFormats(ajv);
    const schemas = [...files].filter(([file]) => file.startsWith('schemas/') && file.endsWith('.schema.json') && !file.endsWith('bundle.schema.json'));
    for (const [, text] of schemas) ajv.addSchema(JSON.parse(text) as Json);
    for (const [file, text] of schemas) expect(ajv.getSchema((JSON.parse(text) as Json)['$id']), file).toBeTypeOf('function');
    const alone = new Ajv2020();
    addFormats(alone);
    const bundle = alone.compile(JSON.parse(files.get('schemas/bundle.schema.json')!) as Json);
    const example = catalog.events[1]!.examples[0]!.payload;
    expect(bundle(example), JSON.stringify(bundle.errors)).toBe(true);
    expect(bundle({ ...(example as Json), position: [1, 2, 3] })).toBe(false);
    for (const [file, text] of schemas) expect(text, file).not.toMatch(/"(ts[A-Z]\w*|definitions|\$schema": "http:\/\/json-schema\.org)"/);
  });

  it('keeps the custom keywords as x- annotations in the OpenAPI document, and converts the dialect', () => {
    const openapi = files.get('openapi.json')!;
    expect(openapi).toContain('"x-tsType": "[number, number]"');
    expect(openapi).toContain('"x-tsAdditionalProperties": false');
    expect(openapi).not.toMatch(/"tsType"|"definitions"|"additionalItems"|"dependencies"/);
    expect(openapi).toContain('"prefixItems"');
    expect(openapi).toContain('"dependentRequired"');
  });
});

describe('hookcat import json-schema on files that refer to themselves or to each other', () => {
  const text = (schema: Json): string => JSON.stringify(schema);
  const imported = () =>
    importJsonSchemas(
      [
        // A tree: the payload refers to itself, and refers to nothing else.
        {
          path: 'comment.json',
          text: text({ type: 'object', properties: { replies: { type: 'array', items: { $ref: 'comment.json' } } }, examples: [{ replies: [] }] }),
        },
        // Two files that only refer to each other: no event uses them.
        { path: 'ping.json', text: text({ type: 'object', properties: { pong: { $ref: 'pong.json' } } }) },
        { path: 'pong.json', text: text({ type: 'object', properties: { ping: { $ref: 'ping.json' } } }) },
        // A file another file refers to is a shared schema, as before.
        { path: 'user.json', text: text({ type: 'object', properties: { name: { type: 'string' } } }) },
        { path: 'signup.json', text: text({ type: 'object', properties: { user: { $ref: 'user.json' } } }) },
      ],
      { id: 'forum', key: '{name}' },
    );

  it('keeps a file that refers only to itself as an event, its payload the shared schema of its own', () => {
    const { catalog } = imported();
    expect(catalog!.events.map((e) => [e.key, e.payload])).toEqual([
      ['comment', { $ref: '#/schemas/comment' }],
      ['signup', { type: 'object', properties: { user: { $ref: '#/schemas/user' } } }],
    ]);
    expect(Object.fromEntries(catalog!.schemas)).toEqual({
      comment: { type: 'object', properties: { replies: { type: 'array', items: { $ref: '#/schemas/comment' } } } },
      user: { type: 'object', properties: { name: { type: 'string' } } },
    });
    expect(catalog!.events[0]!.examples).toEqual([{ name: 'example-1', summary: undefined, payload: { replies: [] } }]);
  });

  it('names each file of a ring no event uses, instead of dropping it in silence', () => {
    const { problems } = imported();
    expect(problems.map((p) => `${p.pointer} ${p.severity} ${p.code}`).sort()).toEqual(['ping.json warning HI101', 'pong.json warning HI101']);
  });
});

describe('hookcat import json-schema on references by $id, anchor, percent-encoded path and $recursiveRef', () => {
  const text = (schema: Json): string => JSON.stringify(schema);
  const DRAFT07 = 'http://json-schema.org/draft-07/schema';
  const imported = () =>
    importJsonSchemas(
      [
        // GitHub's published layout: each file has an `$id` as written, and is referred to by it.
        { path: 'common/issue.schema.json', text: text({ $schema: DRAFT07, $id: 'common/issue.schema.json', type: 'object', required: ['number'] }) },
        {
          path: 'issues/closed.schema.json',
          text: text({ $schema: DRAFT07, $id: 'issues$closed', type: 'object', properties: { issue: { $ref: 'common/issue.schema.json' } } }),
        },
        // Anchors: `$anchor`, a plain-name `$id` (draft-07) and `id` (draft-04), and an embedded resource.
        {
          path: 'order.json',
          text: text({
            $schema: DRAFT07,
            type: 'object',
            properties: { ship: { $ref: '#address' }, bill: { $ref: 'money.json' }, old: { $ref: '#legacy' } },
            definitions: {
              address: { $id: '#address', type: 'object' },
              money: { $id: 'money.json', type: 'integer' },
              legacy: { id: '#legacy', type: 'string' },
            },
          }),
        },
        {
          path: 'invoice.json',
          text: text({ type: 'object', properties: { total: { $ref: '#amount' } }, $defs: { amount: { $anchor: 'amount', type: 'number' } } }),
        },
        // A folder whose name a URI writes percent-encoded.
        { path: 'shared types/price.json', text: text({ type: 'number', minimum: 0 }) },
        { path: 'paid.json', text: text({ type: 'object', properties: { price: { $ref: 'shared%20types/price.json' } } }) },
        // 2019-09's recursion, the anchor at the root: the payload refers to itself.
        {
          path: 'tree.json',
          text: text({
            $schema: 'https://json-schema.org/draft/2019-09/schema',
            $recursiveAnchor: true,
            type: 'object',
            properties: { children: { type: 'array', items: { $recursiveRef: '#' } } },
          }),
        },
        // A file of definitions only, referred to by pointer: no event of its own.
        { path: 'defs.json', text: text({ $schema: DRAFT07, definitions: { id: { type: 'string' }, unused: { type: 'boolean' } } }) },
        { path: 'ping.json', text: text({ type: 'object', properties: { id: { $ref: 'defs.json#/definitions/id' } } }) },
      ],
      { id: 'refs', key: '{dir}.{name}' },
    );

  it('follows each to its schema, as JSON Schema and ajv do', () => {
    const { catalog, problems } = imported();
    expect(Object.fromEntries(catalog!.events.map((e) => [e.key, e.payload]))).toEqual({
      'issues.closed': { type: 'object', properties: { issue: { $ref: '#/schemas/issue' } } },
      order: { type: 'object', properties: { ship: { $ref: '#/schemas/address' }, bill: { $ref: '#/schemas/money' }, old: { $ref: '#/schemas/legacy' } } },
      invoice: { type: 'object', properties: { total: { $ref: '#/schemas/amount' } } },
      paid: { type: 'object', properties: { price: { $ref: '#/schemas/price' } } },
      tree: { $ref: '#/schemas/tree' },
      ping: { type: 'object', properties: { id: { $ref: '#/schemas/id' } } },
    });
    expect(catalog!.schemas.get('tree')).toEqual({ type: 'object', properties: { children: { type: 'array', items: { $ref: '#/schemas/tree' } } } });
    expect(catalog!.schemas.get('money')).toEqual({ type: 'integer' });
    expect(problems.filter((p) => p.code === 'HI103')).toEqual([]);
    expect(problems.filter((p) => p.code === 'HI101').map((p) => p.pointer)).toEqual(['defs.json#/definitions/unused']);
  });

  it("lets a file's own path name it, whatever another file's $id says", () => {
    const { catalog } = importJsonSchemas(
      [
        { path: 'b.json', text: text({ type: 'integer' }) },
        { path: 'c.json', text: text({ $id: 'b.json', type: 'object', properties: { b: { $ref: 'b.json' } } }) },
      ],
      { id: 'refs', key: '{name}' },
    );
    expect(catalog!.events.map((e) => [e.key, e.payload])).toEqual([['c', { type: 'object', properties: { b: { $ref: '#/schemas/b' } } }]]);
    expect(catalog!.schemas.get('b')).toEqual({ type: 'integer' });
  });
});

describe('readSchemaFolder on symbolic links', () => {
  it('follows links that stay inside the folder, reads each file once under its own path, and knows it by the others', async () => {
    const root = path.join(scratch, 'linked');
    await mkdir(path.join(root, 'v2'), { recursive: true });
    await mkdir(path.join(root, 'orders'), { recursive: true });
    await writeFile(path.join(root, 'v2', 'money.json'), JSON.stringify({ type: 'integer' }));
    await writeFile(path.join(root, 'v2', 'refund.json'), JSON.stringify({ type: 'object' }));
    await writeFile(path.join(root, 'orders', 'paid.json'), JSON.stringify({ type: 'object', properties: { total: { $ref: '../latest/money.json' } } }));
    await symlink('v2', path.join(root, 'latest'));
    await symlink('../v2/refund.json', path.join(root, 'orders', 'refunded.json'));
    await symlink('..', path.join(root, 'v2', 'loop'));
    await symlink('/etc', path.join(root, 'outside'));
    const files = await readSchemaFolder(root);
    expect(files.map((f) => [f.path, f.aliases])).toEqual([
      ['orders/paid.json', undefined],
      ['v2/money.json', ['latest/money.json']],
      ['v2/refund.json', ['latest/refund.json', 'orders/refunded.json']],
    ]);
    const { catalog, problems } = importJsonSchemas(files, { id: 'linked', key: '{dir}.{name}' });
    expect(catalog!.events.map((e) => [e.key, e.payload])).toEqual([
      ['orders.paid', { type: 'object', properties: { total: { $ref: '#/schemas/money' } } }],
      ['v2.refund', { type: 'object' }],
    ]);
    expect(problems).toEqual([]);
  });
});

describe('hookcat import json-schema with a type header and no --action-field', () => {
  it('takes `action` as the variant when a schema fixes it, as import openapi does: the keys stay apart', () => {
    const event = (action: string) => JSON.stringify({ type: 'object', properties: { action: { const: action } } });
    const { catalog } = importJsonSchemas(
      [
        { path: 'issues/opened.json', text: event('opened') },
        { path: 'issues/closed.json', text: event('closed') },
      ],
      { id: 'forge', key: '{dir}.{name}', typeHeader: 'X-Forge-Event' },
    );
    expect(catalog!.envelope.actionField).toBe('action');
    expect(catalog!.events.map((e) => [e.key, e.deliveredAs])).toEqual([
      ['issues.opened', undefined],
      ['issues.closed', undefined],
    ]);
  });
});

describe('hookcat import json-schema on `$id`s and `$ref`s that are no URI', () => {
  it('reads them as references that resolve to nothing (HI103), not as an internal error', () => {
    const { catalog, problems } = importJsonSchemas(
      [
        {
          path: 'a.json',
          text: JSON.stringify({
            $id: 'http://[',
            type: 'object',
            properties: { b: { $ref: 'http://[' }, c: { $ref: '%zz' }, d: { $ref: 'b.json#/$defs/%E0%A4%A' }, e: { $ref: 'b.json#/$defs/x' } },
          }),
        },
        { path: 'b.json', text: JSON.stringify({ $id: 5, $defs: { x: { type: 'string' } } }) },
      ],
      { id: 'odd', key: '{name}' },
    );
    expect(catalog!.events.map((e) => [e.key, e.payload])).toEqual([
      ['a', { type: 'object', properties: { b: {}, c: {}, d: {}, e: { $ref: '#/schemas/x' } } }],
    ]);
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'HI103 a.json#/properties/b/$ref',
      'HI103 a.json#/properties/c/$ref',
      'HI103 a.json#/properties/d/$ref',
    ]);
  });
});

describe('hookcat import json-schema on names that differ in case, examples holding $ref, and byte order marks', () => {
  it('writes a catalog that loads with no error: one category for Tree and tree, an event for a file only an example names', async () => {
    const { catalog, problems } = importJsonSchemas(
      [
        { path: 'Tree.json', text: JSON.stringify({ type: 'object' }) },
        { path: 'tree.json', text: JSON.stringify({ type: 'object', examples: [{ link: { $ref: 'other.json' } }] }) },
        { path: 'other.json', text: `\uFEFF${JSON.stringify({ type: 'object', properties: { link: { type: 'object' } } })}` },
      ],
      { id: 'case', key: '{name}.x' },
    );
    expect(catalog!.events.map((e) => `${e.key} ${e.category}`)).toEqual(['Tree.x tree', 'tree.x_2 tree', 'other.x other']);
    expect(catalog!.categories.map((c) => c.id)).toEqual(['tree', 'other']);
    expect(catalog!.events[1]!.examples[0]!.payload).toEqual({ link: { $ref: 'other.json' } });
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual(['HI108 tree.json']);
    const folder = path.join(scratch, 'case');
    for (const [file, text] of catalogFiles(catalog!, 'case')) {
      await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
      await writeFile(path.join(folder, file), text);
    }
    expect(describeDiagnostics((await loadCatalogs([folder])).diagnostics).filter((d) => !d.startsWith('warning'))).toEqual([]);
  });
});

describe('hookcat import json-schema on a discriminator', () => {
  it('keeps its mapping as written, with no problem (only an OpenAPI document names schemas there as its $refs do)', () => {
    const born = {
      oneOf: [{ $ref: 'cat.json' }, { $ref: 'dog.json' }],
      discriminator: { propertyName: 'kind', mapping: { cat: 'cat.json', dog: 'dog.json' } },
    };
    const { catalog, problems } = importJsonSchemas(
      [
        { path: 'born.json', text: JSON.stringify(born) },
        { path: 'cat.json', text: JSON.stringify({ type: 'object' }) },
        { path: 'dog.json', text: JSON.stringify({ type: 'object' }) },
      ],
      { id: 'pets', key: '{name}' },
    );
    expect(catalog!.events[0]!.payload).toEqual({ ...born, oneOf: [{ $ref: '#/schemas/cat' }, { $ref: '#/schemas/dog' }] });
    expect(problems).toEqual([]);
  });
});
