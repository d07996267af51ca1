/**
 * Reading an OpenAPI 3.0 or 3.1 document: its webhooks (`webhooks` in 3.1, `x-webhooks` in 3.0)
 * as operations, with local `$ref`s followed (path items, request bodies, parameters, examples).
 * OpenAPI 3.1 §4.8.1 (webhooks), §4.8.12 (parameters, `in: header`), §4.8.13 (request body).
 */
import { isObject } from '../catalog/schema-walk.js';
import { pointer, type ImportProblems } from './problems.js';
import { pointerToken } from './uri.js';

export type Json = Record<string, unknown>;

/** One webhook operation: what a delivery of one event looks like. */
export interface WebhookOperation {
  readonly webhook: string;
  readonly method: string;
  readonly operation: Json;
  /** JSON Pointer of the operation. */
  readonly at: string;
  /** Header parameters (path item's and operation's), by name as written. */
  readonly headers: readonly Json[];
  /** The JSON media type object of the request body, if any. */
  readonly media: Json | undefined;
  readonly mediaAt: string;
}

const METHODS = ['post', 'put', 'patch', 'get', 'delete', 'head', 'options', 'trace'];

/** The value a local `$ref` (`#/a/b`) points at, following chains; undefined when it does not resolve. */
export function resolveLocal(document: Json, value: unknown, seen = 0): unknown {
  if (!isObject(value) || typeof value['$ref'] !== 'string' || seen > 32) return value;
  const ref = value['$ref'];
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    const name = pointerToken(token);
    if (name === undefined || !isObject(node) || !Object.hasOwn(node, name)) return undefined;
    node = node[name];
  }
  return resolveLocal(document, node, seen + 1);
}

/** The webhooks object of the document and its JSON Pointer. */
export function webhooksOf(document: Json): { readonly webhooks: Json; readonly at: string } | undefined {
  for (const field of ['webhooks', 'x-webhooks']) {
    const webhooks = document[field];
    if (isObject(webhooks)) return { webhooks, at: pointer(field) };
  }
  return undefined;
}

/** Every operation of every webhook, in document order; a webhook with none is a problem (HI101). */
export function webhookOperations(document: Json, webhooks: Json, at: string, problems: ImportProblems): WebhookOperation[] {
  const operations: WebhookOperation[] = [];
  for (const [webhook, raw] of Object.entries(webhooks)) {
    const item = resolveLocal(document, raw);
    const found = operations.length;
    if (isObject(item)) addOperations(document, webhook, item, at, operations);
    if (operations.length === found)
      problems.warn('HI101', `${at}${pointer(webhook)}`, `\`${webhook}\` is not a path item with an operation (\`post\` ...): left out`);
  }
  return operations;
}

function addOperations(document: Json, webhook: string, item: Json, at: string, operations: WebhookOperation[]): void {
  for (const method of METHODS) {
    const operation = item[method];
    if (!isObject(operation)) continue;
    const opAt = `${at}${pointer(webhook, method)}`;
    // An operation's parameter overrides the path item's of the same name (OpenAPI 3.1 §4.8.10.1);
    // header names are read without letter case.
    const headers = new Map<string, Json>();
    for (const parameter of [...asList(item['parameters']), ...asList(operation['parameters'])].map((p) => resolveLocal(document, p)))
      if (isObject(parameter) && parameter['in'] === 'header' && typeof parameter['name'] === 'string') headers.set(parameter['name'].toLowerCase(), parameter);
    const parameters = [...headers.values()];
    const body = resolveLocal(document, operation['requestBody']);
    const content = isObject(body) && isObject(body['content']) ? body['content'] : {};
    // Media types are read without letter case (RFC 9110 §8.3.1): `Application/JSON` is JSON.
    const type = Object.keys(content).find((t) => t.toLowerCase() === 'application/json') ?? Object.keys(content).find((t) => /[/+]json\b/i.test(t));
    const media = type === undefined ? undefined : content[type];
    operations.push({
      webhook,
      method,
      operation,
      at: opAt,
      headers: parameters,
      media: isObject(media) ? media : undefined,
      mediaAt: `${opAt}/requestBody/content${pointer(type ?? 'application/json')}`,
    });
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether a header name says it names the event (`X-GitHub-Event`, `X-Event-Type`, `X-Shopify-Topic`). */
export function namesEventType(header: string): boolean {
  return /(^|-)(event|event-type|event-name|topic)$/i.test(header);
}

/** The header that names the event: one every operation has, named like one. */
export function typeHeaderOf(operations: readonly WebhookOperation[]): string | undefined {
  const first = operations[0];
  if (first === undefined) return undefined;
  return first.headers
    .map((h) => String(h['name']))
    .find((name) => namesEventType(name) && operations.every((op) => op.headers.some((h) => String(h['name']).toLowerCase() === name.toLowerCase())));
}
