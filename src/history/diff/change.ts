/** One difference between two versions of a catalog, classified by a rule. */
import type { JsonValue } from '../../model/types.js';

/** How a change affects the people who consume the catalog (see `rules.ts`). */
export type ChangeLevel = 'breaking' | 'potentially-breaking' | 'safe';

/** Levels from the most to the least severe. */
export const CHANGE_LEVELS: readonly ChangeLevel[] = ['breaking', 'potentially-breaking', 'safe'];

export interface Change {
  readonly level: ChangeLevel;
  /** Stable rule id, e.g. `payload.property.removed` (the table in `rules.ts`). */
  readonly rule: string;
  /** Catalog id. */
  readonly catalog: string;
  /** What changed: an event key, or `envelope`, `headers`, `signature`, `subscriptions`, `catalog`. */
  readonly subject: string;
  /** JSON Pointer inside the subject's schema (`/properties/total`), or `` for the subject itself. */
  readonly path: string;
  /** One line, in English. */
  readonly message: string;
  /** The value before and after, when the rule compares values. */
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/** Appends one segment to a JSON Pointer (RFC 6901: `~` -> `~0`, `/` -> `~1`). */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Whether any change is at least as severe as `threshold`. */
export function reaches(changes: readonly Change[], threshold: ChangeLevel): boolean {
  const limit = CHANGE_LEVELS.indexOf(threshold);
  return changes.some((c) => CHANGE_LEVELS.indexOf(c.level) <= limit);
}

/** Counts per level, in level order. */
export function countByLevel(changes: readonly Change[]): Record<ChangeLevel, number> {
  const counts: Record<ChangeLevel, number> = { breaking: 0, 'potentially-breaking': 0, safe: 0 };
  for (const c of changes) counts[c.level]++;
  return counts;
}
