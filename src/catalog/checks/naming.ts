/**
 * Naming lint (warnings): keys of one catalog should join words the same way (`-` or `_`)
 * and use one verb form (`created` or `create`). An event marked `published: true` is
 * acknowledged: its key is public and keeps its name, so it is not reported.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Check } from './check.js';
import { diagnosticAt } from '../positions.js';
import type { Located, RawEvent } from '../source.js';
import { keyVerb } from './verb-forms.js';

type Separator = '-' | '_';

function separators(key: string): Separator[] {
  const found: Separator[] = [];
  if (key.includes('-')) found.push('-');
  if (key.includes('_')) found.push('_');
  return found;
}

/** The most used value, ties broken by first appearance; undefined when fewer than two values compete. */
function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  let best: T | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

export const checkNaming: Check = (source) => {
  const events = source.events;
  const diagnostics: Diagnostic[] = [];
  const report = (event: Located<RawEvent>, code: 'HC400' | 'HC401', message: string): void => {
    if (event.value.published === true) return;
    diagnostics.push(
      diagnosticAt(
        event.file,
        [...event.path, 'key'],
        code,
        'warning',
        message,
        'rename the key, or mark the event `published: true` if the key is already public',
      ),
    );
  };
  const keys = events.map((e) => e.value.key);
  const used: Separator[] = [];
  for (const key of keys) used.push(...separators(key));
  const separator = majority(used);
  if (separator !== undefined) {
    const other: Separator = separator === '-' ? '_' : '-';
    for (const event of events) {
      if (!event.value.key.includes(other)) continue;
      const example = counterpart(event.value.key, other, separator, keys);
      report(event, 'HC400', `\`${event.value.key}\` joins words with \`${other}\`, while most keys of this catalog use \`${separator}\`, like \`${example}\``);
    }
  }
  const verbs = events.map((e) => ({ event: e, verb: keyVerb(e.value.key) }));
  const form = majority(verbs.flatMap((v) => (v.verb ? [v.verb.form] : [])));
  if (form !== undefined) {
    const example = verbs.find((v) => v.verb?.form === form)?.event.value.key;
    const name = form === 'past' ? 'past form of verbs' : 'base form of verbs';
    for (const { event, verb } of verbs) {
      if (verb !== undefined && verb.form !== form) {
        report(event, 'HC401', `\`${event.value.key}\` uses the verb \`${verb.word}\`, while most keys of this catalog use the ${name}, like \`${example}\``);
      }
    }
  }
  return diagnostics;
};

/** A key that writes the same compound with the majority separator (`url_name` for `url-name`),
 * else the first key that uses only the majority separator. */
function counterpart(key: string, other: Separator, separator: Separator, keys: string[]): string | undefined {
  const compounds = key
    .split('.')
    .filter((s) => s.includes(other))
    .map((s) => s.split(other).join(separator));
  const same = keys.find((k) => k !== key && k.split('.').some((s) => compounds.includes(s)));
  return same ?? keys.find((k) => k.includes(separator) && !k.includes(other));
}
