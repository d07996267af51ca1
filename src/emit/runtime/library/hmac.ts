/** `runtime/hmac.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const HMAC_MODULE = `/**
 * HMAC with what the platform has: Node's \`crypto\` when present (found with
 * \`process.getBuiltinModule\`, so no import ties the module to Node), Web Crypto otherwise.
 */
import { concat } from './bytes.js';

/** The hash under the HMAC. */
export type HmacAlgorithm = 'sha256' | 'sha512';

interface NodeHmac {
  update(data: Uint8Array): NodeHmac;
  digest(): Uint8Array;
}

interface NodeCrypto {
  createHmac(algorithm: string, key: Uint8Array): NodeHmac;
}

interface WebSubtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'HMAC'; hash: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

interface Host {
  readonly process?: { readonly getBuiltinModule?: (id: string) => unknown };
  readonly crypto?: { readonly subtle?: WebSubtle };
}

const host = globalThis as unknown as Host;
const nodeCrypto = host.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * The HMAC of the parts, one after another, keyed with \`key\`: the bytes themselves with Node's
 * crypto (no promise to wait for), a promise of them with Web Crypto.
 */
export function hmac(algorithm: HmacAlgorithm, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array | Promise<Uint8Array> {
  if (nodeCrypto === undefined) return webHmac(algorithm, key, parts);
  const mac = nodeCrypto.createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

async function webHmac(algorithm: HmacAlgorithm, key: Uint8Array, parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const subtle = host.crypto?.subtle;
  if (subtle === undefined) throw new Error('neither node:crypto nor Web Crypto is available');
  const hash = algorithm === 'sha256' ? 'SHA-256' : 'SHA-512';
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, concat(parts)));
}
`;
