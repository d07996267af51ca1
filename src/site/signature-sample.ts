/**
 * A receiver's check of a delivery's signature, as TypeScript on Node's `crypto`, made from the
 * catalog's signature scheme: which headers to read, what is signed, with which MAC, in which
 * encoding, and how old a timestamp may be. The docs site shows it on each catalog's signature
 * page; it needs nothing but Node (the generated runtime's `verify` does the same and more).
 * Every value from the catalog reaches the code as a JSON string or a number.
 */
import { signedAroundTimestamp } from '../model/signature.js';
import type { HmacScheme, SignatureScheme, StandardWebhooksScheme, TimestampedScheme } from '../model/types.js';

const IMPORT = "import { createHmac, timingSafeEqual } from 'node:crypto';";
const SIGNATURE = 'export function verifyWebhook(rawBody: string, headers: Record<string, string | undefined>, secret: string): boolean {';
/** Compares a digest given in a header with the one computed, in constant time. */
const SAME = [
  '',
  '/** Whether `given` (as the header writes it) is the digest `expected`, compared in constant time. */',
  "function same(given: string, expected: Buffer, encoding: 'hex' | 'base64'): boolean {",
  '  const bytes = Buffer.from(given, encoding);',
  '  return bytes.length === expected.length && timingSafeEqual(bytes, expected);',
  '}',
];

/** A header as Node's `http` hands it over: its name in lower case. */
function header(name: string): string {
  return `headers[${JSON.stringify(name.toLowerCase())}]`;
}

function standardWebhooks(scheme: StandardWebhooksScheme): string[] {
  const names = scheme.headers;
  return [
    IMPORT,
    '',
    '/** Standard Webhooks: an HMAC-SHA256 of `<id>.<timestamp>.<body>`, keyed with the secret after `whsec_` (base64). */',
    SIGNATURE,
    `  const id = ${header(names.id)};`,
    `  const timestamp = ${header(names.timestamp)};`,
    `  const signatures = ${header(names.signature)};`,
    '  if (id === undefined || timestamp === undefined || signatures === undefined) return false;',
    `  if (!(Math.abs(Date.now() / 1000 - Number(timestamp)) <= ${scheme.tolerance})) return false;`,
    "  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');",
    "  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest();",
    '  // One `v1,<base64>` per secret the sender signs with, separated by spaces.',
    "  return signatures.split(' ').some((signature) => signature.startsWith('v1,') && same(signature.slice(3), expected, 'base64'));",
    '}',
    ...SAME,
  ];
}

function hmac(scheme: HmacScheme): string[] {
  const prefix = JSON.stringify(scheme.prefix);
  return [
    IMPORT,
    '',
    `/** An HMAC-${scheme.algorithm.toUpperCase()} of the raw body, keyed with the secret, in ${scheme.encoding}${scheme.prefix === '' ? '' : ' after a prefix'}. */`,
    SIGNATURE,
    `  const signature = ${header(scheme.header)};`,
    ...(scheme.prefix === ''
      ? ['  if (signature === undefined) return false;']
      : [`  if (signature === undefined || !signature.startsWith(${prefix})) return false;`]),
    `  const expected = createHmac(${JSON.stringify(scheme.algorithm)}, secret).update(rawBody).digest();`,
    `  return same(${scheme.prefix === '' ? 'signature' : `signature.slice(${prefix}.length)`}, expected, ${JSON.stringify(scheme.encoding)});`,
    '}',
    ...SAME,
  ];
}

/** Text inside a template literal: JSON's escapes, and `` ` `` and `$` escaped too, so that it stays data. */
function templateText(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[`$]/g, (character) => `\\${character}`);
}

function timestamped(scheme: TimestampedScheme): string[] {
  const algorithm = JSON.stringify(scheme.algorithm);
  const encoding = JSON.stringify(scheme.encoding);
  const [before, between] = signedAroundTimestamp(scheme.signedPayload);
  const signed = JSON.stringify(`${before}<timestamp>${between}<body>`).slice(1, -1).replaceAll('*/', '*\\/');
  const prefix = JSON.stringify(scheme.prefix);
  const key = (name: string): string => `name === ${JSON.stringify(name)}`;
  const read =
    scheme.timestampHeader === undefined
      ? [
          `  const signature = ${header(scheme.header)};`,
          '  if (signature === undefined) return false;',
          `  // \`${scheme.timestampKey}=<timestamp>${scheme.separator}${scheme.signatureKey}=<digest>\`, with one \`${scheme.signatureKey}\` per secret the sender signs with.`,
          `  const pairs = signature.split(${JSON.stringify(scheme.separator)}).filter((pair) => pair.includes('=')).map((pair) => [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()]);`,
          `  // Of several \`${scheme.timestampKey}\`, the last one counts.`,
          `  const timestamp = pairs.filter(([name]) => ${key(scheme.timestampKey)}).at(-1)?.[1];`,
          `  const digests = pairs.filter(([name]) => ${key(scheme.signatureKey)}).map(([, digest]) => digest ?? '');`,
          '  if (timestamp === undefined) return false;',
        ]
      : [
          `  const timestamp = ${header(scheme.timestampHeader)};`,
          `  const signature = ${header(scheme.header)};`,
          ...(scheme.prefix === ''
            ? ['  if (timestamp === undefined || signature === undefined) return false;', '  const digests = [signature];']
            : [
                `  if (timestamp === undefined || signature === undefined || !signature.startsWith(${prefix})) return false;`,
                `  const digests = [signature.slice(${prefix}.length)];`,
              ]),
        ];
  return [
    IMPORT,
    '',
    `/** An HMAC-${scheme.algorithm.toUpperCase()} of \`${signed}\`, keyed with the secret, in ${scheme.encoding}${scheme.prefix === '' ? '' : ' after a prefix'}. */`,
    SIGNATURE,
    ...read,
    `  if (!(Math.abs(Date.now() / 1000 - Number(timestamp)) <= ${scheme.tolerance})) return false;`,
    `  const expected = createHmac(${algorithm}, secret).update(\`${templateText(before)}\${timestamp}${templateText(between)}\${rawBody}\`).digest();`,
    `  return digests.some((digest) => same(digest, expected, ${encoding}));`,
    '}',
    ...SAME,
  ];
}

/** The TypeScript that checks a delivery signed under `scheme`: `verifyWebhook(rawBody, headers, secret)`. */
export function signatureSample(scheme: SignatureScheme): string {
  const lines = scheme.kind === 'standard-webhooks' ? standardWebhooks(scheme) : scheme.kind === 'hmac' ? hmac(scheme) : timestamped(scheme);
  return `${lines.join('\n')}\n`;
}
