/**
 * `withRepeatedObjectsShared`: objects a source repeats become named shared schemas, a copy of a
 * named schema refers to it, and default ajv (draft 2020-12) gives every instance the verdict it
 * gave before.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ImportedCatalog, ImportedEvent } from '../../src/import/imported.js';
import { importJsonSchemas } from '../../src/import/json-schema.js';
import { importOpenApi } from '../../src/import/openapi.js';
import { withRepeatedObjectsShared } from '../../src/import/repeated-objects.js';

const user = {
  title: 'Simple User',
  type: 'object',
  required: ['login', 'id'],
  properties: {
    login: { type: 'string', description: 'The handle the user signs in with.' },
    id: { type: 'integer', minimum: 1 },
    site_admin: { type: 'boolean' },
  },
};
const branch = {
  type: 'object',
  required: ['ref', 'sha'],
  properties: { ref: { type: 'string', minLength: 1 }, sha: { type: 'string', pattern: '^[0-9a-f]{40}$' }, label: { type: 'string' }, user },
};

function event(key: string, payload: unknown): ImportedEvent {
  return { key, category: 'pulls', title: key, description: key, payload, examples: [], deprecated: false, deliveredAs: undefined, source: `/${key}` };
}

function catalogOf(events: ImportedEvent[], schemas: [string, unknown][] = []): ImportedCatalog {
  return {
    id: 'forge',
    version: '1.0',
    title: 'Forge',
    description: undefined,
    annotations: [],
    envelope: { shape: 'envelope', typeHeader: undefined, actionField: undefined, headers: [], responses: [] },
    categories: [{ id: 'pulls', title: 'Pulls', description: 'Pulls.' }],
    schemas: new Map(schemas),
    events,
  };
}

const objectWith = (properties: Record<string, unknown>): Record<string, unknown> => ({ type: 'object', properties });

/** Each event's verdicts, from ajv compiling its payload with the shared schemas beside it, where
 * `#/schemas/<name>` finds them. */
function verdicts(catalog: ImportedCatalog, instances: readonly unknown[]): boolean[][] {
  const ajv = new Ajv2020({ strict: false });
  const schemas = Object.fromEntries(catalog.schemas);
  return catalog.events.map((e) => {
    const validate = ajv.compile({ ...(e.payload as object), schemas });
    return instances.map((instance) => validate(instance));
  });
}

describe('withRepeatedObjectsShared', () => {
  const before = catalogOf([
    event('pull.opened', objectWith({ sender: user, head: branch, base: structuredClone(branch) })),
    event('pull.closed', objectWith({ sender: structuredClone(user), head: structuredClone(branch) })),
  ]);
  const after = withRepeatedObjectsShared(before);

  it('names a repeated object by its title, else by the property it was first met under', () => {
    expect([...after.schemas.keys()]).toEqual(['simple-user', 'head']);
    expect(after.schemas.get('head')).toEqual({ ...branch, properties: { ...branch.properties, user: { $ref: '#/schemas/simple-user' } } });
    expect(after.events.map((e) => e.payload)).toEqual([
      objectWith({ sender: { $ref: '#/schemas/simple-user' }, head: { $ref: '#/schemas/head' }, base: { $ref: '#/schemas/head' } }),
      objectWith({ sender: { $ref: '#/schemas/simple-user' }, head: { $ref: '#/schemas/head' } }),
    ]);
  });

  it('changes no verdict of ajv', () => {
    const valid = { sender: { login: 'octocat', id: 1 }, head: { ref: 'main', sha: 'a'.repeat(40), user: { login: 'x', id: 2 } } };
    const instances = [
      valid,
      { ...valid, sender: { login: 'octocat', id: 0 } },
      { ...valid, head: { ref: 'main', sha: 'xyz' } },
      { ...valid, base: { ref: '', sha: 'a'.repeat(40) } },
      { ...valid, head: { ...valid.head, user: { login: 'x' } } },
      'not an object',
    ];
    const was = verdicts(before, instances);
    expect(was[0]).toEqual([true, false, false, false, false, false]);
    expect(verdicts(after, instances)).toEqual(was);
  });

  it('refers a copy of a shared schema to it, even when the copy is met once', () => {
    const catalog = withRepeatedObjectsShared(catalogOf([event('pull.opened', objectWith({ sender: structuredClone(user) }))], [['simple_user', user]]));
    expect([...catalog.schemas.keys()]).toEqual(['simple_user']);
    expect(catalog.events[0]!.payload).toEqual(objectWith({ sender: { $ref: '#/schemas/simple_user' } }));
  });

  it('gives a new schema a name that no file or output name of the catalog has (simple_user is SimpleUser too)', () => {
    const other = { ...user, description: 'Another user object.' };
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ x: user, y: structuredClone(user) }))], [['simple_user', other]]));
    expect([...catalog.schemas.keys()]).toEqual(['simple_user', 'simple-user-2']);
  });

  it('spells a camelCase title in words, and names an untitled object met under no property `object`', () => {
    const merge = { ...branch, title: 'PullRequestAutoMerge' };
    const untitled = { ...branch, properties: { ...branch.properties, extra: { type: 'null' } } };
    const catalog = withRepeatedObjectsShared(
      catalogOf([event('a.b', objectWith({ m: merge, n: structuredClone(merge) })), event('c.d', { anyOf: [untitled, structuredClone(untitled)] })]),
    );
    // An object is named before the repeated objects inside it.
    expect([...catalog.schemas.keys()]).toEqual(['pull-request-auto-merge', 'simple-user', 'object']);
  });

  it('leaves written out the options a discriminator picks by the name of the schema they refer to, sharing what is inside them', () => {
    const pet = (kind: string) => ({ title: kind, type: 'object', required: ['kind'], properties: { kind: { const: kind }, owner: user } });
    const body = (description: string) => ({
      type: 'object',
      properties: { pet: { description, oneOf: [pet('Cat'), pet('Dog')], discriminator: { propertyName: 'kind' } } },
    });
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', body('A pet.')), event('c.d', body('Another pet.'))]));
    expect([...catalog.schemas.keys()]).toEqual(['simple-user']);
    const owner = { $ref: '#/schemas/simple-user' };
    for (const [e, description] of catalog.events.map((e, i) => [e, ['A pet.', 'Another pet.'][i]] as const))
      expect(e.payload).toEqual({
        type: 'object',
        properties: {
          pet: {
            description,
            oneOf: [
              { ...pet('Cat'), properties: { kind: { const: 'Cat' }, owner } },
              { ...pet('Dog'), properties: { kind: { const: 'Dog' }, owner } },
            ],
            discriminator: { propertyName: 'kind' },
          },
        },
      });
  });

  it('leaves small objects inline, and the catalog as it was when nothing repeats', () => {
    const small = { type: 'object', properties: { id: { type: 'integer' } } };
    const catalog = catalogOf([event('a.b', objectWith({ x: small, y: structuredClone(small) }))]);
    expect(withRepeatedObjectsShared(catalog)).toBe(catalog);
  });

  it('leaves whole a payload that refers inside itself (`#/$defs/...`), where a moved copy would refer elsewhere', () => {
    const local = { ...objectWith({ x: user, y: structuredClone(user), z: { $ref: '#/$defs/id' } }), $defs: { id: { type: 'integer' } }, required: ['z'] };
    const catalog = catalogOf([event('a.b', local)]);
    expect(withRepeatedObjectsShared(catalog)).toBe(catalog);
  });
});

describe('hookcat import openapi with repeated objects', () => {
  it('writes each repeated body object once, as a shared schema', () => {
    const body = (action: string) => ({
      type: 'object',
      required: ['action', 'sender'],
      properties: { action: { type: 'string', enum: [action] }, sender: structuredClone(user), repository: { $ref: '#/components/schemas/repository' } },
    });
    const webhook = (action: string) => ({
      post: {
        operationId: `issues/${action}`,
        parameters: [{ name: 'X-Forge-Event', in: 'header', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: body(action) } } },
        responses: { '200': { description: 'OK' } },
      },
    });
    const repository = { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, owner: structuredClone(user), name: { type: 'string' } } };
    const { catalog, problems } = importOpenApi(
      {
        openapi: '3.1.0',
        info: { title: 'Forge', version: '1' },
        webhooks: { 'issues-opened': webhook('opened'), 'issues-closed': webhook('closed') },
        components: { schemas: { repository } },
      },
      { id: 'forge' },
    );
    expect(problems).toEqual([]);
    expect([...catalog!.schemas.keys()]).toEqual(['repository', 'simple-user']);
    expect(catalog!.schemas.get('repository')).toEqual({ ...repository, properties: { ...repository.properties, owner: { $ref: '#/schemas/simple-user' } } });
    for (const e of catalog!.events) expect((e.payload as { properties: { sender: unknown } }).properties.sender).toEqual({ $ref: '#/schemas/simple-user' });
  });
});

describe('hookcat import json-schema with repeated objects', () => {
  it('writes an object two files repeat once, named after the property it is met under', () => {
    const owner = {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'integer' },
        login: { type: 'string', maxLength: 39 },
        url: { type: 'string', description: 'Where the owner is shown.' },
        avatar: { type: 'string' },
      },
    };
    const file = (name: string, schema: unknown) => ({ path: `issues/${name}.schema.json`, text: JSON.stringify(schema) });
    const { catalog, problems } = importJsonSchemas(
      [
        file('opened', { type: 'object', properties: { owner, note: { type: 'string' } } }),
        file('closed', { type: 'object', properties: { owner: structuredClone(owner) } }),
      ],
      { id: 'forge', key: '{dir}.{name}' },
    );
    expect(problems).toEqual([]);
    expect([...catalog!.schemas]).toEqual([['owner', owner]]);
    const payloads = new Map(catalog!.events.map((e) => [e.key, e.payload]));
    expect(payloads.get('issues.opened')).toEqual({ type: 'object', properties: { owner: { $ref: '#/schemas/owner' }, note: { type: 'string' } } });
    expect(payloads.get('issues.closed')).toEqual({ type: 'object', properties: { owner: { $ref: '#/schemas/owner' } } });
  });
});
