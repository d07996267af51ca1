/**
 * Type-level checks of the module generated for `feature-catalog.ts`: each `Expect` fails to
 * compile when a JSON Schema feature is mapped to the wrong type. Type-checked by
 * `typescript.test.ts` against freshly generated output, and by `tsc -p` against the golden.
 */
import { type EVENT_TYPES, isEventType } from './generated/features/types.js';
import type * as T from './generated/features/types.js';

type Equal<A, B> = (<V>() => V extends A ? 1 : 2) extends <V>() => V extends B ? 1 : 2 ? true : false;
type Expect<Condition extends true> = Condition;

type Scalars = T.FeaturesScalarsPayload;
type Objects = T.FeaturesObjectsPayload;
type Arrays = T.FeaturesArraysPayload;
type Combinators = T.FeaturesCombinatorsPayload;

export type ScalarChecks = [
  Expect<Equal<Pick<Scalars, 'text' | 'count' | 'flag'>, { text: string; count: number; flag: boolean }>>,
  Expect<Equal<Scalars['nothing'], null>>,
  Expect<Equal<Scalars['maybe'], string | null>>,
  Expect<Equal<Scalars['legacyNullable'], number | null>>,
  Expect<Equal<Scalars['hostileEnum'], '*/' | '`${x}`' | "it's" | 'say "hi"' | 'line\nbreak' | 'ls\u2028ps\u2029' | '<script>' | '{{x}}' | '\\'>>,
  Expect<Equal<Scalars['numbers'], -1 | 0 | 1.5 | 1e21>>,
  Expect<Equal<Scalars['mixed'], 'a' | 1 | true | null>>,
  Expect<Equal<Pick<Scalars, 'objectConst'>, { objectConst?: { a: [1, 'two']; b: null } }>>,
  // Required: any value but undefined (see `PRESENT` in schema-to-type.ts).
  Expect<Equal<Scalars['anything'], NonNullable<unknown> | null>>,
  Expect<Equal<Pick<Scalars, 'alsoAnything' | 'gone'>, { alsoAnything?: unknown; gone?: never }>>,
  Expect<Equal<Scalars['nested'], { inner: { deepest?: string } }>>,
  Expect<
    Equal<
      Pick<Scalars, 'content-type' | '__proto__' | 'constructor' | '1st' | 'ünits'>,
      // An optional property named like a member of Object also admits that member.
      { 'content-type'?: string; __proto__?: string; constructor?: string | globalThis.Object['constructor']; '1st'?: string; ünits?: string }
    >
  >,
  Expect<
    Equal<
      Pick<Scalars, "quote'name" | 'ends */ comment' | 'line\u2028sep' | 'back\\slash'>,
      { "quote'name"?: string; 'ends */ comment'?: string; 'line\u2028sep'?: string; 'back\\slash'?: string }
    >
  >,
];

export type ObjectChecks = [
  Expect<Equal<Objects['labels'], { [key: string]: string | number | boolean; primary: number; secondary?: boolean }>>,
  Expect<Equal<Objects['closed'], { a?: string }>>,
  Expect<Equal<Objects['open'], { [key: string]: unknown; a?: string }>>,
  Expect<Equal<Objects['anyObject'], Record<string, unknown>>>,
  Expect<Equal<Objects['emptyClosed'], Record<string, never>>>,
  Expect<Equal<Objects['patterned'], { [key: string]: number }>>,
  // Keys no pattern matches may hold anything.
  Expect<Equal<Pick<Objects, 'patternedOpen'>, { patternedOpen?: { [key: string]: unknown } }>>,
  Expect<Equal<Pick<Objects, 'inferred' | 'mapOfMoney'>, { inferred?: { a?: string }; mapOfMoney?: { [key: string]: T.Money } }>>,
  Expect<Equal<Objects['undeclared'], NonNullable<unknown> | null>>,
];

export type ArrayChecks = [
  Expect<Equal<Arrays['strings'], string[]>>,
  Expect<Equal<Arrays['unknowns'], unknown[]>>,
  Expect<Equal<Arrays['unions'], (string | number)[]>>,
  Expect<Equal<Arrays['closedTuple'], [number, string]>>,
  Expect<Equal<Arrays['openTuple'], [number, ...unknown[]]>>,
  Expect<Equal<Arrays['restTuple'], [string, ...boolean[]]>>,
  Expect<Equal<Arrays['optionalTuple'], [string, (number | null)?]>>,
  Expect<Equal<Arrays['negatives'], -1[]>>,
  Expect<Equal<Arrays['empty'], []>>,
  Expect<Equal<Arrays['matrix'], number[][] | undefined>>,
];

export type CombinatorChecks = [
  Expect<Equal<Combinators['choice'], string | number>>,
  Expect<Equal<Combinators['either'], T.Money | 'free'>>,
  Expect<Equal<Combinators['both'], T.Money & { note: string }>>,
  Expect<Equal<Combinators['tagged'], T.Money | T.TreeNode>>,
  Expect<Equal<Combinators['nullableRef'], T.Money | null>>,
  Expect<Equal<Pick<Combinators, 'impossible'>, { impossible?: never }>>,
  Expect<Equal<T.TreeNode['children'][number], T.TreeNode>>,
  Expect<Equal<T.TreeNode['parent'], T.TreeNode | null | undefined>>,
  Expect<Equal<T.FeaturesAliasPayload, string | number | boolean | null>>,
  Expect<Equal<T.FeaturesNothingPayload, unknown>>,
  Expect<Equal<T.FeaturesNeverPayload, never>>,
];

export type NamingChecks = [
  Expect<Equal<T.EventPayloads['account.url-name.update'], T.AccountUrlNameUpdatePayload>>,
  Expect<Equal<T.EventPayloads['account.url_name.update'], T.AccountUrlNameUpdatePayload2>>,
  Expect<Equal<T.EventPayloads['booking.created'], T.BookingCreatedPayload2>>,
  Expect<Equal<T.BookingCreatedPayload, { legacy?: boolean }>>,
  Expect<Equal<T.Money2, string>>,
  Expect<Equal<T.EventType2, 'shadow'>>,
  Expect<Equal<T.Record2, { id?: string }>>,
  Expect<Equal<T.EventPayloads['odd.key\'with"quotes\u2028*/'], string>>,
];

export type EnvelopeChecks = [
  Expect<Equal<T.EventOf<'features.json'>['payload'], T.Json>>,
  Expect<Equal<T.EventOf<'features.json'>['kind'], 'features.json'>>,
  Expect<Equal<Pick<T.EventEnvelope<'features.alias'>, 'id' | 'attempt' | 'meta'>, { id: string; attempt?: number; meta?: { region?: string } }>>,
  Expect<Equal<(typeof EVENT_TYPES)[number], T.EventType>>,
  Expect<Equal<T.WebhookEvent['kind'], T.EventType>>,
];

/** A recursive JSON value is assignable to the recursive `Json` alias. */
export const json: T.Json = { a: [1, 'x', null, { b: true }] };

/** `switch` on the envelope's type field narrows the payload field. */
export function describeEvent(event: T.WebhookEvent): string {
  switch (event.kind) {
    case 'features.scalars':
      return event.payload.text;
    case 'features.recursive':
      return event.payload.children.map((child) => child.label).join();
    default:
      return isEventType(event.kind) ? event.kind : 'unknown';
  }
}
