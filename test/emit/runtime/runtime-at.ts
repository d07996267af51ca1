/**
 * A catalog's generated runtime, written to a folder of its own and imported, for tests that
 * run it. Each folder is a fresh module instance, so a test can import one with a platform
 * feature removed (see `withoutNodeCrypto`).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../src/load.js';
import { runtimeFiles } from '../../../src/emit/runtime.js';
import { typescriptEmitter } from '../../../src/emit/typescript.js';
import { TIMESTAMPED_DEFAULTS } from '../../../src/model/signature.js';
import type { Catalog, SignatureScheme } from '../../../src/model/types.js';

/** Any catalog's runtime module has the API of the shop's; only the event types differ. */
export type Runtime = typeof import('../../../generated/shop/runtime.js');

/** The seed catalog `id`, loaded (it must have no errors). */
export async function seedCatalog(id: string): Promise<Catalog> {
  const { catalog, diagnostics } = await loadCatalog(`catalog/${id}`);
  if (catalog === undefined) throw new Error(`catalog ${id}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return catalog;
}

/** `catalog` signed with `scheme` instead of its own. */
export function withScheme(catalog: Catalog, scheme: SignatureScheme | undefined): Catalog {
  return { ...catalog, envelope: { ...catalog.envelope, signature: scheme } };
}

/** The types and runtime files of `catalog`, written under a new folder; returns the folder. */
export async function writeRuntime(catalog: Catalog): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `hookcat-runtime-${catalog.id}-`));
  for (const file of [...typescriptEmitter.emit(catalog, {}), ...runtimeFiles(catalog)]) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  return root;
}

/** The runtime of `catalog`, written and imported. */
export async function runtimeOf(catalog: Catalog): Promise<Runtime> {
  const root = await writeRuntime(catalog);
  return (await import(path.join(root, catalog.id, 'runtime.ts'))) as Runtime;
}

/** The runtime imported while `process.getBuiltinModule` is gone, as in a fetch runtime: it then signs with Web Crypto. */
export async function runtimeWithoutNodeCrypto(catalog: Catalog): Promise<Runtime> {
  const host = process as { getBuiltinModule?: unknown };
  const saved = host.getBuiltinModule;
  delete host.getBuiltinModule;
  try {
    return await runtimeOf(catalog);
  } finally {
    host.getBuiltinModule = saved;
  }
}

export const DESCRIPTION = { en: { text: '', fallback: false } };

/** The schemes a catalog can declare, one of each form. */
export const SCHEMES: Readonly<Record<string, SignatureScheme>> = {
  'standard-webhooks': {
    kind: 'standard-webhooks',
    tolerance: 300,
    headers: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
    description: DESCRIPTION,
  },
  'standard-webhooks (Svix headers)': {
    kind: 'standard-webhooks',
    tolerance: 300,
    headers: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
    description: DESCRIPTION,
  },
  'hmac hex': { kind: 'hmac', header: 'X-Hub-Signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', description: DESCRIPTION },
  'hmac sha512 base64': { kind: 'hmac', header: 'X-Signature', algorithm: 'sha512', encoding: 'base64', prefix: '', description: DESCRIPTION },
  'timestamped (Stripe)': {
    kind: 'timestamped',
    header: 'Stripe-Signature',
    timestampHeader: undefined,
    ...TIMESTAMPED_DEFAULTS,
    prefix: '',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description: DESCRIPTION,
  },
  'timestamped (own header)': {
    kind: 'timestamped',
    header: 'Kramik-Signature',
    timestampHeader: 'Kramik-Timestamp',
    ...TIMESTAMPED_DEFAULTS,
    prefix: '',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description: DESCRIPTION,
  },
  // X-Slack-Request-Timestamp: <ts>, X-Slack-Signature: v0=<hex>, HMAC-SHA256 of `v0:<ts>:<body>`.
  'timestamped (Slack)': {
    kind: 'timestamped',
    header: 'X-Slack-Signature',
    timestampHeader: 'X-Slack-Request-Timestamp',
    ...TIMESTAMPED_DEFAULTS,
    signedPayload: 'v0:{timestamp}:{body}',
    prefix: 'v0=',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description: DESCRIPTION,
  },
  // x-zm-request-timestamp: <ts>, x-zm-signature: v0=<hex>, HMAC-SHA256 of `v0:<ts>:<body>`.
  'timestamped (Zoom)': {
    kind: 'timestamped',
    header: 'x-zm-signature',
    timestampHeader: 'x-zm-request-timestamp',
    ...TIMESTAMPED_DEFAULTS,
    signedPayload: 'v0:{timestamp}:{body}',
    prefix: 'v0=',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description: DESCRIPTION,
  },
  // Paddle-Signature: ts=<ts>;h1=<hex>[;h1=<hex>], HMAC-SHA256 of `<ts>:<body>`.
  'timestamped (Paddle)': {
    kind: 'timestamped',
    header: 'Paddle-Signature',
    timestampHeader: undefined,
    signedPayload: '{timestamp}:{body}',
    prefix: '',
    timestampKey: 'ts',
    signatureKey: 'h1',
    separator: ';',
    algorithm: 'sha256',
    encoding: 'hex',
    tolerance: 300,
    description: DESCRIPTION,
  },
};
