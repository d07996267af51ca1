/**
 * Text an emitter made before, found again by a digest of everything it was made from. The
 * costly outputs (the runtime's compiled validators, the rendered pages) ask the memo first, so
 * a run after a small edit renders only what the edit touched. The emitters stay pure: a memo
 * only ever gives back the text `make()` would give for the same input, and the code that
 * makes it is the same, since a kept memo is dropped when hookcat's code changes (the run
 * context lives in one process; the cache on disk records the code fingerprint).
 */
import { createHash } from 'node:crypto';

export interface OutputMemo {
  /** The text made before from the input `key` names, else `make()`'s, kept. */
  text(key: string, make: () => string): string;
}

/** A memo that keeps nothing: every text is made. */
export const NO_MEMO: OutputMemo = { text: (_key, make) => make() };

/** Values of the code (objects of functions, say) that may stand in an input, by a name for each. */
export type CodeConstants = ReadonlyMap<object, string>;

/** The text for `input` from `memo`, else made (always made when `input` is not plain data, see `inputKey`). */
export function memoized(memo: OutputMemo, input: readonly unknown[], make: () => string, constants?: CodeConstants): string {
  const key = memo === NO_MEMO ? undefined : inputKey(input, constants);
  return key === undefined ? make() : memo.text(key, make);
}

/** Marks a property whose value is `undefined`: present, unlike a missing one (a strict template tells them apart). */
const UNDEFINED = '\u0000undefined';

/** Thrown inside the replacer when a value is not plain data. */
class NotPlainData extends Error {}

/**
 * A digest of `input` when it is plain data (objects of `Object.prototype` or none, arrays,
 * strings, finite numbers, booleans, null, undefined) and the `constants` named; undefined
 * otherwise, since a function, a `Map` or a class instance would print as something else and two
 * different inputs could share a digest. Property order counts, as it does in the output.
 */
export function inputKey(input: readonly unknown[], constants?: CodeConstants): string | undefined {
  const replacer = function (this: Record<string, unknown>, key: string, value: unknown): unknown {
    // What `toJSON` (a Date's, say) made of a value is not the value.
    if (this[key] !== value) throw new NotPlainData();
    return (constants === undefined ? undefined : constantName(constants, value)) ?? plainOnly(value);
  };
  try {
    const text = JSON.stringify(input, replacer);
    return createHash('sha256').update(text).digest('base64url');
  } catch (error) {
    if (error instanceof NotPlainData) return undefined;
    throw error;
  }
}

function constantName(constants: CodeConstants, value: unknown): string | undefined {
  const name = typeof value === 'object' && value !== null ? constants.get(value) : undefined;
  return name === undefined ? undefined : `\u0000constant:${name}`;
}

function plainOnly(value: unknown): unknown {
  switch (typeof value) {
    case 'undefined':
      return UNDEFINED;
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotPlainData();
      return value;
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new NotPlainData();
      return value;
    }
    default:
      throw new NotPlainData();
  }
}

/**
 * The memo a run context keeps: the texts the last finished run used, and those of the run going
 * on. A finished run keeps only what it used, so the memo holds about one run's output; past
 * `budget` characters a run keeps no more (a very large catalog then renders the rest each time).
 */
export class OutputMemory implements OutputMemo {
  private earlier = new Map<string, string>();
  private current = new Map<string, string>();
  private chars = 0;
  private made = 0;
  /** The cache file the memory was filled from, if any (it is read once per context). */
  filledFrom: string | undefined;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  text(key: string, make: () => string): string {
    const kept = this.find(key);
    if (kept !== undefined) return kept;
    const text = make();
    this.keep(key, text);
    return text;
  }

  /** The text kept for `key`, if any; kept by this run too. */
  find(key: string): string | undefined {
    const kept = this.current.get(key) ?? this.earlier.get(key);
    if (kept !== undefined) this.remember(key, kept);
    return kept;
  }

  /** Keeps `text`, just made, for `key`. */
  keep(key: string, text: string): void {
    this.made++;
    this.remember(key, text);
  }

  private remember(key: string, text: string): void {
    if (this.current.has(key) || this.chars + text.length > this.budget) return;
    this.current.set(key, text);
    this.chars += text.length;
  }

  /** Starts a run. What a run that did not finish (errors in the catalog) kept is found again,
   * but counts against this run's budget only if this run uses it. */
  startRun(): void {
    if (this.current.size === 0) return;
    for (const [key, text] of this.current) this.earlier.set(key, text);
    this.current = new Map();
    this.chars = 0;
    this.made = 0;
  }

  /** Whether the memory holds no text from before this run (no earlier run, no cache file's). */
  heldNothingBefore(): boolean {
    return this.earlier.size === 0;
  }

  /** Texts from before (a cache file): found by the next run, kept if it uses them. */
  fill(entries: Iterable<readonly [string, string]>): void {
    for (const [key, text] of entries) this.earlier.set(key, text);
  }

  /**
   * Ends a run that finished: its texts become the ones kept. True when they differ from the
   * ones kept before (a text was made, or one was not used), so that a cache file needs writing.
   */
  finishRun(): boolean {
    const changed = this.made > 0 || this.current.size !== this.earlier.size;
    this.earlier = this.current;
    this.current = new Map();
    this.chars = 0;
    this.made = 0;
    return changed;
  }

  /** The texts kept by the last finished run. */
  entries(): IterableIterator<[string, string]> {
    return this.earlier.entries();
  }
}

/** At most 64 M characters kept between runs: the cache of a catalog of about 1,600 events with
 * pages in four locales (1,000 events take 39 MB), and a bound on the memory it holds. */
const DEFAULT_BUDGET = 64 * 1024 * 1024;
