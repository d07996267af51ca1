/**
 * The rule table: every kind of change `hookcat diff` reports, with a stable id and the level
 * it is given. Deliveries are judged from the receiver's side (it reads payloads, the envelope
 * and headers); the subscription API from the client's side (it writes requests).
 */
import type { ChangeLevel } from './change.js';

export interface Rule {
  readonly level: ChangeLevel;
  /** What the rule reports, for the README table and `--format json` readers. */
  readonly description: string;
}

/** Who consumes a schema: a reader (receivers of deliveries) or a writer (API clients). */
export type Direction = 'read' | 'write';

/** The schemas `hookcat diff` walks, and who consumes them. */
export const SCHEMA_AREAS = {
  payload: { direction: 'read', where: 'an event payload' },
  envelope: { direction: 'read', where: 'the delivery envelope' },
  'subscription.request': { direction: 'write', where: 'a subscription field sent by API clients' },
} as const satisfies Record<string, { direction: Direction; where: string }>;

export type SchemaArea = keyof typeof SCHEMA_AREAS;

interface SchemaKind {
  readonly read: ChangeLevel;
  readonly write: ChangeLevel;
  readonly description: string;
}

/** Changes inside a JSON Schema, with their level for a reader and for a writer. */
export const SCHEMA_KINDS = {
  'property.removed': { read: 'breaking', write: 'potentially-breaking', description: 'a field was removed' },
  'property.optional-added': { read: 'safe', write: 'safe', description: 'an optional field was added' },
  'property.required-added': { read: 'safe', write: 'breaking', description: 'a required field was added' },
  'required.optional-made': { read: 'breaking', write: 'safe', description: 'a required field was made optional' },
  'optional.required-made': { read: 'safe', write: 'breaking', description: 'an optional field was made required' },
  'type.changed': { read: 'breaking', write: 'breaking', description: 'the type changed (neither wider nor narrower)' },
  'type.widened': { read: 'breaking', write: 'safe', description: 'the type accepts more (another type, `null`, integer to number)' },
  'type.narrowed': { read: 'safe', write: 'breaking', description: 'the type accepts less' },
  'enum.value-added': { read: 'potentially-breaking', write: 'safe', description: 'an enum value was added (breaks exhaustive switches)' },
  'enum.value-removed': { read: 'safe', write: 'breaking', description: 'an enum value was removed' },
  'format.changed': { read: 'potentially-breaking', write: 'potentially-breaking', description: 'the `format` was added, removed or changed' },
  'constraint.loosened': {
    read: 'potentially-breaking',
    write: 'safe',
    description: 'a length, range, size or pattern constraint was relaxed or removed',
  },
  'constraint.tightened': { read: 'safe', write: 'breaking', description: 'a length, range, size or pattern constraint was added or made stricter' },
  'variant.added': { read: 'potentially-breaking', write: 'safe', description: 'a `oneOf`/`anyOf` variant was added' },
  'variant.removed': { read: 'safe', write: 'breaking', description: 'a `oneOf`/`anyOf` variant was removed' },
} as const satisfies Record<string, SchemaKind>;

export type SchemaKindId = keyof typeof SCHEMA_KINDS;

/** Rules about events, catalogs, the envelope's fixed parts and the subscription API. */
const FIXED_RULES = {
  'catalog.added': { level: 'safe', description: 'a catalog was added' },
  'catalog.removed': { level: 'breaking', description: 'a catalog was removed' },
  'event.added': { level: 'safe', description: 'an event was added' },
  'event.removed': { level: 'breaking', description: 'an event was removed' },
  'event.deprecated': { level: 'safe', description: 'an event was deprecated (it is still delivered)' },
  'event.replaced': { level: 'safe', description: 'a deprecated event names a (new) replacement' },
  'event.undeprecated': { level: 'safe', description: 'an event is no longer deprecated' },
  'event.delivery.changed': { level: 'breaking', description: 'a bare event is delivered under another header value or action (`deliveredAs`)' },
  'envelope.type-field.changed': { level: 'breaking', description: 'the envelope field holding the event key was renamed' },
  'envelope.data-field.changed': { level: 'breaking', description: 'the envelope field holding the payload was renamed' },
  'envelope.shape.changed': {
    level: 'breaking',
    description: 'the delivery shape changed (envelope, bare or batch), or the header or field that names events',
  },
  'header.added': { level: 'safe', description: 'a delivery header was added' },
  'header.removed': { level: 'breaking', description: 'a delivery header was removed' },
  'signature.added': { level: 'safe', description: 'deliveries are now signed' },
  'signature.removed': { level: 'breaking', description: 'deliveries are no longer signed' },
  'signature.header.changed': { level: 'breaking', description: 'the signature moved to another header' },
  'signature.algorithm.changed': { level: 'breaking', description: 'the signature algorithm changed' },
  'signature.payload.changed': { level: 'breaking', description: 'what is signed changed (the scheme, or its `signedPayload`)' },
  'signature.format.changed': {
    level: 'breaking',
    description: 'the signature is written another way: its encoding, prefix, keys or separator, or the header of its timestamp',
  },
  'subscription.added': { level: 'safe', description: 'the catalog now has a subscription API' },
  'subscription.removed': { level: 'breaking', description: 'the subscription API was removed' },
  'subscription.path.changed': { level: 'breaking', description: 'the subscription API moved to another path' },
  'subscription.id-field.changed': { level: 'breaking', description: 'the subscription id field was renamed' },
  'subscription.operation.added': { level: 'safe', description: 'a subscription operation was added' },
  'subscription.operation.removed': { level: 'breaking', description: 'a subscription operation was removed' },
  'subscription.target.added': { level: 'safe', description: 'a delivery target kind (url, email) was added' },
  'subscription.target.removed': { level: 'breaking', description: 'a delivery target kind (url, email) was removed' },
  'subscription.secret.tightened': { level: 'breaking', description: 'a secret is now asked for, or its minimum length was raised' },
  'subscription.secret.loosened': { level: 'safe', description: 'the secret was dropped, or its minimum length was lowered' },
  'subscription.request.required-field-added': { level: 'breaking', description: 'a required subscription field was added (clients must send it)' },
  'subscription.request.optional-field-added': { level: 'safe', description: 'an optional subscription field was added' },
  'subscription.request.field-removed': { level: 'breaking', description: 'a subscription field was removed (clients send or read it)' },
  'subscription.request.field-required-made': { level: 'breaking', description: 'an optional subscription field was made required' },
  'subscription.request.field-optional-made': {
    level: 'potentially-breaking',
    description: 'a required subscription field was made optional (responses may omit it)',
  },
} as const satisfies Record<string, Rule>;

function schemaRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const [area, { direction, where }] of Object.entries(SCHEMA_AREAS)) {
    for (const [kind, levels] of Object.entries(SCHEMA_KINDS)) {
      rules[`${area}.${kind}`] = { level: levels[direction], description: `${levels.description}, in ${where}` };
    }
  }
  return rules;
}

/** Every rule by id: the fixed ones, then each schema kind in each area. */
export const RULES: { readonly [id: string]: Rule } = Object.freeze({ ...FIXED_RULES, ...schemaRules() });

export type FixedRuleId = keyof typeof FIXED_RULES;

/** The README's rule table, in rule order. */
export function rulesTable(): string {
  const rows = Object.entries(RULES).map(([id, rule]) => `| \`${id}\` | ${rule.level} | ${rule.description} |`);
  return ['| rule | level | reported when |', '| --- | --- | --- |', ...rows].join('\n');
}
