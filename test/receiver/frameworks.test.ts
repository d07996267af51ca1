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

  /** Posts `text` in 16-byte chunks without a content-length, or with the one given. */
  function post(url: string, text: string, headers: Record<string, string>): Promise<{ status: number; text: string; connection: string | undefined }> {
    return new Promise((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers }, (response) => {
        let answer = '';
        response.on('data', (chunk) => (answer += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: answer, connection: response.headers.connection }));
      });
      request.on('error', reject);
      for (let i = 0; i < text.length; i += 16) request.write(text.slice(i, i + 16));
      request.end();
    });
  }

  it("neither rejects nor answers when the client hangs up mid-body (a rejected listener ends Node's process)", async () => {
    const listener = shop.nodeListener(receive);
    const aborted = {
      headers: { 'content-length': '1000' },
      async *[Symbol.asyncIterator]() {
        yield Buffer.from('{"type":');
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      },
    };
    const ended: unknown[] = [];
    const res = { statusCode: 0, setHeader: () => undefined, end: (text?: string) => void ended.push(text) };
    await expect(listener(aborted, res)).resolves.toBeUndefined();
    expect(ended).toEqual([]);
  });

  it("is answered 413 by Node's http while reading a chunked body, and the receiver never runs; a body at the limit is delivered", async () => {
    const limit = Buffer.byteLength(body) - 1;
    const server = http.createServer(shop.nodeListener(receive, { maxBodyBytes: limit }));
    const roomy = http.createServer(shop.nodeListener(receive, { maxBodyBytes: limit + 1 }));
    try {
      received.length = 0;
      const chunked = await post(await listening(server), body, { 'transfer-encoding': 'chunked' });
      expect([chunked.status, JSON.parse(chunked.text)]).toEqual([413, tooLarge(limit)]);
      expect(received).toEqual([]);
      const fits = await viaHttp(await listening(roomy))(body, await shop.sign(body, SECRET));
      expect(fits).toEqual({ status: 204, text: '' });
      expect(received).toEqual(['created KR-004211']);
    } finally {
      for (const s of [server, roomy]) await new Promise((resolve) => s.close(resolve));
    }
  });

  it("is answered 413 by Node's http before the body is read when its content-length says so, closing the connection", async () => {
    const limit = 10;
    const server = http.createServer(shop.nodeListener(receive, { maxBodyBytes: limit }));
    try {
      const url = await listening(server);
      // A gigabyte declared, a few bytes sent, the request never ended: only an answer that does not wait for the body comes back.
      const answer = await new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
        const request = http.request(url, { method: 'POST', headers: { 'content-length': String(2 ** 30) } }, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text, connection: response.headers.connection }));
          response.on('error', reject);
        });
        request.on('error', () => undefined);
        request.write('{"type":');
      });
      expect([answer.status, JSON.parse(answer.text), answer.connection]).toEqual([413, tooLarge(limit), 'close']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is answered 413 by the fetch handler: unread when its content-length says so, its stream cancelled at the limit otherwise', async () => {
    const limit = 10;
    const handle = shop.fetchHandler<Response>(receive, { maxBodyBytes: limit });
    received.length = 0;
    let pulled = 0;
    let cancelled = false;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(new Uint8Array(4));
        },
        cancel() {
          cancelled = true;
        },
      });
    const declared = await handle(
      new Request('https://receiver.example/hooks', { method: 'POST', body: endless(), headers: { 'content-length': '11' }, duplex: 'half' } as RequestInit),
    );
    expect([declared.status, await declared.json()]).toEqual([413, tooLarge(limit)]);
    // A stream pulls once when it is made, to fill its queue; the handler asked for nothing more.
    expect(pulled).toBeLessThanOrEqual(1);
    const undeclared = await handle(new Request('https://receiver.example/hooks', { method: 'POST', body: endless(), duplex: 'half' } as RequestInit));
    expect([undeclared.status, await undeclared.json(), cancelled]).toEqual([413, tooLarge(limit), true]);
    expect(pulled).toBeLessThan(10);
    const whole = await handle({ headers: new Headers(), arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer });
    expect([whole.status, await whole.json()]).toEqual([413, tooLarge(limit)]);
    expect(received).toEqual([]);
  });

  it('refuses a limit that is not a number of bytes', () => {
    expect(() => shop.nodeListener(receive, { maxBodyBytes: Number.NaN })).toThrow(/maxBodyBytes must be a number of bytes, 0 or more, not NaN/);
    expect(() => shop.fetchHandler(receive, { maxBodyBytes: -1 })).toThrow(TypeError);
  });
});

describe('a handler that replies (a URL check or challenge, as Zoom and Slack send)', () => {
  // One handler replies, another returns nothing: the receiver's result is `Reply | undefined`.
  const replying = shop.createReceiver({
    secret: SECRET,
    handlers: {
      'order.created': (event) => shop.reply({ challenge: event.data.number, encryptedToken: 'e1' }),
      'order.cancelled': () => undefined,
    },
  });
  const accepted = shop.createReceiver({ secret: SECRET, handlers: { 'order.created': () => shop.reply({ ok: true }, 202) } });

  async function answersOf(
    adapter: (receive: shop.Receive) => (text: string, headers: Record<string, string>) => Promise<{ status: number; text: string; type: string | null }>,
  ) {
    const signed = await shop.sign(body, SECRET);
    return [await adapter(replying)(body, signed), await adapter(accepted)(body, signed), await adapter(replying)(body.replace('KR-004211', 'KR-1'), signed)];
  }

  function expectReplies(answers: Awaited<ReturnType<typeof answersOf>>): void {
    // Fastify adds `; charset=utf-8`.
    for (const answer of answers.slice(0, 2)) answer.type = answer.type?.split(';')[0] ?? null;
    expect(answers[0]).toEqual({ status: 200, text: '{"challenge":"KR-004211","encryptedToken":"e1"}', type: 'application/json' });
    expect(answers[1]).toEqual({ status: 202, text: '{"ok":true}', type: 'application/json' });
    // A refused delivery never reaches the handler: no reply, the error.
    expect(answers[2]!.status).toBe(401);
  }

  const overHttp = async (server: http.Server) => {
    const url = await listening(server);
    return async (text: string, headers: Record<string, string>) => {
      const response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
      return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
    };
  };

  it("is the answer of Node's http, Express, Fastify and fetch", async () => {
    const servers: http.Server[] = [];
    const fastify = Fastify();
    try {
      expectReplies(
        await answersOf((receive) => async (text, headers) => {
          const server = http.createServer(shop.nodeListener(receive));
          servers.push(server);
          return (await overHttp(server))(text, headers);
        }),
      );
      expectReplies(
        await answersOf((receive) => async (text, headers) => {
          const app = express();
          app.post('/hooks', express.raw({ type: 'application/json' }), shop.expressHandler(receive));
          const server = http.createServer(app);
          servers.push(server);
          return (await overHttp(server))(text, headers);
        }),
      );
      let route = 0;
      fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, raw, done) => done(null, raw));
      const routes = [replying, accepted, replying].map((receive) => {
        const name = `/hooks/${route++}`;
        fastify.post(name, shop.fastifyHandler(receive));
        return name;
      });
      await fastify.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}`;
      let next = 0;
      expectReplies(
        await answersOf(() => async (text, headers) => {
          const response = await fetch(base + routes[next++]!, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
          return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
        }),
      );
      expectReplies(
        await answersOf((receive) => async (text, headers) => {
          const response = await shop.fetchHandler<Response>(receive)(new Request('https://receiver.example/hooks', { method: 'POST', body: text, headers }));
          return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
        }),
      );
    } finally {
      await fastify.close();
      for (const server of servers) await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 200 to 299 with a body JSON can write, and nothing else', () => {
    expect(() => shop.reply({}, 404)).toThrow(TypeError);
    // No body goes with 204 or 205: fetch's Response would refuse the reply outside the adapter's try.
    expect(() => shop.reply({}, 204)).toThrow(TypeError);
    expect(() => shop.reply({}, 205)).toThrow(TypeError);
    expect(() => shop.reply({}, 200.5)).toThrow(TypeError);
    expect(() => shop.reply(undefined)).toThrow(TypeError);
    expect(() => shop.reply(() => 1)).toThrow(TypeError);
    expect(shop.reply('ok').json).toBe('"ok"');
  });
});
