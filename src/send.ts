/**
 * `hookcat send`: posts an event's example to a URL as the catalog's provider delivers it (the
 * envelope around the example, signed with the catalog's scheme), like the "test" action of a
 * webhook portal. Returns what happened; the CLI prints it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from './load.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { exampleDelivery } from './emit/delivery-example.js';
import { UsageError } from './usage-error.js';
import { findEvent } from './model/query.js';
import { signDelivery } from './send/sign.js';

export interface SendOptions {
  /** A catalog folder, or the id of a catalog in `catalogs`. */
  readonly catalog: string;
  /** The event key. */
  readonly event: string;
  readonly to: string;
  /** Needed when the catalog signs its deliveries. */
  readonly secret?: string | undefined;
  /** The example's name; default the event's first example. */
  readonly example?: string | undefined;
  /** Folder of catalogs, for a catalog given by id; default `catalog`. */
  readonly catalogs?: string | undefined;
  /** Unix seconds to sign; default now (an old one tests a receiver's tolerance). */
  readonly timestamp?: number | undefined;
}

export interface SendResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Why the delivery did not reach the receiver (no connection, no answer). */
  readonly failure?: string;
  /** Undefined when nothing was sent (the catalog has errors) or nothing came back. */
  readonly delivery?: {
    readonly example: string;
    readonly status: number;
    readonly statusText: string;
    readonly ms: number;
    readonly responseBody: string;
  };
}

/** How long `send` waits for an answer, as a provider would (then it gives up). */
const SEND_TIMEOUT_MS = 30_000;

async function catalogFolder(options: SendOptions): Promise<string> {
  const isFolder = await stat(options.catalog).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isFolder ? options.catalog : path.join(options.catalogs ?? 'catalog', options.catalog);
}

/** Loads the catalog, builds the delivery, signs it and posts it. Bad input is a `UsageError`. */
export async function sendEvent(options: SendOptions): Promise<SendResult> {
  const { catalog, diagnostics } = await loadCatalog(await catalogFolder(options));
  if (catalog === undefined || hasErrors(diagnostics)) return { diagnostics };
  const event = findEvent(catalog, options.event);
  if (event === undefined) throw new UsageError(`catalog ${catalog.id} has no event ${options.event}`);
  const example = options.example === undefined ? event.examples[0] : event.examples.find((e) => e.name === options.example);
  if (example === undefined) {
    const names = event.examples.map((e) => e.name).join(', ') || 'none';
    throw new UsageError(`event ${event.key} has no example ${options.example ?? ''} (examples: ${names})`);
  }
  const scheme = catalog.envelope.signature;
  if (scheme !== undefined && (options.secret === undefined || options.secret === ''))
    throw new UsageError(`catalog ${catalog.id} signs its deliveries: pass --secret`);
  let url: URL;
  try {
    url = new URL(options.to);
  } catch {
    throw new UsageError(`--to ${options.to} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--to ${options.to}: webhooks are delivered over http: or https:, not ${url.protocol}`);
  const delivery = exampleDelivery(catalog, event, example);
  const body = JSON.stringify(delivery.body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = scheme === undefined || options.secret === undefined ? {} : signDelivery(scheme, body, { secret: options.secret, timestamp });
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'hookcat-send', ...delivery.headers, ...signature },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const responseBody = await response.text();
    const ms = performance.now() - started;
    return { diagnostics, delivery: { example: example.name, status: response.status, statusText: response.statusText, ms, responseBody } };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { diagnostics, failure: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
