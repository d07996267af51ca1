/**
 * How an imported event is named: the value of the header that names it, and its action (the
 * body field naming the variant, GitHub's `action`), from which the key is made as GitHub
 * writes it (`issues.opened`, `push`).
 */
import { isObject } from '../catalog/schema-walk.js';
import { deliveryName } from './names.js';
import type { ImportProblems } from './problems.js';

/** The one string the schema allows for `field` (a `const`, or an `enum` of one), looked for in
 * the schema and in every branch of its `allOf`/`oneOf`/`anyOf`; undefined unless exactly one. */
export function singleValueOf(schema: unknown, field: string, resolve: (schema: unknown) => unknown, depth = 0): string | undefined {
  const node = resolve(schema);
  if (!isObject(node) || depth > 8) return undefined;
  const values = new Set<string>();
  const property = isObject(node['properties']) ? resolve(node['properties'][field]) : undefined;
  if (isObject(property)) {
    if (typeof property['const'] === 'string') values.add(property['const']);
    else if (Array.isArray(property['enum']) && property['enum'].length === 1 && typeof property['enum'][0] === 'string') values.add(property['enum'][0]);
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const value = singleValueOf(branch, field, resolve, depth + 1);
      if (value !== undefined) values.add(value);
    }
  }
  return values.size === 1 ? [...values][0] : undefined;
}

/** Whether the schema declares the property `field` (in `properties`, of the schema or of a
 * branch of its `allOf`/`oneOf`/`anyOf`): a body that does not declare the action field is not
 * sent with one. */
export function declaresProperty(schema: unknown, field: string, resolve: (schema: unknown) => unknown, depth = 0): boolean {
  const node = resolve(schema);
  if (!isObject(node) || depth > 8) return false;
  if (isObject(node['properties']) && Object.hasOwn(node['properties'], field)) return true;
  return ['allOf', 'oneOf', 'anyOf'].some((keyword) => {
    const branches = node[keyword];
    return Array.isArray(branches) && branches.some((branch) => declaresProperty(branch, field, resolve, depth + 1));
  });
}

/** One operation's name as the source gives it: `issues/opened` -> `issues` and `opened`. */
export interface SourceName {
  readonly name: string;
  readonly action: string | undefined;
}

export function splitOperationId(operationId: string): SourceName {
  const slash = operationId.indexOf('/');
  return slash < 0 ? { name: operationId, action: undefined } : { name: operationId.slice(0, slash), action: operationId.slice(slash + 1) };
}

/**
 * Whether the source spells `_` as `-` in its operation ids: GitHub's `check-run/requested-action`
 * is delivered as `check_run` with action `requested_action`. Seen when an action value from a
 * schema equals its operation id's part with `-` read as `_`, and never with `-` kept.
 */
export function spellsUnderscoreAsHyphen(pairs: readonly { readonly written: string; readonly value: string }[]): boolean {
  let hyphenForUnderscore = 0;
  for (const { written, value } of pairs) {
    if (written === value && written.includes('-')) return false;
    if (written !== value && written.replace(/-/g, '_') === value) hyphenForUnderscore += 1;
  }
  return hyphenForUnderscore > 0;
}

/** The key a delivery name and action make, as GitHub writes them: `name.action`, or `name`. */
export function keyOf(name: string, action: string | undefined): string {
  return action === undefined ? name : `${name}.${action}`;
}

/**
 * An event's `deliveredAs` when the header names it otherwise than its key says; undefined when
 * the key says it. A name no header can carry as written (`commande-créée`) is written as one
 * can (`deliveryName`), with a problem (HI102) at `at`: the provider's real header value is then
 * worth checking.
 */
export function deliveredAs(
  name: string,
  action: string | undefined,
  key: string,
  problems: ImportProblems,
  at: string,
): { readonly name: string; readonly action: string | undefined } | undefined {
  const delivered = deliveryName(name);
  if (delivered !== name)
    problems.warn('HI102', at, `the delivery name \`${name}\` is not a header value the catalog format accepts (printable ASCII): written \`${delivered}\``);
  return keyOf(delivered, action) === key ? undefined : { name: delivered, action };
}
