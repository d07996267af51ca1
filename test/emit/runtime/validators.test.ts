/**
 * The runtime's precompiled validators, imported and run on deliveries: what each delivery shape
 * checks (the envelope's required fields and formats, the type fixed to the key, a flat body, a
 * bare payload, a batch's body around its list), which formats are checked, and that the code
 * carries no catalog text (annotations are dropped before compiling).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasBatchValidator, validatorsDeclarations, validatorsFiles } from '../../../src/emit/runtime/validators.js';
import { OutputMemory } from '../../../src/output-memo.js';
import type { Catalog, Envelope, JsonSchema } from '../../../src/model/types.js';
import { ordersCatalog } from '../../receiver/orders-catalog.js';

type Validate = (data: unknown) => boolean;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The validators of `catalog`, written to a folder of their own and imported. */
async function validatorsOf(catalog: Catalog): Promise<Record<string, Validate>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hookcat-validators-'));
  folders.push(dir);
  for (const file of validatorsFiles(catalog, '// test')) await writeFile(path.join(dir, file.name), file.contents);
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }');
  return (await import(path.join(dir, 'validators.js'))) as Record<string, Validate>;
}

const described = (schema: JsonSchema): JsonSchema => ({
  ...schema,
  description: 'UNIQUE-DESCRIPTION-TEXT',
  'x-note': 'UNIQUE-X-TEXT',
  examples: ['UNIQUE-EXAMPLE'],
});

const payload: JsonSchema = {
  type: 'object',
  required: ['orderId', 'email'],
  properties: {
    orderId: described({ type: 'string', format: 'uuid' }),
    email: { type: 'string', format: 'email' },
    day: { type: 'string', format: 'date' },
    big: { type: 'string', format: 'int64' },
    total: { $ref: '#/schemas/Money' },
  },
};
const event = { ...ordersCatalog.events[0]!, key: 'order.created', payload };
const withEnvelope = (envelope: Partial<Envelope>): Catalog => ({
  ...ordersCatalog,
  events: [event],
  envelope: { ...ordersCatalog.envelope, ...envelope },
});
const ORDER = { orderId: '3f0e6b1c-8f55-4c8e-9d1a-2b7c9e4f5a61', email: 'ana@example.com', total: { amount: 5, currency: 'EUR' } };
const ENVELOPE = { id: 'evt_1', created: '2026-12-06T10:00:00Z' };

describe('the validator of an event in an envelope', () => {
  it('checks the type, the envelope fields it requires and their formats, and the payload in the data field', async () => {
    const { v0 } = await validatorsOf(withEnvelope({ properties: { ...ordersCatalog.envelope.properties, id: described({ type: 'string' }) } }));
    const good = { type: 'order.created', ...ENVELOPE, data: ORDER };
    expect(v0!(good)).toBe(true);
    expect(v0!({ ...good, type: 'order.cancelled' })).toBe(false);
    expect(v0!({ type: 'order.created', created: ENVELOPE.created, data: ORDER })).toBe(false);
    expect(v0!({ ...good, created: 'yesterday' })).toBe(false);
    expect(v0!({ ...good, data: { ...ORDER, email: 'not an address' } })).toBe(false);
    expect(v0!({ ...good, data: { ...ORDER, orderId: 'not-a-uuid' } })).toBe(false);
    expect(v0!({ ...good, data: { ...ORDER, day: '2026-13-45' } })).toBe(false);
    expect(v0!({ ...good, data: { ...ORDER, total: { amount: 5 } } })).toBe(false);
    const { data: _data, ...withoutData } = good;
    expect(v0!(withoutData)).toBe(false);
  });

  it('accepts what a format it cannot check as a pattern allows (int64 is a function in ajv-formats)', async () => {
    const { v0 } = await validatorsOf(withEnvelope({}));
    expect(v0!({ type: 'order.created', ...ENVELOPE, data: { ...ORDER, big: 'any text' } })).toBe(true);
  });

  it('holds no text of the catalog: descriptions, examples and x- keywords are dropped before compiling', () => {
    const code = validatorsFiles(withEnvelope({ properties: { id: described({ type: 'string' }) } }), '// test')
      .map((file) => file.contents)
      .join('\n');
    expect(code).not.toMatch(/UNIQUE-(DESCRIPTION|X|EXAMPLE)/);
  });
});

describe('the validator of a flat event (no data field)', () => {
  it('checks the payload fields beside the envelope fields, both required', async () => {
    const { v0 } = await validatorsOf(withEnvelope({ dataField: undefined }));
    expect(v0!({ type: 'order.created', ...ENVELOPE, ...ORDER })).toBe(true);
    expect(v0!({ type: 'order.created', ...ENVELOPE, orderId: ORDER.orderId })).toBe(false);
    expect(v0!({ type: 'order.created', created: ENVELOPE.created, ...ORDER })).toBe(false);
    expect(v0!({ type: 'refund.issued', ...ENVELOPE, ...ORDER })).toBe(false);
  });
});

describe('the validator of a bare event', () => {
  it('checks the body as the payload alone', async () => {
    const { v0 } = await validatorsOf(withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined }));
    expect(v0!(ORDER)).toBe(true);
    expect(v0!({ ...ORDER, email: 'nope' })).toBe(false);
    expect(v0!({ type: 'order.created', ...ENVELOPE, data: ORDER })).toBe(false);
  });
});

describe('the validator of a batch body', () => {
  const batch = (field: string | undefined): Catalog =>
    withEnvelope({
      shape: 'batch',
      batch: {
        item: 'envelope',
        field,
        properties: { destination: described({ type: 'string', minLength: 3 }), [field ?? 'events']: { type: 'array' } },
        required: ['destination'],
        description: ordersCatalog.envelope.description,
      },
    } as Partial<Envelope>);

  it('checks the fields around the list, and that the list is one', async () => {
    const catalog = batch('events');
    expect(hasBatchValidator(catalog)).toBe(true);
    const { batch: validate } = await validatorsOf(catalog);
    expect(validate!({ destination: 'U123', events: [] })).toBe(true);
    expect(validate!({ events: [] })).toBe(false);
    expect(validate!({ destination: 'U1', events: [] })).toBe(false);
    expect(validate!({ destination: 'U123' })).toBe(false);
    expect(validate!({ destination: 'U123', events: {} })).toBe(false);
  });

  it('is not made when the body is the list itself', async () => {
    const catalog = batch(undefined);
    expect(hasBatchValidator(catalog)).toBe(false);
    expect(Object.keys(await validatorsOf(catalog))).toEqual(['v0']);
  });
});

describe('the validators module in plain Node', () => {
  // vitest's import reads CommonJS and resolves `require` from the project; a receiver's Node does
  // neither in an ES module far from hookcat's node_modules.
  it('is an ES module that needs neither ajv nor hookcat: its helpers (Unicode length, deep equality) are in it', async () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name', 'tags'],
      properties: { name: { type: 'string', maxLength: 2 }, tags: { type: 'array', uniqueItems: true } },
    };
    const catalog = withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined });
    const dir = await mkdtemp(path.join(tmpdir(), 'hookcat-validators-node-'));
    folders.push(dir);
    for (const file of validatorsFiles({ ...catalog, events: [{ ...event, payload: schema }] }, '// test')) {
      await writeFile(path.join(dir, file.name), file.contents);
    }
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }');
    const bodies = [
      { name: '\u{1f600}\u{1f600}', tags: [{ a: 1 }, { a: 2 }] },
      { name: '\u{1f600}\u{1f600}\u{1f600}', tags: [] },
      { name: 'ok', tags: [{ a: 1 }, { a: 1 }] },
    ];
    const script = 'const { v0 } = await import(process.argv[1]); console.log(JSON.stringify(JSON.parse(process.argv[2]).map((b) => v0(b))));';
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, pathToFileURL(path.join(dir, 'validators.js')).href, JSON.stringify(bodies)],
      { cwd: dir },
    );
    expect(JSON.parse(stdout)).toEqual([true, false, false]);
  });
});

describe('the validators compare values as JSON (const, enum, uniqueItems)', () => {
  // A payload's own `valueOf`, `toString` or `constructor` is data: ajv's equality (fast-deep-equal)
  // called `valueOf` (a TypeError for `{"valueOf": 1}`) and compared constructors.
  it('take own keys named like Object members as data, and never throw', async () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        pick: { enum: [{ a: 1 }, { valueOf: 1 }, [1, { b: null }]] },
        fixed: { const: { constructor: 1 } },
        tags: { type: 'array', uniqueItems: true },
      },
    };
    const catalog = withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined });
    const { v0 } = await validatorsOf({ ...catalog, events: [{ ...event, payload: schema }] });
    const verdicts = [
      [{ pick: { valueOf: 1 } }, true],
      [{ pick: { valueOf: 2 } }, false],
      [{ pick: { a: 1 } }, true],
      [{ pick: { a: '1' } }, false],
      [{ pick: { a: 1, b: 2 } }, false],
      [{ pick: [1, { b: null }] }, true],
      [{ pick: [1, { b: null }, 2] }, false],
      [{ pick: { 0: 1, 1: { b: null } } }, false],
      [{ fixed: { constructor: 1 } }, true],
      [{ fixed: { constructor: 2 } }, false],
      [{ fixed: {} }, false],
      [{ tags: [{ valueOf: 1 }, { valueOf: 1 }] }, false],
      [{ tags: [{ toString: 1 }, { toString: 2 }] }, true],
      [{ tags: [{ a: [1] }, { a: [1] }] }, false],
    ] as const;
    expect(verdicts.map(([body]) => v0!(JSON.parse(JSON.stringify(body))))).toEqual(verdicts.map(([, valid]) => valid));
  });
});

describe('uniqueItems in the runtime', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: { tags: { type: 'array', uniqueItems: true }, names: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
  };
  const catalog = withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined });

  // ajv compared items pairwise: a body of 20,000 small objects took 13 s, a 25 MiB one days.
  it('reads each item once, however many there are', async () => {
    const { v0 } = await validatorsOf({ ...catalog, events: [{ ...event, payload: schema }] });
    let reads = 0;
    const item = (i: number): object =>
      Object.defineProperty({}, 'i', {
        enumerable: true,
        get: () => {
          reads += 1;
          return i;
        },
      });
    expect(v0!({ tags: Array.from({ length: 2_000 }, (_, i) => item(i)) })).toBe(true);
    expect(reads).toBeLessThanOrEqual(2_000);
    expect(v0!({ tags: [item(1), item(2), item(1), [item(3)], [item(3)]] })).toBe(false);
  });

  // ajv looked strings up in a plain object, where `__proto__` is no own key.
  it('refuses two items `__proto__`, and reports a duplicate as ajv does', async () => {
    const { v0 } = (await validatorsOf({ ...catalog, events: [{ ...event, payload: schema }] })) as Record<string, Validate & { errors?: unknown }>;
    expect(v0!(JSON.parse('{"names": ["__proto__", "__proto__"]}'))).toBe(false);
    expect(v0!({ names: ['constructor', 'toString', 'x'] })).toBe(true);
    expect(v0!({ tags: [1, '1', { a: 1, b: [2] }, { b: [2], a: 1 }, 0] })).toBe(false);
    expect(v0!.errors).toEqual([
      {
        instancePath: '/tags',
        schemaPath: '#/properties/tags/uniqueItems',
        keyword: 'uniqueItems',
        params: { i: 3, j: 2 },
        message: 'must NOT have duplicate items (items ## 2 and 3 are identical)',
      },
    ]);
    expect(v0!({ tags: [0, -0] })).toBe(false);
    expect(v0!({ tags: [[], {}, null, '', false, 0] })).toBe(true);
  });
});

describe('the validators of payloads with references of their own', () => {
  /** A payload whose `amount` is a local `$ref` into its own `$defs`, and a shared schema that does the same. */
  const local: JsonSchema = {
    type: 'object',
    required: ['amount', 'price'],
    properties: { amount: { $ref: '#/$defs/positive' }, price: { $ref: '#/schemas/Price' } },
    $defs: { positive: { type: 'integer', minimum: 1 } },
  };
  const price = { type: 'object', required: ['cents'], properties: { cents: { $ref: '#/$defs/cents' } }, $defs: { cents: { type: 'integer' } } };
  const catalogOf = (envelope: Partial<Envelope>): Catalog => ({
    ...withEnvelope(envelope),
    events: [{ ...event, payload: local }],
    schemas: [...ordersCatalog.schemas, { ...ordersCatalog.schemas[0]!, name: 'Price', schema: price }],
  });
  const good = { amount: 2, price: { cents: 100 } };

  it.each([
    ['in the data field', {}, (data: object) => ({ type: 'order.created', ...ENVELOPE, data })],
    ['beside the envelope fields', { dataField: undefined }, (data: object) => ({ type: 'order.created', ...ENVELOPE, ...data })],
    ['as the whole body', { shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined }, (data: object) => data],
  ] as const)('follow them %s', async (_, envelope, body) => {
    const { v0 } = await validatorsOf(catalogOf(envelope as Partial<Envelope>));
    expect(v0!(body(good))).toBe(true);
    expect(v0!(body({ ...good, amount: 0 }))).toBe(false);
    expect(v0!(body({ ...good, price: { cents: 'one' } }))).toBe(false);
  });
});

describe('the validator of an envelope the catalog describes in full', () => {
  it('keeps the type fixed to the key and the payload in the data field when the envelope also declares both', async () => {
    const properties = { ...ordersCatalog.envelope.properties, type: { type: 'string' }, data: { type: 'object' } };
    const { v0 } = await validatorsOf(withEnvelope({ properties }));
    const good = { type: 'order.created', ...ENVELOPE, data: ORDER };
    expect(v0!(good)).toBe(true);
    expect(v0!({ ...good, type: 'order.cancelled' })).toBe(false);
    expect(v0!({ ...good, data: {} })).toBe(false);
  });

  it('requires only the envelope fields the catalog requires, beside a flat payload', async () => {
    const { v0 } = await validatorsOf(withEnvelope({ dataField: undefined, required: ['created'] }));
    expect(v0!({ type: 'order.created', created: ENVELOPE.created, ...ORDER })).toBe(true);
    expect(v0!({ type: 'order.created', id: 'evt_1', ...ORDER })).toBe(false);
  });

  it('reads only own properties: a required field named like an object method must be there', async () => {
    const payload: JsonSchema = { type: 'object', required: ['constructor'], properties: { constructor: { type: 'string' }, toString: { type: 'string' } } };
    const catalog = withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined });
    const { v0 } = await validatorsOf({ ...catalog, events: [{ ...event, payload }] });
    expect(v0!({ constructor: 'x' })).toBe(true);
    expect(v0!({})).toBe(false);
  });

  it('compiles a field of several types, as nullable fields are written', async () => {
    const payload: JsonSchema = { type: 'object', properties: { note: { type: ['string', 'null'] } } };
    const catalog = withEnvelope({ shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined });
    const { v0 } = await validatorsOf({ ...catalog, events: [{ ...event, payload }] });
    expect([v0!({ note: null }), v0!({ note: 'x' }), v0!({ note: 1 })]).toEqual([true, true, false]);
  });
});

describe('the validators files as text', () => {
  it('end with a line break, say linters keep off, and declare a batch validator only where there is one', () => {
    const catalog = withEnvelope({});
    const [file] = validatorsFiles(catalog, '// stamp');
    expect(file!.contents.startsWith('// stamp\n/* eslint-disable */\n')).toBe(true);
    expect(file!.contents.endsWith(';\n')).toBe(true);
    const declarations = validatorsDeclarations(catalog, '// stamp');
    expect(declarations).toContain('export declare const v0: Validate;');
    expect(declarations).not.toContain('batch');
    expect(declarations.endsWith('Validate;\n')).toBe(true);
  });

  it('through an output memo are those of each catalog, not of the one before', () => {
    const memo = new OutputMemory();
    const first = withEnvelope({});
    const second: Catalog = { ...first, events: [{ ...event, payload: { type: 'object', required: ['other'] } }] };
    const fresh = [first, second].map((catalog) => validatorsFiles(catalog, '// s'));
    expect([first, second].map((catalog) => validatorsFiles(catalog, '// s', memo))).toEqual(fresh);
    expect(fresh[0]).not.toEqual(fresh[1]);
  });
});

describe('the validator of a payload schema that is a boolean', () => {
  // `false` (no payload is valid) must not become `{}` (every payload is) on the way to ajv.
  const catalogOf = (payload: boolean, envelope: Partial<Envelope> = {}): Catalog => ({
    ...withEnvelope(envelope),
    events: [{ ...event, payload: payload as unknown as JsonSchema }],
    schemas: [...ordersCatalog.schemas, { ...ordersCatalog.schemas[0]!, name: 'Never', schema: false as unknown as JsonSchema }],
  });

  it('accepts no payload when false, whether in the data field or as the whole body', async () => {
    const { v0 } = await validatorsOf(catalogOf(false));
    expect([{}, null, ORDER].map((data) => v0!({ type: 'order.created', ...ENVELOPE, data }))).toEqual([false, false, false]);
    const bare = await validatorsOf(catalogOf(false, { shape: 'bare', typeHeader: 'X-Shop-Event', dataField: undefined }));
    expect([{}, null, ORDER].map((body) => bare['v0']!(body))).toEqual([false, false, false]);
  });

  it('accepts any payload when true, and none through a shared schema that is false', async () => {
    const { v0 } = await validatorsOf(catalogOf(true));
    expect([{}, null, ORDER].map((data) => v0!({ type: 'order.created', ...ENVELOPE, data }))).toEqual([true, true, true]);
    const shared = await validatorsOf({ ...catalogOf(true), events: [{ ...event, payload: { $ref: '#/schemas/Never' } }] });
    expect(shared['v0']!({ type: 'order.created', ...ENVELOPE, data: {} })).toBe(false);
  });
});
