/**
 * Deterministic TypeScript names for a catalog's types: one per shared schema, one per event
 * payload, by the naming rule every output shares (`src/names/output-names.ts`), never clashing
 * with each other or with the fixed API names of the module.
 */
import { namingInput } from '../../model/query.js';
import type { Catalog } from '../../model/types.js';
import { TYPESCRIPT_API_NAMES, typeScriptNames, type TypeScriptNames } from '../../names/output-names.js';

/** Names the generated module declares itself (see `event-api.ts`). */
export const API_NAMES = TYPESCRIPT_API_NAMES;

export type TypeNames = TypeScriptNames;

/**
 * Names every shared schema (PascalCase of its name: `installation-lite` -> `InstallationLite`)
 * and every payload (PascalCase of the key + `Payload`: `booking.refund.partial` ->
 * `BookingRefundPartialPayload`, `memberJoined` -> `MemberJoinedPayload`). Shared schemas are
 * named first, in declaration order, then payloads in catalog order; a name already taken gets
 * the first free numeric suffix, which validation reports (HC341).
 */
export function assignTypeNames(catalog: Catalog): TypeNames {
  return typeScriptNames(namingInput(catalog));
}

/**
 * Words a module may not use as a binding name: ECMAScript's reserved words, the ones strict
 * mode adds, and `await`, reserved at the top level of a module (ECMA-262 §13.1.1, §12.7.2).
 * TypeScript refuses them even as `export * as <name>`.
 */
const RESERVED_WORDS = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public arguments eval'
  ).split(' '),
);

/** The namespace name of a catalog in `index.ts`: `shop-eu` -> `shopEu`, `2024` -> `_2024`,
 * `await` -> `await_` (a reserved word gets a trailing underscore). */
export function catalogNamespace(id: string): string {
  const name = id.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[0-9]/, '_$&');
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}
