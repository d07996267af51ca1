/**
 * Naming lint (warnings) for keys written in any style. HC400: a key written against the style
 * most keys of its catalog share: the separator between parts (`.`, `/`, `:`), the way words are
 * joined (`-`, `_`, camelCase) or the case (upper or lower). HC401: a verb the catalog writes in
 * both forms (`order.create` and `invoice.created`), reported at the keys using the rarer form;
 * other words are never taken for verbs. An event marked `published: true` is acknowledged: its
 * key is public and keeps its name, so it is not reported (it still counts towards the majority).
 */
import type { Diagnostic } from '../../diagnostics.js';
import { keyParts } from '../../names/words.js';
import { diagnosticAt } from '../positions.js';
import type { Located, RawEvent } from '../source.js';
import type { Check } from './check.js';
import { describeTrait, styleTraits, type StyleKind, type StyleTrait } from './key-style.js';
import { verbPairs } from './verb-forms.js';

/** The most used value, ties broken by first appearance; undefined when fewer than two values compete. */
function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  let best: T | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

const KINDS: readonly StyleKind[] = ['parts', 'joiner', 'case'];

export const checkNaming: Check = (source) => {
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
  const keys = source.events.map((e) => e.value.key);
  const traits = new Map(keys.map((key) => [key, styleTraits(key)]));
  for (const kind of KINDS) {
    const usual = majority([...traits.values()].flatMap((list) => list.filter((t) => t.kind === kind).map((t) => t.value)));
    if (usual === undefined) continue;
    const expected: StyleTrait = { kind, value: usual };
    for (const event of source.events) {
      const key = event.value.key;
      for (const trait of traits.get(key)!.filter((t) => t.kind === kind && t.value !== usual)) {
        const example = counterpart(key, trait, expected, keys, traits);
        report(
          event,
          'HC400',
          `\`${key}\` ${describeTrait(trait, 'key')}, while most keys of this catalog ${describeTrait(expected, 'most')}, like \`${example}\``,
        );
      }
    }
  }
  for (const { event, message } of verbFindings(source.events)) report(event, 'HC401', message);
  return diagnostics;
};

/** A key written the usual way: for `-` against `_`, one writing the same compound (`url_name`
 * for `url-name`), else the first key with the usual trait and without the unusual one. */
function counterpart(
  key: string,
  unusual: StyleTrait,
  usual: StyleTrait,
  keys: readonly string[],
  traits: ReadonlyMap<string, StyleTrait[]>,
): string | undefined {
  const has = (k: string, t: StyleTrait): boolean => traits.get(k)!.some((x) => x.kind === t.kind && x.value === t.value);
  if (unusual.kind === 'joiner' && unusual.value !== 'camelCase' && usual.value !== 'camelCase') {
    const compounds = keyParts(key)
      .filter((part) => part.includes(unusual.value))
      .map((part) => part.split(unusual.value).join(usual.value));
    const same = keys.find((k) => k !== key && keyParts(k).some((part) => compounds.includes(part)));
    if (same !== undefined) return same;
  }
  return keys.find((k) => has(k, usual) && !has(k, unusual));
}

/** HC401 findings: for each verb in both forms, the keys using its rarer form (ties: the later form). */
function verbFindings(events: readonly Located<RawEvent>[]): { event: Located<RawEvent>; message: string }[] {
  const actions = new Map<string, string>();
  for (const { value } of events) {
    const parts = keyParts(value.key);
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && /^([a-z]+|[A-Z]+)$/.test(last)) actions.set(value.key, last.toLowerCase());
  }
  const byKey = new Map(events.map((e) => [e.value.key, e]));
  const findings: { event: Located<RawEvent>; message: string }[] = [];
  for (const pair of verbPairs(actions)) {
    const order = (k: string): number => events.indexOf(byKey.get(k)!);
    const baseFirst = order(pair.baseKeys[0]!) < order(pair.pastKeys[0]!);
    const baseUsual = pair.baseKeys.length > pair.pastKeys.length || (pair.baseKeys.length === pair.pastKeys.length && baseFirst);
    const [rare, rareWord, usual, usualWord] = baseUsual
      ? [pair.pastKeys, pair.past, pair.baseKeys, pair.base]
      : [pair.baseKeys, pair.base, pair.pastKeys, pair.past];
    const most = usual.length === 1 ? '1 key of this catalog uses' : `${usual.length} keys of this catalog use`;
    for (const key of rare) {
      const message = `\`${key}\` uses \`${rareWord}\`, while ${most} \`${usualWord}\`, another form of the same verb, like \`${usual[0]}\``;
      findings.push({ event: byKey.get(key)!, message });
    }
  }
  return findings;
}
