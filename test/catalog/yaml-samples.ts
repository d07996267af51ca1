/** YAML texts for the tests that hold the fast path to the full parser: the seed catalogs, the
 * fixtures, and data written by three YAML writers in many styles (fast-check arbitraries). */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const info = lstatSync(full);
    if (info.isSymbolicLink()) return [];
    if (info.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** Every YAML file of the seed catalogs and the test fixtures, as text (BOM removed). */
export function repositoryYaml(): { file: string; text: string }[] {
  return [...yamlFiles('catalog'), ...yamlFiles('test/fixtures')].map((file) => ({ file, text: readFileSync(file, 'utf8').replace(/^\ufeff/, '') }));
}

export const trickyText = fc.constantFrom(
  'true',
  'False',
  'null',
  '~',
  'NULL',
  'yes',
  'no',
  '1',
  '-0',
  '007',
  '0o17',
  '0x1F',
  '1e3',
  '.5',
  '-.inf',
  '.NaN',
  '1_000',
  '2001-12-14',
  '12:30',
  '',
  ' ',
  'a b',
  ' lead',
  'trail ',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#x',
  '- x',
  '-x',
  '? x',
  '[x]',
  '{x: 1}',
  'a, b',
  "it's",
  'say "hi"',
  '\\',
  '\\n',
  '%x',
  '@x',
  '`x`',
  '!x',
  '&x',
  '*x',
  '|',
  '>',
  "'",
  '"',
  'ü õ ł é',
  '😀',
  'line\nbreak',
  'two\n\nlines',
  'tab\there',
  '\u0085',
  '\u2028',
  'x'.repeat(90),
  '__proto__x',
  '$ref',
  '#/schemas/Money',
  'https://a.example/x?y=1#z',
  'a -> b',
  'C#',
  'Remarque : texte',
  'Pourquoi ?',
);

const key = fc.oneof(
  fc.constantFrom('a', 'b', 'key', 'en', 'pt-BR', '$ref', '200', '2XX', 'x-foo', 'true', '1.0', 'a b', 'a:b', 'ü', 'events', 'payload'),
  trickyText,
);
const scalar = fc.oneof(
  trickyText,
  fc.string({ unit: fc.constantFrom(...'ab :#-\'"[]{},&*!|>?%@`\n\\ü'.split('')), maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { data } = fc.letrec((tie) => ({
  data: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('data'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('data'), { maxKeys: 4 }),
}));

/** Mapping keys and values of any kind, with tricky texts. */
export { key as yamlKey, data as yamlValue };

/** A top-level mapping of JSON-like data with tricky keys and values. */
export const yamlDocument = fc.dictionary(key, data, { minKeys: 1, maxKeys: 5 });

/** Writers in many styles, as people and tools write YAML. */
export const yamlWriters: ((value: Record<string, unknown>) => string)[] = [
  (v) => stringify(v),
  (v) => stringify(v, { collectionStyle: 'flow' }),
  (v) => stringify(v, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' }),
  (v) => stringify(v, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 20 }),
  (v) => stringify(v, { defaultStringType: 'BLOCK_FOLDED', lineWidth: 30, indentSeq: false, indent: 4 }),
  (v) => stringify(v, { defaultStringType: 'BLOCK_LITERAL', flowCollectionPadding: false }),
  (v) => dump(v, { lineWidth: 25 }),
  (v) => dump(v, { flowLevel: 1, quotingType: '"' }),
  (v) => dump(v, { noCompatMode: true, forceQuotes: true, indent: 3 }),
];

/** The text `writer` writes for `value`, or undefined when it cannot write it. */
export function written(value: Record<string, unknown>, writer: number): string | undefined {
  try {
    return yamlWriters[writer]!(value);
  } catch {
    return undefined;
  }
}

/** Every path to a node of `data`, the root first. */
export function dataPaths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(data)) data.forEach((item, i) => paths.push(...dataPaths(item, [...prefix, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) paths.push(...dataPaths(v, [...prefix, k]));
  return paths;
}
