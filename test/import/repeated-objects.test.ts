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

  it('spells a camelCase title in words, and names an untitled object met under no property after its place (`c-d-item`)', () => {
    const merge = { ...branch, title: 'PullRequestAutoMerge' };
    const untitled = { ...branch, properties: { ...branch.properties, extra: { type: 'null' } } };
    const catalog = withRepeatedObjectsShared(
      catalogOf([event('a.b', objectWith({ m: merge, n: structuredClone(merge) })), event('c.d', { anyOf: [untitled, structuredClone(untitled)] })]),
    );
    // An object is named before the repeated objects inside it.
    expect([...catalog.schemas.keys()]).toEqual(['pull-request-auto-merge', 'simple-user', 'c-d-item']);
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

  it('makes no name that an event, hookcat or JavaScript has in the outputs', () => {
    const titled = (title: string) => ({ ...branch, title });
    const catalog = withRepeatedObjectsShared(
      catalogOf([
        event(
          'a.one',
          objectWith(
            Object.fromEntries(
              ['A One Payload', 'A One Event', 'Record', 'Event Type', 'Object', 'WebhookBatch'].flatMap((t, i) => [
                [`x${i}`, titled(t)],
                [`y${i}`, titled(t)],
              ]),
            ),
          ),
        ),
      ]),
    );
    expect([...catalog.schemas.keys()]).toEqual(['a-one-payload-2', 'simple-user', 'a-one-event-2', 'record-2', 'event-type-2', 'object-2', 'webhook-batch-2']);
  });

  it('numbers objects alike in name in the order met, past the names taken already', () => {
    const untitled = (n: number) => ({ ...branch, properties: { ...branch.properties, n: { const: n } } });
    const schemas: [string, unknown][] = [['data-3', { type: 'string' }]];
    const payloads = [1, 2, 3, 4].map((n) => event(`e.n${n}`, objectWith({ data: untitled(n), again: { type: 'array', items: untitled(n) } })));
    const catalog = withRepeatedObjectsShared(catalogOf(payloads, schemas));
    expect([...catalog.schemas.keys()]).toEqual(['data-3', 'data', 'simple-user', 'data-2', 'data-4', 'data-5']);
  });

  it('spells titles in plain letters, cut at a word', () => {
    const titled = (title: string) => ({ ...branch, title });
    const long = 'Word '.repeat(20);
    const catalog = withRepeatedObjectsShared(
      catalogOf([
        event(
          'a.b',
          objectWith({
            a: titled('Événement créé'),
            b: titled('Événement créé'),
            c: titled('HTTPServer'),
            d: titled('HTTPServer'),
            e: titled(long),
            f: titled(long),
          }),
        ),
      ]),
    );
    expect([...catalog.schemas.keys()]).toEqual(['evenement-cree', 'simple-user', 'http-server', `${'word-'.repeat(11)}word`]);
  });

  it('gives only objects a schema of their own: a repeated enum or boolean stays where its property documents it', () => {
    const flag = {
      type: 'boolean',
      default: false,
      description:
        'Whether a pull request head branch that is behind its base branch can always be updated, even when it is not required to be up to date. '.repeat(2),
    };
    const list = {
      type: 'array',
      items: { type: 'string', enum: ['merge_message', 'pr_title', 'commit_or_pr_title', 'blank'] },
      description: flag.description,
    };
    const catalog = catalogOf([event('a.b', objectWith({ x: flag, y: structuredClone(flag), l: list, m: structuredClone(list) }))]);
    expect(withRepeatedObjectsShared(catalog)).toBe(catalog);
  });

  it('shares the objects inside a repeated list it leaves written out', () => {
    const users = { type: 'array', items: user };
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ x: users, y: structuredClone(users) }))]));
    const items = { type: 'array', items: { $ref: '#/schemas/simple-user' } };
    expect(catalog.events[0]!.payload).toEqual(objectWith({ x: items, y: items }));
  });

  it('leaves written out an object that extends another by allOf, when the catalog has a discriminator', () => {
    const dog = { type: 'object', allOf: [{ $ref: '#/schemas/pet' }, { ...branch, title: 'Dog' }] };
    const pet = { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' } };
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ x: dog, y: structuredClone(dog) }))], [['pet', pet]]));
    // Its own part is shared (it extends nothing); the schema that extends stays in place.
    expect([...catalog.schemas.keys()]).toEqual(['pet', 'dog']);
    const extended = { type: 'object', allOf: [{ $ref: '#/schemas/pet' }, { $ref: '#/schemas/dog' }] };
    expect(catalog.events[0]!.payload).toEqual(objectWith({ x: extended, y: extended }));
  });

  it('refers a copy to the first of two equal shared schemas, and leaves a copy of an event payload written out', () => {
    const catalog = withRepeatedObjectsShared(
      catalogOf(
        [event('a.b', structuredClone(branch)), event('c.d', objectWith({ x: structuredClone(user), y: structuredClone(branch) }))],
        [
          ['first', user],
          ['second', structuredClone(user)],
        ],
      ),
    );
    expect([...catalog.schemas.keys()]).toEqual(['first', 'second']);
    const head = { ...branch, properties: { ...branch.properties, user: { $ref: '#/schemas/first' } } };
    expect(catalog.events.map((e) => e.payload)).toEqual([head, objectWith({ x: { $ref: '#/schemas/first' }, y: head })]);
  });

  it('leaves written out a copy of a shared schema too small to be worth a name', () => {
    const small = { type: 'object', properties: { id: { type: 'integer' } } };
    const catalog = catalogOf([event('a.b', objectWith({ x: structuredClone(small) }))], [['small', small]]);
    expect(withRepeatedObjectsShared(catalog)).toBe(catalog);
  });

  it('names an untitled object met as the items of a list after the list property', () => {
    const labels = (n: number) => ({ type: 'array', maxItems: n, items: structuredClone(branch) });
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ labels: labels(1), tags: labels(2) }))]));
    expect([...catalog.schemas.keys()]).toEqual(['labels']);
  });

  it('shares what a schema with a discriminator holds beside its options, and leaves anyOf options written out too', () => {
    const pet = (kind: string) => ({ title: kind, type: 'object', properties: { kind: { const: kind }, owner: user } });
    const choice = (description: string) => ({
      description,
      anyOf: [pet('Cat'), pet('Dog')],
      discriminator: { propertyName: 'kind' },
      properties: { owner: user },
    });
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ p: choice('One.'), q: choice('Two.') }))]));
    expect([...catalog.schemas.keys()]).toEqual(['simple-user']);
    const payload = catalog.events[0]!.payload as { properties: { p: { anyOf: { title: string }[]; properties: unknown } } };
    expect(payload.properties.p.anyOf.map((option) => option.title)).toEqual(['Cat', 'Dog']);
    expect(payload.properties.p.properties).toEqual({ owner: { $ref: '#/schemas/simple-user' } });
  });

  it('keeps the description and deprecation of each copy beside its $ref, where its property is documented', () => {
    const sender = { ...user, description: 'Who sent it.', deprecated: true };
    const catalog = withRepeatedObjectsShared(catalogOf([event('a.b', objectWith({ x: sender, y: structuredClone(sender) }))], [['owner', user]]));
    expect([...catalog.schemas.keys()]).toEqual(['owner', 'simple-user']);
    const use = { $ref: '#/schemas/simple-user', description: 'Who sent it.', deprecated: true };
    expect(catalog.events[0]!.payload).toEqual(objectWith({ x: use, y: use }));
    expect(catalog.schemas.get('simple-user')).toEqual(sender);
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
