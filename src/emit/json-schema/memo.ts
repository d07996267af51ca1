/**
 * Per-event memos of emitted text. The model gives an unchanged event the same `EventType`
 * object on every load, so text made from an event can be kept with the event and reused;
 * everything else the text depends on (envelope, locales, names chosen across the catalog...)
 * is rebuilt on each load, so it is compared by content: as a fingerprint, which stands for a
 * context token, and a memo entry is reused only under the same token.
 */
import type { EventType } from '../../model/types.js';
import { keepsEmittedText } from '../keep.js';

/** How many distinct contexts keep their token (several catalogs, or a few edits back). */
const KEPT_CONTEXTS = 16;
const tokens = new Map<string, object>();

/** The token of a context: the same object for the same content (tokens of the last few contexts are kept). */
export function contextToken(content: unknown): object {
  const key = fingerprint(content);
  let token = tokens.get(key);
  if (token !== undefined) tokens.delete(key);
  else token = {};
  tokens.set(key, token);
  if (tokens.size > KEPT_CONTEXTS) tokens.delete(tokens.keys().next().value as string);
  return token;
}

/** Text standing for `content`: the same for equal content, different otherwise (JSON, which
 * is native and fast, unless `content` holds what JSON cannot tell apart: `NaN` from `null`,
 * `undefined` from absence). */
export function fingerprint(content: unknown): string {
  if (plainJson(content)) return `j${JSON.stringify(content)}`;
  return `t${JSON.stringify(content, (_key, value: unknown) => {
    if (typeof value === 'string') return `s${value}`;
    if (typeof value === 'number' && !Number.isFinite(value)) return `n${value}`;
    return value === undefined ? 'u' : value;
  })}`;
}

function plainJson(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(plainJson);
  for (const key in value) if (Object.hasOwn(value, key) && !plainJson((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** Text kept per event, valid under one context token and `detail` (what else it depends on
 * that is particular to the event, such as names chosen for it). Weak: dropped events take their text along. */
export class EventMemo<T> {
  private readonly entries = new WeakMap<EventType, { readonly token: object; readonly detail: readonly string[]; readonly value: T }>();

  /** The value kept for `event` under `token` and `detail`, else made by `make` and kept. */
  get(event: EventType, token: object, make: () => T, detail: readonly string[] = []): T {
    if (!keepsEmittedText()) return make();
    const entry = this.entries.get(event);
    if (entry !== undefined && entry.token === token && sameStrings(entry.detail, detail)) return entry.value;
    const value = make();
    this.entries.set(event, { token, detail, value });
    return value;
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}
