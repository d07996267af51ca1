/** The format check of one file: each departure from schema.json as one diagnostic at the offending node. */
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../src/catalog/parse.js';
import { checkFileSchema, describePath, FULL_REPORT_MAX_NODES } from '../../src/catalog/schema-check.js';

/** Each diagnostic of the file as `line:column code message (hint)`; all are errors in f.yaml. */
function check(text: string): string[] {
  const { file, diagnostics } = parseCatalogFile(text, 'f.yaml', 'f.yaml');
  expect(diagnostics).toEqual([]);
  const found = checkFileSchema(file);
  expect(found.filter((d) => d.severity !== 'error' || d.file !== 'f.yaml')).toEqual([]);
  return found.map((d) => `${d.line}:${d.column} ${d.code} ${d.message} (${d.hint})`);
}

/** A metadata block with `extra` added after its required properties. */
function catalog(extra = ''): string {
  return `catalog:\n  id: shop\n  version: '1'\n  locales: [en]\n  sourceLocale: en\n  title: Shop\n${extra}`;
}

const EVENT_KEY_RULE =
  'Letters and digits, with one of `.`, `/`, `:`, `-`, `_` between them, in any case, as providers write keys (`order.created`, `PAYMENT.CAPTURE.COMPLETED`, `orders/create`, `repo:push`, `memberJoined`): no spaces, and no separator at either end or twice in a row.';
const LOCALE_RULE =
  'A BCP 47 language tag in its canonical form, such as `en`, `pt-BR`, `es-419`, `sr-Latn`, `zh-Hant-TW`: the language in lower case, a script capitalized, a region in capitals or three digits.';
const SCHEMA_NAME_RULE = 'A letter, then letters, digits, `-` and `_`, as providers write them (`Money`, `installation-lite`, `simple_user`, `pullRequest`).';

describe('a file in the catalog format', () => {
  it('has no diagnostics', () => {
    expect(check(catalog('  annotations: [tsType]\n'))).toEqual([]);
  });

  it('is a mapping, not an empty file', () => {
    expect(check('')).toEqual(['1:1 HC202 the file must be a mapping, found nothing (write a mapping here)']);
  });
});

describe('properties (HC200, HC201)', () => {
  it('reports a missing required property at its mapping', () => {
    expect(check('events:\n  - key: a.b\n    category: c\n    title: T\n    payload: {}\n')).toEqual([
      '2:5 HC200 events[0] is missing the required property `description` (add `description`)',
    ]);
  });

  it('reports an unknown property at its name, with the close name written in another case', () => {
    expect(check(catalog('  SOURCELOCALE: en\n  idd: x\n  titel: x\n'))).toEqual([
      '7:3 HC201 unknown property `SOURCELOCALE` in catalog (did you mean `sourceLocale`?)',
      '8:3 HC201 unknown property `idd` in catalog (did you mean `id`?)',
      '9:3 HC201 unknown property `titel` in catalog (did you mean `title`?)',
    ]);
  });

  it('lists the allowed names when none is close', () => {
    expect(check('a/b~c: 1\n')).toEqual([
      '1:1 HC201 unknown property `a/b~c` in the file (allowed here: catalog, envelope, subscriptions, categories, schemas, events)',
    ]);
  });
});

describe('types (HC202)', () => {
  it('names the kind expected and the kind found', () => {
    const titles = ['5', '[x]', 'null', 'true'].map((title) => check(`categories:\n  - id: c\n    title: ${title}\n    description: D\n`)[0]);
    const expected = (found: string) => `3:12 HC202 categories[0].title must be a string or a mapping, found ${found} (write a string or a mapping here)`;
    expect(titles).toEqual([expected('a number'), expected('a list'), expected('null'), expected('a boolean')]);
    expect(check('events: {}\n')).toEqual(['1:9 HC202 events must be a list, found a mapping (write a list here)']);
    expect(check('categories: [x]\n')).toEqual(['1:14 HC202 categories[0] must be a mapping, found a string (write a mapping here)']);
    expect(check(catalog('  annotations: [1]\n'))).toEqual(['7:17 HC202 catalog.annotations[0] must be a string, found a number (write a string here)']);
    expect(check('envelope: { signature: { scheme: timestamped, header: X-Sig, timestampHeader: X-T, tolerance: soon } }\n')).toEqual([
      '1:95 HC202 envelope.signature.tolerance must be an integer, found a string (write an integer here)',
    ]);
  });

  it('names each kind of a union, true or false among them', () => {
    expect(check('events:\n  - { key: a.b, category: c, title: T, description: D, payload: {}, deprecated: 5 }\n')).toEqual([
      '2:81 HC202 events[0].deprecated must be true or false or a mapping, found a number (write true or false or a mapping here)',
    ]);
    expect(check('envelope: { batch: { properties: { total: 5 } } }\n')).toEqual([
      '1:43 HC202 envelope.batch.properties.total must be a mapping or true or false, found a number (write a mapping or true or false here)',
    ]);
  });

  it('points at a value under a name with `/`, `~` or digits', () => {
    expect(check('schemas:\n  Money1: 5\n  "a/b": 5\n  "c~d": 5\n  1x: 5\n  "007": 5\n')).toEqual([
      `3:3 HC203 the name \`a/b\` in schemas is not allowed (${SCHEMA_NAME_RULE})`,
      `4:3 HC203 the name \`c~d\` in schemas is not allowed (${SCHEMA_NAME_RULE})`,
      `5:3 HC203 the name \`1x\` in schemas is not allowed (${SCHEMA_NAME_RULE})`,
      `6:3 HC203 the name \`007\` in schemas is not allowed (${SCHEMA_NAME_RULE})`,
      '2:11 HC202 schemas.Money1 must be a mapping or true or false, found a number (write a mapping or true or false here)',
      '3:10 HC202 schemas.a/b must be a mapping or true or false, found a number (write a mapping or true or false here)',
      '4:10 HC202 schemas.c~d must be a mapping or true or false, found a number (write a mapping or true or false here)',
      '5:7 HC202 schemas.1x must be a mapping or true or false, found a number (write a mapping or true or false here)',
      '6:10 HC202 schemas.007 must be a mapping or true or false, found a number (write a mapping or true or false here)',
    ]);
  });

  it('points inside the list item the path numbers', () => {
    const events = Array.from({ length: 12 }, (_, i) => {
      const deprecated = i === 3 || i === 11 ? ', deprecated: { x: 1 }' : '';
      return `  - { key: k${i}, category: c, title: T, description: D, payload: {}${deprecated} }\n`;
    });
    expect(check(`events:\n${events.join('')}`)).toEqual([
      '5:82 HC201 unknown property `x` in events[3].deprecated (allowed here: since, reason, replacement)',
      '13:83 HC201 unknown property `x` in events[11].deprecated (allowed here: since, reason, replacement)',
    ]);
  });
});

describe('values (HC203, HC308)', () => {
  it('lists the allowed values of an enum', () => {
    expect(check(catalog('  missingTranslation: sometimes\n'))).toEqual([
      '7:23 HC203 catalog.missingTranslation is `"sometimes"`, which is not one of the allowed values (use one of: warn, error)',
    ]);
  });

  it('explains each rule a value breaks', () => {
    const file = `${catalog('  package: { license: "" }\n  description: {}\n')}subscriptions:
  path: /hooks
  title: T
  description: D
  targets: []
  secret: { description: D, minLength: 0 }
envelope:
  required: [id, id]
  signature: { scheme: hmac, header: X-Sig, tolerance: 700000 }
`;
    expect(check(file)).toEqual([
      '8:16 HC203 catalog.description has the value `{}`, which is not allowed (give at least 1 entry(ies))',
      '7:23 HC203 catalog.package.license has the value `""`, which is not allowed (it must not be empty)',
      '16:13 HC203 envelope.required has the value `["id","id"]`, which is not allowed (items 0 and 1 are the same; remove one)',
      "17:45 HC203 envelope.signature.tolerance does not apply here (remove it; Seconds a signed timestamp may differ from the receiver's clock (standard-webhooks, timestamped); default 300.)",
      '13:12 HC203 subscriptions.targets has the value `[]`, which is not allowed (give at least 1 item(s))',
      '14:40 HC203 subscriptions.secret.minLength has the value `0`, which is not allowed (it must be at least 1)',
    ]);
  });

  it('names two same items first to last, whatever the type of the items', () => {
    const file = `${catalog().replace('locales: [en]', 'locales: [en, fr, en]')}envelope: { required: [id, x, id] }\n`;
    expect(check(file)).toEqual([
      '4:12 HC203 catalog.locales has the value `["en","fr","en"]`, which is not allowed (items 0 and 2 are the same; remove one)',
      '7:23 HC203 envelope.required has the value `["id","x","id"]`, which is not allowed (items 0 and 2 are the same; remove one)',
    ]);
  });

  it('gives the description of a rule that has one', () => {
    expect(check('envelope: { signature: { scheme: timestamped, header: X-Sig, timestampHeader: X-T, tolerance: 700000 } }\n')).toEqual([
      "1:95 HC203 envelope.signature.tolerance has the value `700000`, which is not allowed (Seconds a signed timestamp may differ from the receiver's clock (standard-webhooks, timestamped); default 300.)",
    ]);
    expect(check(catalog().replace('id: shop', 'id: EN'))).toEqual([
      '2:7 HC203 catalog.id has the value `"EN"`, which is not allowed (A lower-case identifier: letters, digits, `-` or `_` between them.)',
    ]);
  });

  it('gives the description of a pattern, or the pattern itself when it has none', () => {
    expect(check(catalog('  docsUrl: ftp://x\n'))[0]).toMatch(
      /^7:12 HC203 catalog.docsUrl has the value `"ftp:\/\/x"`, which is not allowed \(Base URL of the published docs/,
    );
    expect(check('envelope: { properties: { 1x: {} } }\n')).toEqual([
      '1:27 HC203 the name `1x` in envelope.properties is not allowed (it must match ^[A-Za-z_][A-Za-z0-9_]*$)',
    ]);
  });

  it('reports a broken event key as HC308, with the key syntax', () => {
    expect(check('events:\n  - { key: order..created, category: c, title: T, description: D, payload: {} }\n')).toEqual([
      `2:12 HC308 events[0].key has the value \`"order..created"\`, which is not allowed (${EVENT_KEY_RULE})`,
    ]);
  });

  it('cuts a value longer than 60 characters short', () => {
    const previews = [57, 58].map((length) => {
      const found = check(`events:\n  - { key: ${'a'.repeat(length)}., category: c, title: T, description: D, payload: {} }\n`);
      return /has the value `(.*)`, which/.exec(found[0] ?? '')?.[1];
    });
    expect(previews).toEqual([`"${'a'.repeat(57)}."`, `"${'a'.repeat(56)}...`]);
  });
});

describe('locale tags (HC203)', () => {
  it('suggests the canonical form of a tag written in another case', () => {
    expect(check(catalog('  fallbackLocale: EN-u-CA-gregory\n'))).toEqual([
      '7:19 HC203 catalog.fallbackLocale has the value `"EN-u-CA-gregory"`, which is not allowed (write the canonical form `en-u-ca-gregory`)',
    ]);
    expect(check('categories:\n  - id: c\n    title: { zh-hant-tw: T }\n    description: D\n')).toEqual([
      '3:14 HC203 the name `zh-hant-tw` in categories[0].title is not allowed (write the canonical form `zh-Hant-TW`)',
    ]);
  });

  it('gives the rule for a tag whose canonical form breaks it too', () => {
    expect(check(catalog().replace('locales: [en]', 'locales: [en, root, ROOT]'))).toEqual([
      `4:17 HC203 catalog.locales[1] has the value \`"root"\`, which is not allowed (${LOCALE_RULE})`,
      `4:23 HC203 catalog.locales[2] has the value \`"ROOT"\`, which is not allowed (${LOCALE_RULE})`,
    ]);
  });

  it('gives the rule for a tag without a canonical form, and one diagnostic for a tag too long', () => {
    expect(check(catalog('  fallbackLocale: abcd\n'))).toEqual([
      `7:19 HC203 catalog.fallbackLocale has the value \`"abcd"\`, which is not allowed (${LOCALE_RULE})`,
    ]);
    expect(check(`${catalog()}categories:\n  - id: c\n    title: { i-klingon: T }\n    description: D\n`)).toEqual([
      `9:14 HC203 the name \`i-klingon\` in categories[0].title is not allowed (${LOCALE_RULE})`,
    ]);
    // The broken pattern, at the same place with the same message, is not reported again.
    expect(check(catalog(`  fallbackLocale: ${'a'.repeat(65)}\n`))).toEqual([
      `7:19 HC203 catalog.fallbackLocale has the value \`"${'a'.repeat(56)}...\`, which is not allowed (shorten it to at most 64 characters)`,
    ]);
  });
});

describe('large files', () => {
  /** A file of exactly `nodes` values (mappings, lists and scalars) with two errors. */
  function fileOf(nodes: number): string {
    const numbers = Array.from({ length: nodes - 6 }, (_, i) => i).join(',');
    return `schemas:\n  Codes: { enum: [${numbers}] }\nevents: 5\nenvelope: 5\n`;
  }

  it('count values, not characters, and take null as a value', () => {
    const file = `schemas:\n  Long: { description: ${'x'.repeat(FULL_REPORT_MAX_NODES)}, default: null }\nevents: 5\nenvelope: 5\n`;
    expect(check(file).map((d) => d.split(' ').slice(0, 3).join(' '))).toEqual(['4:11 HC202 envelope', '3:9 HC202 events']);
  });

  it('are reported in full up to the limit, and to their first error beyond it', () => {
    const envelope = '4:11 HC202 envelope must be a mapping, found a number (write a mapping here)';
    const events = '3:9 HC202 events must be a list, found a number (write a list here)';
    expect(check(fileOf(FULL_REPORT_MAX_NODES))).toEqual([envelope, events]);
    expect(check(fileOf(FULL_REPORT_MAX_NODES + 1))).toEqual([envelope]);
  });
});

describe('describePath', () => {
  it('writes a data path as the messages do', () => {
    expect(describePath([])).toBe('the file');
    expect(describePath(['events', 3, 'payload', 'properties'])).toBe('events[3].payload.properties');
    expect(describePath(['schemas', 'Money'])).toBe('schemas.Money');
  });
});

describe('the timestamped signature: what is signed, and how its header writes it', () => {
  const envelope = (signature: string): string => `envelope:\n  signature:\n${signature.replace(/^/gm, '    ')}\n`;
  const SIGNED_RULE =
    'timestamped only: what is signed, as text with `{timestamp}` and then `{body}`, each once, `{body}` last, and no other `{` or `}`; default `{timestamp}.{body}` (Stripe). Slack and Zoom sign `v0:{timestamp}:{body}`, Paddle `{timestamp}:{body}`.';

  it("takes Slack's, Zoom's and Paddle's blocks", () => {
    const slack =
      'scheme: timestamped\nheader: X-Slack-Signature\ntimestampHeader: X-Slack-Request-Timestamp\nprefix: v0=\nsignedPayload: "v0:{timestamp}:{body}"';
    const zoom = 'scheme: timestamped\nheader: x-zm-signature\ntimestampHeader: x-zm-request-timestamp\nprefix: v0=\nsignedPayload: "v0:{timestamp}:{body}"';
    const paddle = 'scheme: timestamped\nheader: Paddle-Signature\nsignedPayload: "{timestamp}:{body}"\ntimestampKey: ts\nsignatureKey: h1\nseparator: ";"';
    for (const block of [slack, zoom, paddle]) expect(check(envelope(block)), block).toEqual([]);
  });

  it.each([
    ['without {body}', '"v0:{timestamp}"'],
    ['without {timestamp}', '"{body}"'],
    ['with {body} before {timestamp}', '"{body}.{timestamp}"'],
    ['with text after {body}', '"{timestamp}.{body}."'],
    ['with {timestamp} twice', '"{timestamp}{timestamp}.{body}"'],
    ['with another placeholder', '"{id}.{timestamp}.{body}"'],
  ])('refuses a signedPayload %s at its value, with the rule', (_, value) => {
    expect(check(envelope(`scheme: timestamped\nheader: X-Sig\nsignedPayload: ${value}`))).toEqual([
      `5:20 HC203 envelope.signature.signedPayload has the value \`${JSON.stringify(JSON.parse(value))}\`, which is not allowed (${SIGNED_RULE})`,
    ]);
  });

  it('refuses the keys of one form of the header on the other, at the key', () => {
    expect(check(envelope('scheme: timestamped\nheader: X-Sig\ntimestampHeader: X-T\ntimestampKey: ts\nseparator: ";"'))).toEqual([
      '6:5 HC203 envelope.signature.timestampKey does not apply here (remove it; timestamped without `timestampHeader`: the key of the timestamp among the `key=value` items of the signature header; default `t` (Stripe), `ts` for Paddle.)',
      '7:5 HC203 envelope.signature.separator does not apply here (remove it; timestamped without `timestampHeader`: the character between the `key=value` items of the signature header, one of `,` `;` `&` `|` or a space; default `,` (Stripe), `;` for Paddle.)',
    ]);
    expect(check(envelope('scheme: timestamped\nheader: Stripe-Signature\nprefix: v1='))).toEqual([
      '5:5 HC203 envelope.signature.prefix does not apply here (remove it; hmac, and timestamped with `timestampHeader`: text before the digest, e.g. `sha256=`, or `v0=` (Slack, Zoom).)',
    ]);
  });

  it('refuses them on the other schemes and the old form', () => {
    const rule = (name: string) => `envelope.signature.${name} does not apply here`;
    const found = (block: string) => check(envelope(block)).map((line) => line.replace(/ \(remove it;.*$/, ''));
    expect(found('scheme: hmac\nheader: X-Sig\nsignedPayload: "{timestamp}.{body}"\nsignatureKey: v1')).toEqual([
      `5:5 HC203 ${rule('signedPayload')}`,
      `6:5 HC203 ${rule('signatureKey')}`,
    ]);
    expect(found('scheme: standard-webhooks\nseparator: ","')).toEqual([`4:5 HC203 ${rule('separator')}`]);
    expect(found('timestampKey: t')).toEqual([`3:5 HC203 ${rule('timestampKey')}`]);
    expect(found('header: X-Sig\nalgorithm: hmac-sha256\ndescription: D\nsignedPayload: "{timestamp}.{body}"')).toEqual([`6:5 HC203 ${rule('signedPayload')}`]);
  });

  it('refuses keys and separators the header could not be read with', () => {
    expect(check(envelope('scheme: timestamped\nheader: X-Sig\ntimestampKey: "t="\nsignatureKey: ""\nseparator: "="'))).toEqual([
      '5:19 HC203 envelope.signature.timestampKey has the value `"t="`, which is not allowed (timestamped without `timestampHeader`: the key of the timestamp among the `key=value` items of the signature header; default `t` (Stripe), `ts` for Paddle.)',
      '6:19 HC203 envelope.signature.signatureKey has the value `""`, which is not allowed (timestamped without `timestampHeader`: the key of a signature among the `key=value` items of the signature header (one item per signature; items with other keys are ignored); default `v1` (Stripe), `h1` for Paddle.)',
      '7:16 HC203 envelope.signature.separator has the value `"="`, which is not allowed (timestamped without `timestampHeader`: the character between the `key=value` items of the signature header, one of `,` `;` `&` `|` or a space; default `,` (Stripe), `;` for Paddle.)',
    ]);
  });
});
