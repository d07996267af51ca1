/** `runtime/bytes.ts` of every catalog's runtime, copied as is (no catalog data in it). */
// biome-ignore format: the text of a module, kept as written
export const BYTES_MODULE = `/** Bytes and text with Web APIs only (no Buffer), so the runtime runs on Node and in fetch runtimes alike. */

/** A delivery body exactly as received: the bytes, or their UTF-8 text. */
export type RawBody = string | Uint8Array;

interface WebText {
  readonly TextEncoder: new () => { encode(input: string): Uint8Array };
  readonly TextDecoder: new () => { decode(input: Uint8Array): string };
  atob(data: string): string;
  btoa(data: string): string;
}

const web = globalThis as unknown as WebText;
const encoder = new web.TextEncoder();
const decoder = new web.TextDecoder();

/** UTF-8 bytes of \`text\`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The body as bytes (an \`ArrayBuffer\`, which plain JavaScript may pass, read as its bytes). */
export function bodyBytes(body: RawBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return (body as unknown) instanceof ArrayBuffer ? new Uint8Array(body as unknown as ArrayBuffer) : body;
}

/** The body as text (UTF-8), without a leading byte order mark: the decoder drops one from bytes,
 * and JSON allows a parser to ignore it, so text and bytes read alike. */
export function bodyText(body: RawBody): string {
  return typeof body === 'string' ? body.replace(/^\uFEFF/, '') : decoder.decode(body);
}

/** The parts one after another. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}

/** The value of one hex digit (its character code), or -1. */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Bytes of a hex text; undefined when it is not hex. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = nibble(hex.charCodeAt(2 * i));
    const low = nibble(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    bytes[i] = high * 16 + low;
  }
  return bytes;
}

/** Standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return web.btoa(binary);
}

/** Bytes of a standard base64 text; undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    const binary = web.atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Whether \`a\` and \`b\` hold the same bytes, in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
`;
