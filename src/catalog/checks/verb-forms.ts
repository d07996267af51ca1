/**
 * Two forms of the same verb in a catalog's keys (`order.create` and `invoice.created`): the only
 * verb forms the naming lint reports. It never guesses whether a word is a verb: a word counts
 * only when the catalog also uses its past form (or, for the past form, its base), so nouns such as
 * `dispatch`, `change` or `add` in `workflow_dispatch`, `pending_change`, `team_add` pass.
 */

/** Irregular past forms of verbs common in webhook keys; regular ones are derived. */
const IRREGULAR_PAST: { readonly [base: string]: readonly string[] } = {
  begin: ['begun'],
  build: ['built'],
  buy: ['bought'],
  do: ['done'],
  find: ['found'],
  freeze: ['frozen'],
  give: ['given'],
  hold: ['held'],
  lose: ['lost'],
  make: ['made'],
  pay: ['paid'],
  rebuild: ['rebuilt'],
  resend: ['resent'],
  sell: ['sold'],
  send: ['sent'],
  spend: ['spent'],
  take: ['taken'],
  unfreeze: ['unfrozen'],
  withdraw: ['withdrawn'],
  write: ['written'],
};

/** The past forms `word` would have as a verb: `create` -> `created`, `ship` -> `shipped`, `shipped`... */
export function pastForms(word: string): string[] {
  const regular = word.endsWith('e')
    ? [`${word}d`]
    : /[^aeiou]y$/.test(word)
      ? [`${word.slice(0, -1)}ied`]
      : [`${word}ed`, ...(/[^aeiou][aeiou][bdgklmnprt]$/.test(word) ? [`${word}${word.slice(-1)}ed`] : [])];
  return [...regular, ...(Object.hasOwn(IRREGULAR_PAST, word) ? (IRREGULAR_PAST[word] ?? []) : [])];
}

/** A verb a catalog writes in both forms: its base, its past form, and the keys using each. */
export interface VerbPair {
  readonly base: string;
  readonly past: string;
  readonly baseKeys: readonly string[];
  readonly pastKeys: readonly string[];
}

/**
 * The verbs `actions` (key -> its action word, in catalog order) use in both forms. An action
 * word is the last part of a key with several parts (`create` of `order.create`), in lower case.
 */
export function verbPairs(actions: ReadonlyMap<string, string>): VerbPair[] {
  const keysOf = new Map<string, string[]>();
  for (const [key, word] of actions) {
    const keys = keysOf.get(word);
    if (keys === undefined) keysOf.set(word, [key]);
    else keys.push(key);
  }
  const pairs: VerbPair[] = [];
  for (const [base, baseKeys] of keysOf) {
    for (const past of pastForms(base)) {
      const pastKeys = keysOf.get(past);
      if (pastKeys !== undefined && past !== base) pairs.push({ base, past, baseKeys, pastKeys });
    }
  }
  return pairs;
}
