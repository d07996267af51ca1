/** Classifies a word of an event key as a verb in its base form (`create`) or past form (`created`). */

export type VerbForm = 'base' | 'past';

/** Verbs common in webhook keys; regular past forms are derived, irregular ones listed. */
const BASE_VERBS = [
  'accept',
  'activate',
  'add',
  'approve',
  'archive',
  'assign',
  'authorize',
  'cancel',
  'capture',
  'change',
  'close',
  'complete',
  'confirm',
  'connect',
  'create',
  'deactivate',
  'decline',
  'delete',
  'deliver',
  'deny',
  'disable',
  'dispatch',
  'enable',
  'expire',
  'fail',
  'finalize',
  'finish',
  'fulfill',
  'initialize',
  'invite',
  'merge',
  'modify',
  'open',
  'pause',
  'pay',
  'provision',
  'publish',
  'receive',
  'register',
  'reject',
  'remove',
  'renew',
  'reopen',
  'resolve',
  'restore',
  'resume',
  'revoke',
  'send',
  'settle',
  'ship',
  'start',
  'stop',
  'submit',
  'succeed',
  'suspend',
  'sync',
  'tokenize',
  'unlink',
  'unlock',
  'update',
  'upgrade',
  'upload',
  'verify',
  'withdraw',
];

const IRREGULAR_PAST: Record<string, string> = { pay: 'paid', send: 'sent', withdraw: 'withdrawn', sync: 'synced', cancel: 'cancelled' };

function regularPast(verb: string): string[] {
  if (verb.endsWith('e')) return [`${verb}d`];
  if (/[^aeiou]y$/.test(verb)) return [`${verb.slice(0, -1)}ied`];
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(verb) ? [`${verb + verb.slice(-1)}ed`] : [];
  return [`${verb}ed`, ...doubled];
}

/** Every known verb form: a constant table, made once. */
const FORMS: ReadonlyMap<string, VerbForm> = new Map<string, VerbForm>([
  ...BASE_VERBS.flatMap((verb) => [
    [verb, 'base'] as const,
    ...[...regularPast(verb), ...(IRREGULAR_PAST[verb] ? [IRREGULAR_PAST[verb]] : [])].map((past) => [past, 'past'] as const),
  ]),
  ['canceled', 'past'],
]);

/** The form of a single lower-case word, or undefined when it is not a verb we know. */
export function verbForm(word: string): VerbForm | undefined {
  const known = FORMS.get(word);
  if (known !== undefined) return known;
  // Unknown words ending in -ed are nearly always past participles in event keys.
  return word.length > 4 && word.endsWith('ed') && !word.endsWith('eed') ? 'past' : undefined;
}

/** The verb form a key uses: that of its last word (`order.payment.failed` -> `failed`), when
 * that word is a verb. Earlier words are often nouns (`refund.partial`, `update.rate`). */
export function keyVerb(key: string): { word: string; form: VerbForm } | undefined {
  const word = key.slice(Math.max(key.lastIndexOf('.'), key.lastIndexOf('_'), key.lastIndexOf('-')) + 1);
  const form = verbForm(word);
  return form === undefined ? undefined : { word, form };
}
