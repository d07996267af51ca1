/**
 * Names an import writes: event keys, category and example ids, shared schema names. A name
 * the catalog format accepts is written as the source has it; one it refuses is written in an
 * accepted spelling, with a problem (HI102). What is accepted is read from the format itself
 * (src/catalog/schema.json), so the importer follows the format as it changes.
 */
import catalogSchema from '../catalog/schema.json' with { type: 'json' };
import { keyFileName, windowsDeviceName } from '../names/file-names.js';

const DEFS = catalogSchema.$defs;

/** The format's pattern for one kind of name. */
const PATTERNS = {
  key: new RegExp(DEFS.eventKey.pattern),
  id: new RegExp(DEFS.id.pattern),
  schema: new RegExp(DEFS.schemaName.pattern),
} as const;

export type NameKind = keyof typeof PATTERNS;

/** Longest name written: a file name `<name>.schema.json` stays within 255 bytes. */
const MAX_NAME_BYTES = 200;

/** What the format takes as a name in `catalog.annotations` (GitHub's `tsType`). */
const ANNOTATION = DEFS.metadata.properties.annotations.items;
const ANNOTATION_PATTERN = new RegExp(ANNOTATION.pattern);

export function acceptsAnnotation(name: string): boolean {
  return ANNOTATION_PATTERN.test(name) && name.length <= ANNOTATION.maxLength;
}

/** Whether a name makes a file name Windows reads as a device (`nul.created`, `Con`: HC317). */
const isDevice = (kind: NameKind, name: string): boolean => windowsDeviceName(kind === 'key' ? keyFileName(name) : name) !== undefined;

export function accepts(kind: NameKind, name: string): boolean {
  return PATTERNS[kind].test(name) && Buffer.byteLength(name) <= MAX_NAME_BYTES && !isDevice(kind, name);
}

/** `name` in a spelling the format accepts for `kind`: itself when accepted. */
export function acceptedName(kind: NameKind, name: string): string {
  if (accepts(kind, name)) return name;
  const separator = kind === 'schema' ? '_' : '-';
  // Letters with marks keep their letter (`créée` -> `creee`, as `deliveryName` spells them).
  const plain = withoutMarks(name);
  let spelled =
    kind === 'schema'
      ? plain.replace(/[^A-Za-z0-9_]+/g, '_')
      : plain
          .toLowerCase()
          .split('.')
          .map((segment) => segment.replace(/[^a-z0-9]+/g, separator).replace(/^[^a-z]+|[^a-z0-9]+$/g, ''))
          .filter(Boolean)
          .join(kind === 'key' ? '.' : separator);
  if (!/^[A-Za-z]/.test(spelled)) spelled = `${kind === 'schema' ? 'S' : 'x'}${spelled}`;
  spelled = spelled.slice(0, MAX_NAME_BYTES);
  // A device name gets a letter more: `Con` -> `Con_`, `nul.created` -> `nul-x.created`.
  if (isDevice(kind, spelled)) spelled = kind === 'schema' ? `${spelled}_` : spelled.replace(/^[A-Za-z0-9]+/, (stem) => `${stem}-x`);
  return accepts(kind, spelled) ? spelled : kind === 'schema' ? 'Schema' : 'unnamed';
}

/** What the format takes as a bare delivery's name (`deliveredAs.name`): a header value. */
const DELIVERY_NAME = DEFS.event.properties.deliveredAs.properties.name;
const DELIVERY_NAME_PATTERN = new RegExp(DELIVERY_NAME.pattern);

/** `name` as a header value can carry it, as `deliveredAs.name` asks: itself when accepted, else
 * with accents dropped (`créée` -> `creee`), other characters outside printable ASCII as `-`, and
 * no space at either end. */
export function deliveryName(name: string): string {
  if (DELIVERY_NAME_PATTERN.test(name) && name.length <= DELIVERY_NAME.maxLength) return name;
  const spelled = withoutMarks(name)
    .replace(/[^ -~]+/g, '-')
    .trim()
    .slice(0, DELIVERY_NAME.maxLength)
    .trim();
  return spelled === '' ? 'unnamed' : spelled;
}

/**
 * Names given so far: `claim(name)` gives `name` if no name given equals it but for letter case,
 * else `name_2`, `name_3`... (`-2` for ids). Names are kept in lower case: they become file
 * names, and `A.md` and `a.md` are one file on macOS and Windows (HC340). The next number of
 * each name is kept, so n alike names cost n tries, not n^2/2 (20,000 webhooks, minutes).
 */
export class ClaimedNames {
  private readonly taken = new Set<string>();
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly separator: string) {}

  claim(name: string): string {
    const wanted = name.toLowerCase();
    let claimed = name;
    if (this.taken.has(wanted)) {
      // Every number below the next one is taken already: names are never given back.
      let i = this.nextNumber.get(wanted) ?? 2;
      while (this.taken.has(`${wanted}${this.separator}${i}`)) i++;
      claimed = `${name}${this.separator}${i}`;
      this.nextNumber.set(wanted, i + 1);
    }
    this.taken.add(claimed.toLowerCase());
    return claimed;
  }
}

/** `pull_request_review` -> `Pull request review`. */
export function humanize(name: string): string {
  const words = name.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `text` with its letters' marks dropped (NFKD): `créée` -> `creee`, `Ärger` -> `Arger`. */
function withoutMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

const ENVELOPE = DEFS.envelope.properties;

/** Whether `name` is a header name the format takes as `envelope.typeHeader`. */
export function isTypeHeaderName(name: string): boolean {
  return new RegExp(ENVELOPE.typeHeader.pattern).test(name);
}

/** Whether `name` is a field name the format takes as `envelope.actionField`. */
export function isActionFieldName(name: string): boolean {
  return new RegExp(ENVELOPE.actionField.pattern).test(name);
}
