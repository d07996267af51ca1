/**
 * The generated runtime's adapters in the frameworks they are for: Node's `http`, Express,
 * Fastify (real servers on 127.0.0.1) and a fetch handler (`Request` in, `Response` out).
 * Each accepts a signed delivery and answers a refused one with the error's status and name.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryBody } from '../../src/emit/delivery-example.js';
import type { Catalog } from '../../src/model/types.js';
import * as shop from '../../generated/shop/runtime.js';
import { seedCatalog } from '../emit/runtime/runtime-at.js';

const SECRET = 'a-secret-only-this-test-knows';
const received: string[] = [];
const receive = shop.createReceiver({
  secret: SECRET,
  handlers: { 'order.created': (event) => void received.push(`created ${event.data.number}`) },
  fallback: (event) => void received.push(`other ${event.type}`),
});

let catalog: Catalog;
let body: string;
beforeAll(async () => {
  catalog = await seedCatalog('shop');
  const event = catalog.events[0]!;
  body = JSON.stringify(deliveryBody(catalog, event, event.examples[0]!));
});

/** Three deliveries: signed, tampered with, and signed but breaking the schema; what each got back. */
async function deliverTo(post: (body: string, headers: Record<string, string>) => Promise<{ status: number; text: string }>) {
  received.length = 0;
  const signed = await post(body, await shop.sign(body, SECRET));
  const tampered = await post(body.replace('KR-004211', 'KR-004212'), await shop.sign(body, SECRET));
  const broken = body.replace('"status":"placed"', '"status":"teleported"');
  const invalid = await post(broken, await shop.sign(broken, SECRET));
  return { signed, tampered, invalid };
}

function expectAnswers(answers: Awaited<ReturnType<typeof deliverTo>>): void {
  expect(answers.signed).toEqual({ status: 204, text: '' });
  expect(received).toEqual(['created KR-004211']);
  expect(answers.tampered.status).toBe(401);
  expect(JSON.parse(answers.tampered.text)).toMatchObject({ error: 'invalid_signature', name: 'InvalidSignatureError' });
  expect(answers.invalid.status).toBe(400);
  expect(JSON.parse(answers.invalid.text)).toMatchObject({ error: 'invalid_event', name: 'InvalidEventError', pointer: '/data/status' });
}

const viaHttp =
  (url: string) =>
  async (text: string, headers: Record<string, string>): Promise<{ status: number; text: string }> => {
    const response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
    return { status: response.status, text: await response.text() };
  };

async function listening(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

describe('adapters', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  it("Node's http", async () => {
    const server = http.createServer(shop.nodeListener(receive));
    servers.push(server);
    expectAnswers(await deliverTo(viaHttp(await listening(server))));
  });

  it('Express, after express.raw()', async () => {
    const app = express();
    app.post('/hooks', express.raw({ type: 'application/json' }), shop.expressHandler(receive));
    const server = http.createServer(app);
    servers.push(server);
    expectAnswers(await deliverTo(viaHttp(await listening(server))));
  });

  it("Fastify, with a content-type parser that keeps the body's bytes", async () => {
    const app = Fastify();
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, raw, done) => done(null, raw));
    app.post('/hooks', shop.fastifyHandler(receive));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expectAnswers(await deliverTo(viaHttp(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hooks`)));
    } finally {
      await app.close();
    }
  });

  it('fetch (Request in, Response out)', async () => {
    const handle = shop.fetchHandler<Response>(receive);
    expectAnswers(
      await deliverTo(async (text, headers) => {
        const response = await handle(new Request('https://receiver.example/hooks', { method: 'POST', body: text, headers }));
        return { status: response.status, text: await response.text() };
      }),
    );
  });
});

describe('a body larger than maxBodyBytes', () => {
  const tooLarge = (limit: number) => ({ error: 'payload_too_large', message: `the body is larger than ${limit} bytes` });

  it("is answered 413 by Node's http, over the same connection, and the receiver never runs; one byte less is delivered", async () => {
    const server = http.createServer(shop.nodeListener(receive, { maxBodyBytes: Buffer.byteLength(body) - 1 }));
    const roomy = http.createServer(shop.nodeListener(receive, { maxBodyBytes: Buffer.byteLength(body) }));
    try {
      received.length = 0;
      // Sent in pieces without a content-length, so the limit is met while reading.
      const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        listening(server).then((url) => {
          const request = http.request(url, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (response) => {
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          });
          request.on('error', reject);
          for (let i = 0; i < body.length; i += 16) request.write(body.slice(i, i + 16));
          request.end();
        }, reject);
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.text)).toEqual(tooLarge(Buffer.byteLength(body) - 1));
      expect(received).toEqual([]);
      const fits = await viaHttp(await listening(roomy))(body, await shop.sign(body, SECRET));
      expect(fits).toEqual({ status: 204, text: '' });
      expect(received).toEqual(['created KR-004211']);
    } finally {
      for (const s of [server, roomy]) await new Promise((resolve) => s.close(resolve));
    }
  });

  it('is answered 413 by the fetch handler, whether its content-length says so or only its bytes do', async () => {
    const limit = 10;
    const handle = shop.fetchHandler<Response>(receive, { maxBodyBytes: limit });
    received.length = 0;
    let read = false;
    const declared = await handle({
      headers: new Headers({ 'content-length': String(body.length) }),
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    });
    expect(read).toBe(false);
    expect([declared.status, await declared.json()]).toEqual([413, tooLarge(limit)]);
    const undeclared = await handle({ headers: new Headers(), arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer });
    expect([undeclared.status, await undeclared.json()]).toEqual([413, tooLarge(limit)]);
    expect(received).toEqual([]);
  });

  it('refuses a limit that is not a number of bytes', () => {
    expect(() => shop.nodeListener(receive, { maxBodyBytes: Number.NaN })).toThrow(/maxBodyBytes must be a number of bytes, 0 or more, not NaN/);
    expect(() => shop.fetchHandler(receive, { maxBodyBytes: -1 })).toThrow(TypeError);
  });
});
