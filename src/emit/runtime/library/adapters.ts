/** `runtime/adapters.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const ADAPTERS_MODULE = `/**
 * Receivers for Node's \`http\`, Express, Fastify and fetch-style runtimes around one \`receive\`
 * function (the catalog's \`createReceiver\`). Each answers 204 when the delivery was handled (or
 * what the handler returned with \`reply\`), the error's status with \`{ error, message, pointer? }\`
 * for a refused delivery (a \`WebhookError\`), and 500 when a handler failed. None of them imports
 * its framework: they are typed by shape.
 */
import { concat, utf8 } from './bytes.js';
import { WebhookError } from './errors.js';
import { headerValue, type HeadersInput } from './headers.js';

/** Verifies, parses and handles one delivery (see \`createReceiver\`). */
export type Receive = (rawBody: Uint8Array, headers: HeadersInput) => Promise<unknown>;

/** An answer to the sender. */
export interface Answer {
  readonly status: number;
  readonly body: string | undefined;
}

/**
 * What a handler returns when the sender waits for a body: a URL check or challenge, such as Zoom's
 * \`endpoint.url_validation\` (\`{ plainToken, encryptedToken }\`) or Slack's \`url_verification\`
 * (\`{ challenge }\`). The adapters answer with its status and its body as JSON. Made by \`reply\`.
 */
export class Reply {
  readonly status: number;
  /** The body, as JSON text. */
  readonly json: string;

  // Fields written out, not as constructor parameters: TypeScript's \`erasableSyntaxOnly\` (and Node's type stripping) refuse those.
  private constructor(status: number, json: string) {
    this.status = status;
    this.json = json;
  }

  /** \`body\` as JSON, with a 2xx \`status\` (default 200). */
  static of(body: unknown, status = 200): Reply {
    // 204 and 205 carry no body (fetch's Response refuses one): a handler that returns nothing gets 204.
    if (!Number.isInteger(status) || status < 200 || status > 299 || status === 204 || status === 205) {
      throw new TypeError('a reply answers 200 to 299 with a body (not 204 or 205), not ' + status + ': refuse a delivery by throwing a WebhookError');
    }
    const json = JSON.stringify(body);
    if (typeof json !== 'string') throw new TypeError('a reply needs a body JSON can write, not ' + typeof body);
    return new Reply(status, json);
  }
}

/** The answer a handler gives instead of the adapters' 204: \`return reply({ challenge: event.challenge })\`. */
export function reply(body: unknown, status = 200): Reply {
  return Reply.of(body, status);
}

/** The answer to a delivery: run \`receive\` and turn what happened into a status and a body. */
export async function answer(receive: Receive, rawBody: Uint8Array, headers: HeadersInput): Promise<Answer> {
  try {
    const handled = await receive(rawBody, headers);
    if (handled instanceof Reply) return { status: handled.status, body: handled.json };
    return { status: 204, body: undefined };
  } catch (error) {
    if (!(error instanceof WebhookError)) return { status: 500, body: JSON.stringify({ error: 'handler_failed' }) };
    const pointer = (error as { readonly pointer?: unknown }).pointer;
    return { status: error.status, body: JSON.stringify({ error: error.code, name: error.name, message: error.message, ...(typeof pointer === 'string' ? { pointer } : {}) }) };
  }
}

/** What the Node adapters need of \`http.IncomingMessage\`. */
export interface NodeRequest {
  readonly headers: HeadersInput;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/** What the Node adapters need of \`http.ServerResponse\` (Express's \`res\` is one). */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

function send(res: NodeResponse, result: Answer): void {
  res.statusCode = result.status;
  if (result.body === undefined) {
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(result.body);
}

/** Options of the adapters that read the body themselves (\`nodeListener\`, \`fetchHandler\`). */
export interface BodyOptions {
  /**
   * Largest body taken, in bytes (default 25 MiB, GitHub's cap on a delivery); a larger one is
   * answered 413 and never held in memory. One whose \`content-length\` says so is answered
   * unread; otherwise the bytes past the limit are dropped as they arrive.
   */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;

function bodyLimit(options: BodyOptions): number {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(limit >= 0)) throw new TypeError('maxBodyBytes must be a number of bytes, 0 or more, not ' + limit);
  return limit;
}

function tooLarge(limit: number): Answer {
  return { status: 413, body: JSON.stringify({ error: 'payload_too_large', message: 'the body is larger than ' + limit + ' bytes' }) };
}

/** Whether a \`content-length\` header declares more than \`limit\` bytes. */
function declaresMore(contentLength: string | null | undefined, limit: number): boolean {
  return contentLength != null && /^[0-9]+$/.test(contentLength) && Number(contentLength) > limit;
}

/**
 * The body's bytes, or undefined when they pass \`limit\`. The rest is read and dropped rather than
 * left unread: ending the loop early would destroy the request, and the socket with it, before the
 * 413 is sent.
 */
async function readBody(req: NodeRequest, limit: number): Promise<Uint8Array | undefined> {
  let chunks: Uint8Array[] | undefined = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<unknown>) {
    const bytes = chunk instanceof Uint8Array ? chunk : utf8(String(chunk));
    length += bytes.length;
    if (length > limit) chunks = undefined;
    else chunks?.push(bytes);
  }
  return chunks === undefined ? undefined : concat(chunks);
}

/** A listener for \`http.createServer\`: reads the raw body itself, at most \`maxBodyBytes\`. */
export function nodeListener(receive: Receive, options: BodyOptions = {}): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  const limit = bodyLimit(options);
  return async (req, res) => {
    if (declaresMore(headerValue(req.headers, 'content-length'), limit)) {
      // Answered before the body is read; closing the connection spares reading it at all.
      res.setHeader('connection', 'close');
      send(res, tooLarge(limit));
      return;
    }
    let body: Uint8Array | undefined;
    try {
      body = await readBody(req, limit);
    } catch {
      // The client hung up mid-body (\`aborted\`): nobody is left to answer, and a rejection
      // here would end the server's process (Node does not catch what a listener's promise throws).
      return;
    }
    send(res, body === undefined ? tooLarge(limit) : await answer(receive, body, req.headers));
  };
}

/** Express middleware; mount \`express.raw()\` (with a \`type\` that matches the sender's content type) before it so that \`req.body\` holds the raw bytes. */
export function expressHandler(receive: Receive): (req: { readonly body?: unknown; readonly headers: HeadersInput }, res: NodeResponse) => Promise<void> {
  return async (req, res) => {
    if (!(req.body instanceof Uint8Array)) {
      send(res, { status: 500, body: JSON.stringify({ error: 'raw_body_missing', message: 'mount express.raw() before the webhook handler' }) });
      return;
    }
    send(res, await answer(receive, req.body, req.headers));
  };
}

/** What the Fastify adapter needs of \`FastifyReply\`. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(body?: string): unknown;
}

/** A Fastify route handler; register a content-type parser with \`parseAs: 'buffer'\` so that \`request.body\` holds the raw bytes. */
export function fastifyHandler(receive: Receive): (request: { readonly body?: unknown; readonly headers: HeadersInput }, reply: FastifyReplyLike) => Promise<void> {
  return async (request, reply) => {
    const result =
      request.body instanceof Uint8Array
        ? await answer(receive, request.body, request.headers)
        : { status: 500, body: JSON.stringify({ error: 'raw_body_missing', message: "add a content-type parser with parseAs: 'buffer'" }) };
    if (result.body === undefined) reply.code(result.status).send();
    else reply.code(result.status).header('content-type', 'application/json').send(result.body);
  };
}

/** What the fetch adapter needs of a \`Request\`. */
export interface FetchRequest {
  readonly headers: { get(name: string): string | null };
  /** The body as a stream (a \`ReadableStream\`), read up to the limit; without it the body is taken whole. */
  readonly body?: ByteStream | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the fetch adapter needs of a \`ReadableStream\` of bytes (typed by shape: no DOM library needed). */
export interface ByteStream {
  getReader(): { read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>; cancel(): Promise<void> };
}

/** The body's bytes, or undefined as soon as they pass \`limit\` (the stream is then cancelled). */
async function readFetchBody(request: FetchRequest, limit: number): Promise<Uint8Array | undefined> {
  if (declaresMore(request.headers.get('content-length'), limit)) return undefined;
  if (request.body == null) {
    const whole = new Uint8Array(await request.arrayBuffer());
    return whole.length > limit ? undefined : whole;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) return concat(chunks);
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

interface ResponseConstructor<T> {
  new (body: string | null, init: { status: number; headers?: Record<string, string> }): T;
}

/**
 * A fetch handler (\`Request\` in, \`Response\` out) for Deno, Bun, Cloudflare Workers, Next.js route
 * handlers and Node's own fetch types. A body longer than \`maxBodyBytes\` is answered 413: unread
 * when its \`content-length\` says so, its stream cancelled at the limit otherwise.
 */
export function fetchHandler<T = unknown>(receive: Receive, options: BodyOptions = {}): (request: FetchRequest) => Promise<T> {
  const Response = (globalThis as unknown as { Response: ResponseConstructor<T> }).Response;
  const limit = bodyLimit(options);
  return async (request) => {
    const body = await readFetchBody(request, limit);
    const result = body === undefined ? tooLarge(limit) : await answer(receive, body, request.headers);
    return result.body === undefined ? new Response(null, { status: result.status }) : new Response(result.body, { status: result.status, headers: { 'content-type': 'application/json' } });
  };
}
`;
