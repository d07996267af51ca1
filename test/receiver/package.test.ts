/**
 * The package of a seed catalog, as a consumer gets it: generated (`--only package`), packed
 * with `npm pack`, installed from the tarball into a new project, imported from ESM and from
 * CommonJS, type-checked under NodeNext and bundler resolution, and run in a real Node HTTP
 * receiver to which `hookcat send` posts every example of the catalog. Refused deliveries get
 * their named errors.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import { generate } from '../../src/generate.js';
import type { Catalog } from '../../src/model/types.js';
import { signDelivery } from '../../src/send/sign.js';
import { seedCatalog } from '../emit/runtime/runtime-at.js';

const run = promisify(execFile);
const SECRET = 'kramik-endpoint-secret-for-this-test';
const TSC = path.resolve('node_modules/typescript/bin/tsc');

let root: string;
let app: string;
let server: ChildProcess | undefined;
let url: string;
let shop: Catalog;

/** Runs the CLI in this process; returns its exit code and what it printed. */
async function hookcat(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** Starts the consumer's receiver (server.mjs) and waits for its port. */
async function startReceiver(): Promise<string> {
  server = spawn(process.execPath, ['server.mjs'], { cwd: app, env: { ...process.env, SECRET }, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server!.stdout! }).once('line', resolve);
    server!.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  return `http://127.0.0.1:${(JSON.parse(first) as { port: number }).port}/hooks`;
}

const RECEIVER = `import http from 'node:http';
import { createReceiver, nodeListener } from '@kramik/webhooks';

const seen = [];
const receive = createReceiver({
  secret: process.env.SECRET,
  handlers: { 'order.created': (event) => { seen.push('order.created ' + event.data.number); } },
  fallback: (event) => { seen.push(event.type); },
});
const listener = nodeListener(receive);
const server = http.createServer((req, res) => (req.url === '/seen' ? res.end(JSON.stringify(seen)) : listener(req, res)));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

const CONSUMER = `import { createReceiver, parse, EVENT_TYPES, type EventType, type WebhookEvent } from '@kramik/webhooks';
import type { Order } from '@kramik/webhooks/types';

export const first: EventType = EVENT_TYPES[0];
// @ts-expect-error not an event type of the catalog
export const wrong: EventType = 'order.exploded';
export const receive = createReceiver<string>({
  secret: ['new-secret', 'old-secret'],
  handlers: { 'order.created': (event) => event.data.number },
});
export function numberOf(raw: string): string | undefined {
  const event: WebhookEvent = parse(raw);
  const order: Order | undefined = event.type === 'order.created' ? event.data : undefined;
  return order?.number;
}
`;

beforeAll(async () => {
  shop = await seedCatalog('shop');
  root = await mkdtemp(path.join(tmpdir(), 'hookcat-package-'));
  const result = await generate({ catalogs: 'catalog', catalog: ['shop'], only: ['package'], out: path.join(root, 'out'), projectRoot: root });
  expect(result.ok).toBe(true);
  const packed = await run('npm', ['pack', '--json', '--pack-destination', root], { cwd: path.join(root, 'out/shop/package') });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  app = path.join(root, 'app');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(root, filename)], { cwd: app });
  await writeFile(path.join(app, 'server.mjs'), RECEIVER);
  url = await startReceiver();
}, 120_000);

afterAll(async () => {
  server?.kill();
  await rm(root, { recursive: true, force: true });
});

describe('the package of catalog shop', () => {
  it('is named from the catalog and holds ESM JavaScript, .d.ts, the JSON Schemas and a README', async () => {
    const { stdout } = await run('npm', ['ls', '--json'], { cwd: app });
    expect(JSON.parse(stdout).dependencies['@kramik/webhooks'].version).toBe('2.0.0');
    const listing = await run(
      process.execPath,
      ['-e', "console.log(require('fs').readdirSync('node_modules/@kramik/webhooks', { recursive: true }).sort().join('\\n'))"],
      { cwd: app },
    );
    for (const file of ['README.md', 'dist/runtime.js', 'dist/runtime.d.ts', 'dist/types.d.ts', 'dist/runtime/validators.js', 'schemas/bundle.schema.json']) {
      expect(listing.stdout.split('\n')).toContain(file);
    }
  });

  it('imports from ESM and from CommonJS (require of ESM)', async () => {
    const esm = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import * as m from '@kramik/webhooks'; import * as t from '@kramik/webhooks/types'; console.log(typeof m.createReceiver, m.EVENT_TYPES.length, t.isEventType('order.created'))",
      ],
      { cwd: app },
    );
    expect(esm.stdout.trim()).toBe(`function ${shop.events.length} true`);
    const cjs = await run(
      process.execPath,
      [
        '-e',
        "const m = require('@kramik/webhooks'); const s = require('@kramik/webhooks/schemas/bundle.schema.json'); console.log(typeof m.verify, typeof m.parse, m.SIGNATURE_SCHEME.kind, typeof s.oneOf)",
      ],
      { cwd: app },
    );
    expect(cjs.stdout.trim()).toBe('function function timestamped object');
  });

  it.each([
    ['NodeNext', { module: 'nodenext', moduleResolution: 'nodenext' }, 'consumer.mts'],
    ['NodeNext, from CommonJS', { module: 'nodenext', moduleResolution: 'nodenext' }, 'consumer.cts'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'consumer.ts'],
  ])('has types that compile under %s resolution', async (name, resolution, file) => {
    await writeFile(path.join(app, file), CONSUMER);
    const options = {
      ...resolution,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      types: [],
      lib: ['es2022'],
      target: 'es2022',
    };
    const config = path.join(app, `tsconfig.${file}.json`);
    await writeFile(config, JSON.stringify({ compilerOptions: options, files: [file] }));
    const checked = await run(process.execPath, [TSC, '-p', config], { cwd: app }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(checked.stdout, name).toBe('');
  });

  it("README's receivers (Node http, Express, Fastify, fetch) compile against the package", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Receiving webhooks'), readme.indexOf('## The package'));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.map((b) => b.split('\n')[0])).toEqual([
      "// Node's http",
      '// Express: the raw body, not express.json()',
      "// Fastify: keep the body's bytes",
      expect.stringContaining('// fetch'),
    ]);
    const modules = path.resolve('node_modules');
    const files = blocks.map((_, i) => `readme-${i}.ts`);
    await Promise.all(blocks.map((block, i) => writeFile(path.join(app, files[i]!), `${block}\nexport {};\n`)));
    const options = {
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: true,
      typeRoots: [path.join(modules, '@types')],
      types: ['node'],
      paths: { express: [path.join(modules, '@types/express')], fastify: [path.join(modules, 'fastify')] },
    };
    const config = path.join(app, 'tsconfig.readme.json');
    await writeFile(config, JSON.stringify({ compilerOptions: options, files }));
    const checked = await run(process.execPath, [TSC, '-p', config], { cwd: app }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(checked.stdout).toBe('');
  });

  it('receives every example of the catalog that hookcat send posts', async () => {
    let sent = 0;
    for (const event of shop.events) {
      for (const example of event.examples) {
        const result = await hookcat(['send', 'catalog/shop', event.key, '--to', url, '--secret', SECRET, '--example', example.name]);
        expect(result, `${event.key} ${example.name}`).toMatchObject({ code: 0, out: expect.stringMatching(/^204 No Content in \d+ ms/) });
        sent++;
      }
    }
    const seen = (await (await fetch(url.replace('/hooks', '/seen'))).json()) as string[];
    expect(seen).toHaveLength(sent);
    expect(seen).toContain('order.created KR-004211');
    expect(new Set(seen.map((s) => s.split(' ')[0]))).toEqual(new Set(shop.events.filter((e) => e.examples.length > 0).map((e) => e.key)));
  }, 120_000);

  it('refuses a wrong secret and an old timestamp, and hookcat send exits non-zero', async () => {
    const wrong = await hookcat(['send', 'catalog/shop', 'order.created', '--to', url, '--secret', 'not-the-secret']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^401 /);
    expect(JSON.parse(wrong.err)).toMatchObject({ name: 'InvalidSignatureError' });
    const old = await hookcat([
      'send',
      'catalog/shop',
      'order.created',
      '--to',
      url,
      '--secret',
      SECRET,
      '--timestamp',
      String(Math.floor(Date.now() / 1000) - 3600),
    ]);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.err)).toMatchObject({ name: 'TimestampError', error: 'invalid_timestamp' });
  });

  it('refuses a tampered body, an unknown event type and a payload that breaks its schema, each by name', async () => {
    const event = shop.events.find((e) => e.key === 'order.created')!;
    const body = deliveryBody(shop, event, event.examples[0]!) as Record<string, unknown>;
    const post = async (text: string, signedText = text) => {
      const headers = signDelivery(shop.envelope.signature!, signedText, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) });
      const response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
      return { status: response.status, ...((await response.json()) as Record<string, unknown>) };
    };
    const original = JSON.stringify(body);
    expect(await post(original.replace('KR-004211', 'KR-999999'), original)).toMatchObject({ status: 401, name: 'InvalidSignatureError' });
    expect(await post(JSON.stringify({ ...body, type: 'order.exploded' }))).toMatchObject({ status: 400, name: 'UnknownEventError', error: 'unknown_event' });
    const data = body['data'] as Record<string, unknown>;
    expect(await post(JSON.stringify({ ...body, data: { ...data, status: 'teleported' } }))).toMatchObject({
      status: 400,
      name: 'InvalidEventError',
      pointer: '/data/status',
    });
  });
});
